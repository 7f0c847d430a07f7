import { notFound } from '@hangviet/service-kit/errors';
import type { SourcingRequest } from '../domain/sourcing-request';
import type { SourcingDeps } from './ports';

/** Anyone may read a sourcing-request: it carries nothing personal. */
export async function getSourcingRequest(deps: SourcingDeps, id: string): Promise<SourcingRequest> {
  const aggregate = await deps.sourcingRequests.findById(id);
  if (!aggregate) throw notFound('SOURCING_REQUEST_NOT_FOUND', `No sourcing-request has the id ${id}.`, { id });
  return aggregate;
}
