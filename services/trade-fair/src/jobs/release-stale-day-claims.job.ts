// Venue days claimed for a fair never written (a crash between the claim and the insert) are released.
// On libs/jobs: one instance at a time; idempotent (only days of fairs that do not exist go).
import { defineJob } from '@hangviet/jobs';
import type { TradeFairDeps } from '../application/ports';
import { releaseStaleDayClaims } from '../application/release-stale-day-claims';

export function releaseStaleDayClaimsJob(deps: TradeFairDeps, every: string, graceMs: number) {
  return defineJob({
    name: 'release-stale-day-claims',
    schedule: { every },
    run: async () => {
      await releaseStaleDayClaims(deps, { graceMs });
    },
  });
}
