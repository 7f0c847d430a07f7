// The business an account owns, for the identity to put in the account's tokens (issue 20, finding 1): the
// registry's owner subject is the one source of truth, so after a staff transfer the rightful account gets
// the business at its next sign-in and the squatter no longer does.
import { requireRole, type Principal } from '@hangviet/service-kit';
import type { Business, BusinessStatus } from '../domain/business';
import { businessNotFound } from './access';
import type { RegistryDeps } from './ports';

const RANK: Record<BusinessStatus, number> = { ACTIVE: 0, SUSPENDED: 1, PENDING_REVIEW: 2, REJECTED: 3, DISSOLVED: 4 };

/** Of several owned businesses, the live one: ACTIVE, then SUSPENDED, then under review, then the rest; newest first. */
export function primaryBusiness(owned: readonly Business[]): Business | undefined {
  return [...owned].sort((a, b) => RANK[a.status] - RANK[b.status] || b.state.updatedAt.getTime() - a.state.updatedAt.getTime() || a.id.localeCompare(b.id))[0];
}

export interface FindBusinessByOwnerCommand {
  ownerSubject: string;
}

/** Other services (the identity) and staff only: which account owns what is not for other users. */
export async function findBusinessByOwner(deps: RegistryDeps, principal: Principal | undefined, cmd: FindBusinessByOwnerCommand): Promise<Business> {
  requireRole(principal, 'service', 'staff', 'admin');
  const found = primaryBusiness(await deps.businesses.findAllByOwner(cmd.ownerSubject));
  if (!found) throw businessNotFound(cmd.ownerSubject);
  return found;
}
