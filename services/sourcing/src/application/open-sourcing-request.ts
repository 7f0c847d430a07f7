import { authorize, type Principal } from '@hangviet/service-kit';
import { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import type { SourcingDeps } from './ports';

export interface OpenSourcingRequestCommand {
  businessId: string;
  title: string;
}

/** Staff open a sourcing-request for any active business; an enterprise user only for their own (the registry's owner decides). */
export async function openSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, command: OpenSourcingRequestCommand): Promise<SourcingRequest> {
  const actor = await deps.businesses.assertOwns(authorize(principal, ACCESS.openSourcingRequest), command.businessId);
  const aggregate = SourcingRequest.open({
    id: deps.sourcingRequests.newId(),
    businessId: command.businessId,
    businessStatus: (await deps.businesses.stored(command.businessId))?.status,
    title: command.title,
    actor: { subject: actor.subject },
    now: deps.now(),
  });
  await deps.sourcingRequests.add(aggregate);
  return aggregate;
}
