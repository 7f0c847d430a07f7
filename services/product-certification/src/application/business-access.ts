// Whether a business may act, from this service's copy of the directory (kept fresh by business.*
// events); a business the copy has not heard of yet is asked of the registry over gRPC and remembered.
import { isStaff, requireBusinessAccess, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { KnownBusiness, ProductCertificationDeps } from './ports';

export async function knownBusiness(deps: Pick<ProductCertificationDeps, 'businesses' | 'registry'>, businessId: string): Promise<KnownBusiness | undefined> {
  const known = await deps.businesses.find(businessId);
  if (known) return known;
  const fresh = await deps.registry.getBusiness(businessId);
  if (fresh) await deps.businesses.record(fresh);
  return fresh;
}

export async function requireKnownBusiness(deps: Pick<ProductCertificationDeps, 'businesses' | 'registry'>, businessId: string): Promise<KnownBusiness> {
  const business = await knownBusiness(deps, businessId);
  if (!business) throw notFound('BUSINESS_NOT_FOUND', `no business ${businessId} in the directory`, { businessId });
  return business;
}

/** Staff, or the enterprise that owns the business. */
export const canSeeBusiness = (principal: Principal | undefined, businessId: string): boolean =>
  isStaff(principal) || (principal?.roles.includes('enterprise') === true && principal.businessId === businessId);

export const actorOf = (principal: Principal | undefined): { subject: string } => ({ subject: principal?.subject ?? 'anonymous' });

export { requireBusinessAccess };
