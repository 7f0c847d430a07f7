import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { requireStaff } from './access';
import { modifyBusiness } from './modify-business';
import type { RegistryDeps } from './ports';

/** Reinstates a SUSPENDED business (→ ACTIVE); the reason is optional. Staff only. */
export async function reinstateBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  const staff = requireStaff(principal);
  const actor = { subject: staff.subject };
  return modifyBusiness(deps, {
    id,
    principal,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    authorise: () => undefined,
    change: (business, now) => business.reinstate(actor, now, reason),
  });
}
