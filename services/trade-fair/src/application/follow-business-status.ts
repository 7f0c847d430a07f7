import type { BusinessStatusChange } from '@hangviet/known-businesses';
import { releaseBusinessApplications } from './release-business-applications';
import type { TradeFairDeps } from './ports';

/**
 * What a change of a business means here (the copy itself is kept by @hangviet/known-businesses): a business
 * suspended or dissolved loses its live applications, and its booths go to the waitlist. Idempotent (only
 * live applications change), so a redelivered event changes nothing more; followed also when the record was
 * stale but still the latest, so a crash after recording but before releasing is finished by the redelivery.
 */
export async function followBusinessStatus(deps: TradeFairDeps, { business, latest }: BusinessStatusChange): Promise<void> {
  if (!latest || (business.status !== 'SUSPENDED' && business.status !== 'DISSOLVED')) return;
  await releaseBusinessApplications(deps, { businessId: business.id, reason: business.status === 'SUSPENDED' ? 'BUSINESS_SUSPENDED' : 'BUSINESS_DISSOLVED' });
}
