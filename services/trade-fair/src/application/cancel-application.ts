import type { Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import type { BoothApplication } from '../domain/booth-application';
import { changeApplication } from './get-application';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface CancelApplicationCommand {
  fairId: string;
  applicationId: string;
  reason: string;
}

/** Staff cancel an application, with a reason; booths it held go to the waitlist. */
export async function cancelApplication(deps: TradeFairDeps, principal: Principal | undefined, command: CancelApplicationCommand): Promise<BoothApplication> {
  const actor = requireRoles(principal, 'cancelApplication');
  const reason = command.reason.trim();
  if (reason === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'say why the application is cancelled' }]);
  return changeApplication(deps, command, () => undefined, (app) => app.cancel(reason, actor.subject, deps.now()));
}
