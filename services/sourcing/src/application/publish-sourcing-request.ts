import { authorize, type Principal } from '@hangviet/service-kit';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { changeRequest } from './acting';
import { matchesFor } from './match-suppliers';
import type { SourcingDeps } from './ports';

export interface PublishSourcingRequestCommand {
  id: string;
}

/** Staff publish a request under review; the suppliers it matches are told in the same write (its outbox). */
export async function publishSourcingRequest(deps: SourcingDeps, principal: Principal | undefined, { id }: PublishSourcingRequestCommand): Promise<SourcingRequest> {
  const actor = authorize(principal, ACCESS.publishSourcingRequest);
  return changeRequest(deps, id, async (request) => {
    const matches = await matchesFor(deps, request);
    return request.publish(actor.subject, deps.now(), matches.map((m) => ({ businessId: m.businessId, score: m.score, reasons: m.reasons.map((r) => r.code), name: m.name, contactEmail: m.contactEmail, preferredLocale: m.preferredLocale })));
  });
}
