// The waitlist: booths freed by a withdrawal, a cancellation, a suspension or a lapsed offer are
// offered to the best-placed waitlisted application that fits, with a confirmation deadline. The booth
// holds' unique keys keep two offers from taking one booth, whatever runs concurrently.
import { isConcurrentUpdate } from '@hangviet/events';
import { nextOffer } from '../domain/allocation';
import { getFair } from './get-fair';
import { fairContextOf, type TradeFairDeps } from './ports';

const OFFERING = ['ALLOCATING', 'PUBLISHED', 'RUNNING'];

export interface OfferFreedBoothsCommand {
  fairId: string;
  actorSubject: string;
}

/** Offers what is free at the fair, as long as someone on the waitlist fits; answers the applications offered. */
export async function offerFreedBooths(deps: TradeFairDeps, { fairId, actorSubject }: OfferFreedBoothsCommand): Promise<string[]> {
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
    try {
      await deps.applications.save(app, context);
      offered.push(app.id);
    } catch (err) {
      if (!isConcurrentUpdate(err)) throw err;
      await deps.holds.release(app.id);
      passed.add(app.id);
    }
  }
  return offered;
}
