import { isConcurrentUpdate } from '@hangviet/events';
import { getFair } from './get-fair';
import { offerFreedBooths } from './offer-freed-booths';
import { fairContextOf, type TradeFairDeps } from './ports';

/** Offers whose deadline passed lapse (OFFER_LAPSED, their own state) and their booths go to the next in line. */
export async function lapseOffers(deps: TradeFairDeps, { limit = 100 }: { limit?: number } = {}): Promise<number> {
  const lapsed = await deps.applications.lapsedOffers(deps.now(), limit);
  const fairs = new Set<string>();
  let count = 0;
  for (const app of lapsed) {
    const fair = await getFair(deps, app.state.fairId);
    app.lapse('system:waitlist', deps.now());
    try {
      await deps.applications.save(app, fairContextOf(fair.state));
    } catch (err) {
      if (isConcurrentUpdate(err)) continue; // confirmed or withdrawn meanwhile
      throw err;
    }
    await deps.holds.release(app.id);
    fairs.add(app.state.fairId);
    count++;
  }
  for (const fairId of fairs) await offerFreedBooths(deps, { fairId, actorSubject: 'system:waitlist' });
  return count;
}
