import { authorize, type Principal } from '@hangviet/service-kit';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actAsBuyer, changeRequest, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface RenewSourcingRequestCommand {
  id: string;
  closingTime: Date;
}

/** The buyer (or staff) renews an expired request until a new closing time. */
export async function renewSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, { id, closingTime }: RenewSourcingRequestCommand): Promise<SourcingRequest> {
  const caller = authorize(principal, ACCESS.renewSourcingRequest);
  const actor = await actAsBuyer(deps, caller, await requireRequest(deps, id));
  return changeRequest(deps, id, (request) => request.renew(actor.subject, closingTime, deps.now()));
}
