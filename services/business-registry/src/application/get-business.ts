import type { Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Business } from '../domain/business';
import { requireVisible } from './access';
import type { RegistryDeps, VisibilityOptions } from './ports';

/**
 * The public sees ACTIVE businesses only; staff and the owner see every status. Internal callers
 * (other services over gRPC, inside the cluster) see every status: they act on suspensions.
 */
export async function getBusiness(deps: RegistryDeps, principal: Principal | undefined, id: string, opts: VisibilityOptions = {}): Promise<Business> {
  const business = await deps.businesses.findById(id);
  return opts.allStatuses && business ? business : requireVisible(principal, business, id);
}

/** Batch form for internal callers: every id must exist (AIP-231), results in request order. */
export async function getBusinesses(deps: RegistryDeps, ids: string[]): Promise<Business[]> {
  const found = new Map((await deps.businesses.findByIds([...new Set(ids)])).map((b) => [b.id, b]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw notFound('BUSINESS_NOT_FOUND', `No business with id ${missing.join(', ')}.`, { ids: missing.join(',') });
  }
  return ids.map((id) => found.get(id) as Business);
}
