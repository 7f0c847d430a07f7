import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { requireStaff } from './access';
import { modifyBusiness } from './modify-business';
import type { RegistryDeps } from './ports';

/** Approves a registration under review (PENDING_REVIEW → ACTIVE). Staff only. */
export async function approveBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  // Approval takes no reason; the parameter keeps every status action callable the same way.
  _reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  const staff = requireStaff(principal);
  const actor = { subject: staff.subject };
  return modifyBusiness(deps, {
    id,
    principal,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    authorise: () => undefined,
    change: (business, now) => business.approve(actor, now),
  });
}
