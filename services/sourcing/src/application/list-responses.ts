import { authorize, type Principal } from '@hangviet/service-kit';
import { forbidden } from '@hangviet/service-kit/errors';
import type { SupplierResponse } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { isBuyerSide, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface ListResponsesCommand {
  id: string;
}

/** The buyer and staff read every response; a supplier's owner only its own; anyone else 403 NOT_BUYER. */
export async function listResponses(deps: SourcingDeps, principal: Principal | undefined, { id }: ListResponsesCommand): Promise<SupplierResponse[]> {
  const caller = authorize(principal, ACCESS.listResponses);
  const request = await requireRequest(deps, id);
  if (await isBuyerSide(deps, caller, request)) return [...request.state.responses];
  const own = caller.businessId !== undefined ? request.responseOf(caller.businessId) : undefined;
  if (own && (await deps.businesses.mayActFor(caller, own.supplierBusinessId))) return [own];
  throw forbidden('NOT_BUYER', 'Only the buyer and staff read the responses to a request.', { id });
}
