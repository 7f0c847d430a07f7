// Who may do what with a business. Staff (and admins) decide; an enterprise user touches only
// the business it owns; partners and the public read the ACTIVE directory without personal data.
import { isStaff, type Principal } from '@hangviet/service-kit';
import { forbidden, notFound, unauthenticated } from '@hangviet/service-kit/errors';
import type { Business, BusinessState } from '../domain/business';

/**
 * Owner: the enterprise token names this business, and, when the record has an owning account, is that
 * account (staff may have transferred a disputed registration to it). Never the subject alone: two tokens
 * for two businesses could share one (issue 12, item 6).
 */
export function isOwner(p: Principal | undefined, business: Pick<BusinessState, 'id' | 'ownerSubject'>): boolean {
  if (!p?.roles.includes('enterprise') || p.businessId !== business.id) return false;
  return business.ownerSubject === undefined || business.ownerSubject === p.subject;
}

/** Another platform service over gRPC (role `service`): sees every status, never personal data. */
export function isService(p: Principal | undefined): boolean {
  return !!p?.roles.includes('service');
}

/** Staff or the owner: may see every status and the representative's personal data. */
export function canSeeEverything(p: Principal | undefined, business: Pick<BusinessState, 'id' | 'ownerSubject'>): boolean {
  return isStaff(p) || isOwner(p, business);
}

export function businessNotFound(id: string): Error {
  return notFound('BUSINESS_NOT_FOUND', `No business with id ${id}.`, { id });
}

/** A business the caller may not see is reported as missing, so its existence does not leak. */
export function requireVisible(p: Principal | undefined, business: Business | undefined, id: string): Business {
  if (!business) throw businessNotFound(id);
  if (business.status !== 'ACTIVE' && !canSeeEverything(p, business.state)) throw businessNotFound(id);
  return business;
}

export function requireEditor(p: Principal | undefined, business: Business): Principal {
  if (!p) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required.');
  if (canSeeEverything(p, business.state)) return p;
  throw forbidden('NOT_OWNER', 'Only staff or the owner may change this business.', { businessId: business.id });
}
