import { authorize, type Principal } from '@hangviet/service-kit';
import type { AccessRule, Roles } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Submission } from '../domain/submission';
import type { CampaignResultsDeps } from './ports';

/** Loads a submission, lets `change` act on it as the authorised principal, and saves it with its event. */
export async function changeSubmission(
  deps: CampaignResultsDeps,
  principal: Principal | undefined,
  rule: AccessRule<Roles>,
  id: string,
  change: (aggregate: Submission, actor: { subject: string }, now: Date) => void,
): Promise<Submission> {
  const actor = authorize(principal, rule);
  const aggregate = await deps.submissions.findById(id);
  if (!aggregate) throw notFound('SUBMISSION_NOT_FOUND', `No submission has the id ${id}.`, { id });
  change(aggregate, { subject: actor.subject }, deps.now());
  await deps.submissions.save(aggregate);
  return aggregate;
}
