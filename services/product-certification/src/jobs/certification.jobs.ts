// Scheduled work on libs/jobs (one instance at a time under a lease). Each run is idempotent on its
// own too: the expiry notice is recorded in the certificate it concerns, so even two runs racing
// (a stale lease holder, two instances) emit one `expiring` per certificate.
import { defineJob } from '@hangviet/jobs';
import { advanceCertificates } from '../application/advance-certificates';
import { issueMissingCertificates } from '../application/issue-certificate';
import type { ProductCertificationDeps } from '../application/ports';
import { seedDemoCertificates } from '../application/seed-demo';

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

/** Tries every 30 s until the demo data is there (the registry seeds its directory at the same start). */
export function seedDemoDataJob(deps: ProductCertificationDeps) {
  let done = false;
  return defineJob({
    name: 'seed-demo-certificates',
    schedule: { every: '30s' },
    run: async () => {
      if (done) return;
      done = (await seedDemoCertificates(deps).catch(() => 'waiting' as const)) !== 'waiting';
    },
  });
}
