// Daily: forget businesses dissolved more than 90 days ago. On libs/jobs: one instance at a time under a
// lease; idempotent, so a second run (or a stale holder's) deletes nothing more.
import { defineJob, type DefinedJob } from '@hangviet/jobs';
import { RETENTION_DAYS, type KnownBusinesses } from './known-businesses';

export function forgetDissolvedBusinessesJob(businesses: KnownBusinesses, opts: { now?: () => Date; retentionDays?: number } = {}): DefinedJob {
  const now = opts.now ?? (() => new Date());
  return defineJob({
    name: 'forget-dissolved-businesses',
    schedule: { cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
    run: async () => {
      await businesses.forgetDissolved(now(), opts.retentionDays ?? RETENTION_DAYS);
    },
  });
}
