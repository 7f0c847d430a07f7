// Scheduled work on libs/jobs (one instance at a time under a lease). Each run is idempotent on its
// own too: the expiry notice is recorded in the certificate it concerns, so even two runs racing
// (a stale lease holder, two instances) emit one `expiring` per certificate.
import { defineJob } from '@hangviet/jobs';
import { issueMissingCertificates } from '../application/applications';
import { advanceCertificates } from '../application/certificates';
import type { ProductCertificationDeps } from '../application/ports';
import type { DatabaseRateLimiter } from '../infrastructure/rate-limiter';

export function certificateExpiryJob(deps: ProductCertificationDeps, cron: string) {
  return defineJob({
    name: 'certificate-expiry',
    schedule: { cron, timezone: 'Asia/Ho_Chi_Minh' },
    run: async () => {
      await advanceCertificates(deps);
    },
  });
}

export function issueMissingCertificatesJob(deps: ProductCertificationDeps) {
  return defineJob({ name: 'issue-missing-certificates', schedule: { cron: '*/5 * * * *' }, run: async () => void (await issueMissingCertificates(deps)) });
}

export function forgetOldBusinessesJob(deps: ProductCertificationDeps) {
  return defineJob({
    name: 'forget-dissolved-businesses',
    schedule: { cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
    run: async () => void (await deps.businesses.forgetDissolved(new Date(deps.now().getTime() - 90 * 86_400_000))),
  });
}

export function sweepRateCountersJob(limiter: DatabaseRateLimiter) {
  return defineJob({ name: 'sweep-report-rate-counters', schedule: { cron: '17 * * * *' }, run: async () => void (await limiter.sweep(new Date(Date.now() - 86_400_000))) });
}
