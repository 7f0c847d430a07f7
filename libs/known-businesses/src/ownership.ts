// Who may act for a business outside the registry. The token's `business_id` claim says which business the
// caller means; the registry's owner subject says whether it may: a staff transfer of a squatted
// registration moves the owner, and the squatter's old token (same claim) stops working everywhere.
import { isStaff, type Principal } from '@hangviet/service-kit';
import type { KnownBusiness } from './known-business';

/** Whether a record can decide ownership: it names its owner (records before owners were carried do not). */
export const knowsOwner = (business: KnownBusiness | undefined): business is KnownBusiness & { ownerSubject: string } =>
  business?.ownerSubject !== undefined;

/**
 * An enterprise owns a business when its token names it and its subject is the registry's owner. A business
 * with no owner (imported by staff, seeded) is owned by no enterprise account. Staff are not owners: see
 * `mayActFor`.
 */
export function ownsBusiness(principal: Principal | undefined, businessId: string, business: KnownBusiness | undefined): boolean {
  if (!principal?.roles.includes('enterprise') || principal.businessId !== businessId) return false;
  if (!business || business.id !== businessId || !business.ownerSubject) return false;
  return business.ownerSubject === principal.subject;
}

/** Whether the question needs the business at all: staff always may; a token not naming it never does. */
export function needsOwner(principal: Principal | undefined, businessId: string): 'allowed' | 'refused' | 'ask' {
  if (isStaff(principal)) return 'allowed';
  if (!principal?.roles.includes('enterprise') || principal.businessId !== businessId) return 'refused';
  return 'ask';
}
