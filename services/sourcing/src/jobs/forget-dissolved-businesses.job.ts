// Daily: forget businesses dissolved more than 90 days ago (@hangviet/known-businesses' clean-up job, on
// libs/jobs: one instance at a time under a lease; idempotent).
import { forgetDissolvedBusinessesJob as knownBusinessesCleanUp } from '@hangviet/known-businesses';
import type { SourcingDeps } from '../application/ports';

export function forgetDissolvedBusinessesJob(deps: SourcingDeps) {
  return knownBusinessesCleanUp(deps.businesses, { now: deps.now });
}
