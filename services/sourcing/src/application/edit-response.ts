import { authorize, type Principal } from '@hangviet/service-kit';
import type { SupplierResponse } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actFor, changeRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface EditResponseCommand {
  id: string;
  supplierBusinessId: string;
  message: string;
  unitPriceVnd?: number;
}

/** The supplier's one edit of its response (409 RESPONSE_EDITED on a second). */
export async function editResponse(deps: SourcingDeps, principal: Principal | undefined, command: EditResponseCommand): Promise<SupplierResponse> {
  const caller = authorize(principal, ACCESS.editResponse);
  const actor = await actFor(deps, caller, command.supplierBusinessId);
  const request = await changeRequest(deps, command.id, (r) =>
    r.editResponse({ supplierBusinessId: command.supplierBusinessId, message: command.message, ...(command.unitPriceVnd !== undefined ? { unitPriceVnd: command.unitPriceVnd } : {}), actor: actor.subject, now: deps.now() }),
  );
  return request.responseOf(command.supplierBusinessId)!;
}
