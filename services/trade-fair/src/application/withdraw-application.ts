import type { Principal } from '@hangviet/service-kit';
import type { BoothApplication } from '../domain/booth-application';
import { changeApplication } from './get-application';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface WithdrawApplicationCommand {
  fairId: string;
  applicationId: string;
}

/** The enterprise withdraws its application; booths it held go to the waitlist. */
export async function withdrawApplication(deps: TradeFairDeps, principal: Principal | undefined, command: WithdrawApplicationCommand): Promise<BoothApplication> {
  const actor = requireRoles(principal, 'withdrawApplication');
  return changeApplication(deps, command, (app) => deps.businesses.assertOwns(actor, app.state.businessId), (app) => app.withdraw(actor.subject, deps.now()));
}
