import { authorize, type Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import type { SourcingRequest, SupplierResponse } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actFor, changeRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface RespondToRequestCommand {
  id: string;
  supplierBusinessId: string;
  message: string;
  unitPriceVnd?: number;
}

/**
 * A supplier (an ACTIVE business, by its owner; or staff for it) answers a published request once; the answer
 * that reaches the cap closes it. Concurrent answers are serialised by the request's version (retried).
 */
export async function respondToRequest(deps: SourcingDeps, principal: Principal | undefined, command: RespondToRequestCommand): Promise<{ request: SourcingRequest; response: SupplierResponse }> {
  const caller = authorize(principal, ACCESS.respondToRequest);
  const actor = await actFor(deps, caller, command.supplierBusinessId);
  const supplier = await deps.businesses.current(command.supplierBusinessId);
  if (supplier?.status !== 'ACTIVE') {
    throw invalid([{ field: 'supplierBusinessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${command.supplierBusinessId} is not an active business of the directory` }]);
  }
  const request = await changeRequest(deps, command.id, (r) =>
    r.respond({ supplierBusinessId: command.supplierBusinessId, supplierName: supplier.name, message: command.message, ...(command.unitPriceVnd !== undefined ? { unitPriceVnd: command.unitPriceVnd } : {}), actor: actor.subject, now: deps.now() }),
  );
  return { request, response: request.responseOf(command.supplierBusinessId)! };
}
