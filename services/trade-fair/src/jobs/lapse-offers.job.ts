// Every few seconds: waitlist offers past their deadline lapse (OFFER_LAPSED) and their booths go to the
// next in line. On libs/jobs: one instance at a time under a lease; idempotent (only OFFERED applications change).
import { defineJob } from '@hangviet/jobs';
import { lapseOffers } from '../application/lapse-offers';
import type { TradeFairDeps } from '../application/ports';

export function lapseOffersJob(deps: TradeFairDeps, every: string) {
  return defineJob({
    name: 'expire-waitlist-offers',
    schedule: { every },
    run: async () => {
      await lapseOffers(deps);
    },
  });
}
