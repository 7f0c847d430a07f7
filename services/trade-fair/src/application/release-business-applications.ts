import { isConcurrentUpdate } from '@hangviet/events';
import { offerFreedBooths } from './offer-freed-booths';
import { fairContextOf, type TradeFairDeps } from './ports';

export interface ReleaseBusinessApplicationsCommand {
  businessId: string;
  reason: 'BUSINESS_SUSPENDED' | 'BUSINESS_DISSOLVED';
}

/** A suspended or dissolved business loses its live applications; its booths go to the waitlist. Idempotent. */
export async function releaseBusinessApplications(deps: TradeFairDeps, { businessId, reason }: ReleaseBusinessApplicationsCommand): Promise<number> {
  let count = 0;
  for (const app of await deps.applications.liveOfBusiness(businessId)) {
    const fair = await deps.fairs.findById(app.state.fairId);
    if (!fair || fair.state.status === 'CLOSED' || fair.state.status === 'RUNNING') continue;
    const held = app.state.booths.length > 0;
    app.cancel(reason, 'system:business-registry', deps.now());
    try {
      await deps.applications.save(app, fairContextOf(fair.state));
    } catch (err) {
      if (isConcurrentUpdate(err)) continue; // changed meanwhile: the redelivery retries
      throw err;
    }
    await deps.holds.release(app.id);
    if (held) await offerFreedBooths(deps, { fairId: fair.id, actorSubject: 'system:waitlist' });
    count++;
  }
  return count;
}
