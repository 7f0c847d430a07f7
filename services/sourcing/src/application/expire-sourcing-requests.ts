import { isConcurrentUpdate } from '@hangviet/events';
import type { SourcingDeps } from './ports';

/** The expiry job's work: published requests past their closing time become EXPIRED. Idempotent; returns how many. */
export async function expireSourcingRequests(deps: SourcingDeps, { batch = 200 } = {}): Promise<number> {
  const now = deps.now();
  let expired = 0;
  for (const request of await deps.requests.dueToExpire(now, batch)) {
    if (!request.isDueToExpire(now)) continue;
    try {
      await deps.requests.save(request.expire(now));
      expired += 1;
    } catch (err) {
      // Changed meanwhile (closed by its last response, renewed): the next run sees it as it now stands.
      if (!isConcurrentUpdate(err)) throw err;
    }
  }
  return expired;
}
