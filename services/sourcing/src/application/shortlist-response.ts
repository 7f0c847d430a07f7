import { authorize, type Principal } from '@hangviet/service-kit';
import type { SupplierResponse } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actAsBuyer, changeRequest, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface ShortlistResponseCommand {
  id: string;
  supplierBusinessId: string;
}

/** The buyer (or staff) shortlists a supplier's response; a second time changes nothing. */
export async function shortlistResponse(deps: SourcingDeps, principal: Principal | undefined, { id, supplierBusinessId }: ShortlistResponseCommand): Promise<SupplierResponse> {
  const caller = authorize(principal, ACCESS.shortlistResponse);
  const actor = await actAsBuyer(deps, caller, await requireRequest(deps, id));
  const request = await changeRequest(deps, id, (r) => r.shortlist(supplierBusinessId, actor.subject, deps.now()));
  return request.responseOf(supplierBusinessId)!;
}
