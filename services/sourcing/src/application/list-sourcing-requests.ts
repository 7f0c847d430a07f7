import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { SourcingRequest, SourcingRequestStatus } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import type { SourcingDeps } from './ports';

export interface ListSourcingRequestsCommand extends PageRequest {
  status?: SourcingRequestStatus;
  buyerBusinessId?: string;
  /** The requests this supplier responded to (its owner, or staff). */
  supplierBusinessId?: string;
}

/**
 * Newest first. Anyone sees published requests; staff every status; a buyer's owner its own in every status;
 * a supplier's owner the requests it responded to. Asking for what one may not see narrows to PUBLISHED.
 */
export async function listSourcingRequests(deps: SourcingDeps, principal: Principal | undefined, command: ListSourcingRequestsCommand): Promise<Page<SourcingRequest>> {
  authorize(principal, ACCESS.listSourcingRequests);
  const { pageSize, pageToken, ...filter } = command;
  const own = async (businessId: string | undefined) => businessId !== undefined && (await deps.businesses.mayActFor(principal, businessId));
  const seesAll = isStaff(principal) || (await own(filter.buyerBusinessId)) || (await own(filter.supplierBusinessId));
  const status = seesAll ? filter.status : 'PUBLISHED';
  return deps.requests.list({ ...filter, ...(status ? { status } : {}) }, { pageSize, pageToken }, { ...filter, status });
}
