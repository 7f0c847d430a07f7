// Daily: forget businesses dissolved more than 90 days ago, in the known-businesses copy and the supplier
// copy alike (on libs/jobs: one instance at a time under a lease; idempotent).
import { defineJob } from '@hangviet/jobs';
import { RETENTION_DAYS } from '@hangviet/known-businesses';
import type { SourcingDeps } from '../application/ports';
import { forgetDissolvedBusinesses } from '../application/forget-dissolved-businesses';
import type { MongoSupplierDirectory } from '../infrastructure/mongo-suppliers';

export function forgetDissolvedBusinessesJob(deps: SourcingDeps, suppliers: MongoSupplierDirectory) {
  return defineJob({
    name: 'forget-dissolved-businesses',
    schedule: { cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' },
    run: async () => {
      await forgetDissolvedBusinesses(deps);
      await suppliers.forgetDissolved(new Date(deps.now().getTime() - RETENTION_DAYS * 86_400_000));
    },
  });
}
