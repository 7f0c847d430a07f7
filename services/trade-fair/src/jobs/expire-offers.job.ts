// Every few seconds: waitlist offers past their deadline lapse and their booths go to the next in line.
// On libs/jobs: one instance at a time under a lease; idempotent (only OFFERED applications change).
import { defineJob } from '@hangviet/jobs';
import type { TradeFairDeps } from '../application/ports';
import { expireOffers } from '../application/waitlist';

export function expireOffersJob(deps: TradeFairDeps, every: string) {
  return defineJob({
    name: 'expire-waitlist-offers',
    schedule: { every },
    run: async () => {
      await expireOffers(deps);
    },
  });
}
