import type { Principal } from '@hangviet/service-kit';
import type { Submission } from '../domain/submission';
import { ACCESS } from './access-rules';
import type { CampaignResultsDeps } from './ports';
import { changeSubmission } from './review-submission';

/** The centre returns a submitted figure to its unit, saying why. */
export async function returnSubmission(deps: CampaignResultsDeps, principal: Principal | undefined, command: { id: string; reason: string }): Promise<Submission> {
  return changeSubmission(deps, principal, ACCESS.returnSubmission, command.id, (s, actor, now) => s.return(actor, command.reason, now));
}
