import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Approves a registration under review (PENDING_REVIEW → ACTIVE). Staff only. */
export function approveBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  // Approval takes no reason; the parameter keeps every status action callable the same way.
  _reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, principal, id, expectedVersion, (business, actor, now) =>
    business.approve(actor, now),
  );
}
