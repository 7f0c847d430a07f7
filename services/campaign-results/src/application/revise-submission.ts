import type { Principal } from '@hangviet/service-kit';
import type { Submission, SubmissionFigure } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';
import { changeSubmission } from './review-submission';

/** The unit corrects a returned figure and submits it again. */
export async function reviseSubmission(deps: CampaignResultsDeps, principal: Principal | undefined, command: { id: string; figure: SubmissionFigure }): Promise<Submission> {
  return changeSubmission(deps, principal, ACCESS.reviseSubmission, command.id, (s, actor, now) => s.revise(actor, command.figure, now));
}
