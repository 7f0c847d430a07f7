import { authorize, type Principal } from '@hangviet/service-kit';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { changeRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface RejectSourcingRequestCommand {
  id: string;
  reason: string;
}

/** Staff reject a request under review, saying why (the buyer reads it; partners only with `internal-reasons`). */
export async function rejectSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, { id, reason }: RejectSourcingRequestCommand): Promise<SourcingRequest> {
  const actor = authorize(principal, ACCESS.rejectSourcingRequest);
  return changeRequest(deps, id, (request) => request.reject(actor.subject, reason, deps.now()));
}
