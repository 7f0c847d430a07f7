// Daily: forget businesses dissolved more than 90 days ago. On libs/jobs: one instance at a time under
// a lease; idempotent, so a second run (or a stale holder's) deletes nothing more.
import { defineJob } from '@hangviet/jobs';
import { forgetDissolvedBusinesses } from '../application/forget-dissolved-businesses';
import type { TradeFairDeps } from '../application/ports';

export function forgetDissolvedBusinessesJob(deps: TradeFairDeps) {
  return defineJob({
    name: 'forget-dissolved-businesses',
    schedule: { cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
    run: async () => {
      await forgetDissolvedBusinesses(deps);
    },
  });
}
