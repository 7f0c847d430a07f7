import { authorize, type Principal } from '@hangviet/service-kit';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actAsBuyer, changeRequest, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface CloseSourcingRequestCommand {
  id: string;
}

/** The buyer (or staff) closes a published request: it takes no more responses. */
export async function closeSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, { id }: CloseSourcingRequestCommand): Promise<SourcingRequest> {
  const caller = authorize(principal, ACCESS.closeSourcingRequest);
  const actor = await actAsBuyer(deps, caller, await requireRequest(deps, id));
  return changeRequest(deps, id, (request) => request.close(actor.subject, deps.now()));
}
