import type { Principal } from '@hangviet/service-kit';
import type { Submission } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';
import { changeSubmission } from './review-submission';

/** The centre approves a submitted figure: from its event on, it counts in the indicators. */
export async function approveSubmission(deps: CampaignResultsDeps, principal: Principal | undefined, command: { id: string }): Promise<Submission> {
  return changeSubmission(deps, principal, ACCESS.approveSubmission, command.id, (s, actor, now) => s.approve(actor, now));
}
