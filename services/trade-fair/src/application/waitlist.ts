// The waitlist: booths freed by a withdrawal, a cancellation, a suspension or a lapsed offer are
// offered to the best-placed waitlisted application that fits, with a confirmation deadline. The booth
// holds' unique keys keep two offers from taking one booth, whatever runs concurrently.
import { nextOffer } from '../domain/allocation';
import { getFair } from './manage-fairs';
import { fairContextOf, type TradeFairDeps } from './ports';

const OFFERING = ['ALLOCATING', 'PUBLISHED', 'RUNNING'];

/** Offers what is free at the fair, as long as someone on the waitlist fits; answers the applications offered. */
export async function offerFreedBooths(deps: TradeFairDeps, fairId: string, actorSubject: string): Promise<string[]> {
  const fair = await getFair(deps, fairId);
  if (!OFFERING.includes(fair.state.status)) return [];
  const context = fairContextOf(fair.state);
  const offered: string[] = [];
  const passed = new Set<string>();
  for (let round = 0; round < 100; round++) {
    const [venue, held, apps] = await Promise.all([deps.venues.findById(fair.state.venueId), deps.holds.ofFair(fairId), deps.applications.allOfFair(fairId)]);
    const taken = new Set(held.map((h) => h.code));
    const free = (venue?.booths ?? []).filter((b) => !b.blocked && !taken.has(b.code));
    const waitlisted = apps
      .filter((a) => a.state.status === 'WAITLISTED' && !passed.has(a.id))
      .map((a) => ({ app: a, ...a.state, waitlistPosition: a.state.waitlistPosition ?? Number.MAX_SAFE_INTEGER }));
    const next = nextOffer(waitlisted, free);
    if (!next) break;
    const { app } = next.application;
    if (!(await deps.holds.hold(fairId, next.booths, app.id, app.state.businessName, 'RESERVED'))) continue;
    const now = deps.now();
    app.offer(next.booths, new Date(now.getTime() + deps.settings.offerHoldMs), actorSubject, now);
    if (await deps.applications.save(app, context)) offered.push(app.id);
    else {
      await deps.holds.release(app.id);
      passed.add(app.id);
    }
  }
  return offered;
}

/** Offers whose deadline passed lapse (REJECTED, OFFER_EXPIRED) and their booths go to the next in line. */
export async function expireOffers(deps: TradeFairDeps): Promise<number> {
  const lapsed = await deps.applications.lapsedOffers(deps.now(), 100);
  const fairs = new Set<string>();
  let count = 0;
  for (const app of lapsed) {
    const fair = await getFair(deps, app.state.fairId);
    app.reject('OFFER_EXPIRED', 'system:waitlist', deps.now());
    if (await deps.applications.save(app, fairContextOf(fair.state))) {
      await deps.holds.release(app.id);
      fairs.add(app.state.fairId);
      count++;
    }
  }
  for (const fairId of fairs) await offerFreedBooths(deps, fairId, 'system:waitlist');
  return count;
}
