// Who acts for which side. An enterprise acts only for a business whose registry owner is its token's
// subject (issue 20: KnownBusinesses.assertOwns asks the copy, else the registry); staff act for anyone.
import { isStaff, type Principal } from '@hangviet/service-kit';
import { forbidden, notFound } from '@hangviet/service-kit/errors';
import type { SourcingRequest } from '../domain/sourcing-request';
import type { SourcingDeps } from './ports';

/** Staff, or the owner of `businessId`; 403 NOT_OWNER otherwise. */
export function actFor(deps: SourcingDeps, principal: Principal, businessId: string): Promise<Principal> {
  return deps.businesses.assertOwns(principal, businessId);
}

/** Staff, or the owner of the request's buyer; an outside buyer's request is staff's alone. */
export async function actAsBuyer(deps: SourcingDeps, principal: Principal, request: SourcingRequest): Promise<Principal> {
  if (isStaff(principal)) return principal;
  const buyer = request.state.buyerBusinessId;
  if (buyer === undefined) throw forbidden('NOT_OWNER', 'Staff act for an outside buyer.', { requestId: request.id });
  return deps.businesses.assertOwns(principal, buyer);
}

/** Whether the caller may see what is the buyer's: staff, or the buyer's owner (no error: reads degrade). */
export async function isBuyerSide(deps: SourcingDeps, principal: Principal | undefined, request: SourcingRequest): Promise<boolean> {
  if (isStaff(principal)) return true;
  const buyer = request.state.buyerBusinessId;
  return buyer !== undefined && principal !== undefined && (await deps.businesses.mayActFor(principal, buyer));
}

/** The request, or 404 SOURCING_REQUEST_NOT_FOUND. */
export async function requireRequest(deps: SourcingDeps, id: string): Promise<SourcingRequest> {
  const request = await deps.requests.findById(id);
  if (!request) throw notFound('SOURCING_REQUEST_NOT_FOUND', `No sourcing request has the id ${id}.`, { id });
  return request;
}

/** Published, closed and expired requests are public; under review or rejected ones are the buyer's and staff's (404 to others). */
export const PUBLIC_STATUSES: readonly string[] = ['PUBLISHED', 'CLOSED', 'EXPIRED'];

/** Loads, changes and saves a request, retrying when someone else changed it meanwhile (responses arrive together). */
export async function changeRequest(deps: SourcingDeps, id: string, change: (request: SourcingRequest) => Promise<SourcingRequest> | SourcingRequest, attempts = 8): Promise<SourcingRequest> {
  for (let attempt = 1; ; attempt += 1) {
    const request = await requireRequest(deps, id);
    const changed = await change(request);
    try {
      await deps.requests.save(changed);
      return changed;
    } catch (err) {
      if (attempt >= attempts || (err as { code?: string }).code !== 'CONCURRENT_UPDATE') throw err;
      // Back off a little, at random, so concurrent writers do not collide again in step.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
