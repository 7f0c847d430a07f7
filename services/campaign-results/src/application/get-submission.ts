import { notFound } from '@hangviet/service-kit/errors';
import type { Submission } from '../domain/submission';
import type { CampaignResultsDeps } from './ports';

/** Anyone may read a submission: it carries nothing personal. */
export async function getSubmission(deps: CampaignResultsDeps, id: string): Promise<Submission> {
  const aggregate = await deps.submissions.findById(id);
  if (!aggregate) throw notFound('SUBMISSION_NOT_FOUND', `No submission has the id ${id}.`, { id });
  return aggregate;
}
