import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { isBuyerSide, PUBLIC_STATUSES, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface GetSourcingRequestCommand {
  id: string;
}

/** A published (closed, expired) request for anyone; one under review or rejected only for its buyer and staff (404 to others). */
export async function getSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, { id }: GetSourcingRequestCommand): Promise<{ request: SourcingRequest; buyerSide: boolean }> {
  authorize(principal, ACCESS.getSourcingRequest);
  const request = await requireRequest(deps, id);
  const buyerSide = await isBuyerSide(deps, principal, request);
  if (!PUBLIC_STATUSES.includes(request.state.status) && !buyerSide) {
    throw notFound('SOURCING_REQUEST_NOT_FOUND', `No sourcing request has the id ${id}.`, { id });
  }
  return { request, buyerSide };
}
