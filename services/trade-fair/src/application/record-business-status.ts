import { releaseBusinessApplications } from './release-business-applications';
import type { KnownBusiness, TradeFairDeps } from './ports';

/**
 * Keeps this service's copy of a business (idempotent by id and the directory's version); a business
 * suspended or dissolved loses its live applications, and its booths go to the waitlist. The release is
 * idempotent too (only live applications change), so a redelivered event changes nothing more.
 */
export async function recordBusinessStatus(deps: TradeFairDeps, business: KnownBusiness): Promise<'recorded' | 'stale'> {
  const outcome = await deps.businesses.record(business);
  if (business.status === 'SUSPENDED' || business.status === 'DISSOLVED') {
    // Also when stale: a crash after recording but before releasing is finished by the redelivery.
    const current = await deps.businesses.find(business.id);
    if (current?.status === business.status) await releaseBusinessApplications(deps, { businessId: business.id, reason: business.status === 'SUSPENDED' ? 'BUSINESS_SUSPENDED' : 'BUSINESS_DISSOLVED' });
  }
  return outcome;
}
