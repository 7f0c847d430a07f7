import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Suspends an ACTIVE business, with a reason. Staff only. */
export function suspendBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.suspendBusiness, principal, id, expectedVersion, (business, actor, now) =>
    business.suspend(reason ?? '', actor, now),
  );
}
