import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Rejects a registration under review, with a reason (PENDING_REVIEW → REJECTED). Staff only. */
export function rejectBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.rejectBusiness, principal, id, expectedVersion, (business, actor, now) =>
    business.reject(reason ?? '', actor, now),
  );
}
