import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Submission } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';

/** One submission with its audit history (staff). */
export async function getSubmission(deps: CampaignResultsDeps, principal: Principal | undefined, command: { id: string }): Promise<Submission> {
  authorize(principal, ACCESS.getSubmission);
  const aggregate = await deps.submissions.findById(command.id);
  if (!aggregate) throw notFound('SUBMISSION_NOT_FOUND', `No submission has the id ${command.id}.`, { id: command.id });
  return aggregate;
}
