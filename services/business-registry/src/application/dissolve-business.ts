import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Dissolves a business in any status but DISSOLVED, with a reason (terminal). Staff only. */
export function dissolveBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.dissolveBusiness, principal, id, expectedVersion, (business, actor, now) =>
    business.dissolve(reason ?? '', actor, now),
  );
}
