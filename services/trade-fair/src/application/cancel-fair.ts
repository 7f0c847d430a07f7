import { isConcurrentUpdate } from '@hangviet/events';
import type { Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import type { Fair } from '../domain/fair';
import { changeFair } from './get-fair';
import { fairContextOf, type TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface CancelFairCommand {
  fairId: string;
  reason: string;
}

/** Cancels the fair, frees its venue days, and cancels its live applications (their booths with them). */
export async function cancelFair(deps: TradeFairDeps, principal: Principal | undefined, { fairId, reason }: CancelFairCommand): Promise<Fair> {
  const actor = requireRoles(principal, 'cancelFair');
  if (reason.trim() === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'say why the fair is cancelled' }]);
  const fair = await changeFair(deps, fairId, (f) => f.moveTo('CANCELLED', actor.subject, deps.now(), reason.trim()));
  await deps.calendar.release(fairId);
  const context = fairContextOf(fair.state);
  for (const app of await deps.applications.allOfFair(fairId)) {
    if (!app.live) continue;
    app.cancel('FAIR_CANCELLED', actor.subject, deps.now());
    try {
      await deps.applications.save(app, context);
      await deps.holds.release(app.id);
    } catch (err) {
      if (!isConcurrentUpdate(err)) throw err; // changed meanwhile: that change decides it
    }
  }
  return fair;
}
