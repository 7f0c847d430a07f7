import { authorize, type Principal } from '@hangviet/service-kit';
import { Submission, type SubmissionFigure } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';

export type SubmitFigureCommand = SubmissionFigure;

/** A unit's staff submit a figure the platform cannot see, with evidence; the centre reviews it. */
export async function submitFigure(deps: CampaignResultsDeps, principal: Principal | undefined, command: SubmitFigureCommand): Promise<Submission> {
  const actor = authorize(principal, ACCESS.submitFigure);
  const aggregate = Submission.submit({ ...command, id: deps.submissions.newId(), actor: { subject: actor.subject }, now: deps.now() });
  await deps.submissions.add(aggregate);
  return aggregate;
}
