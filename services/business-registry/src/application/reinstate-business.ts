import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Reinstates a SUSPENDED business (→ ACTIVE); the reason is optional. Staff only. */
export function reinstateBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  reason?: string,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.reinstateBusiness, principal, id, expectedVersion, (business, actor, now) =>
    business.reinstate(actor, now, reason),
  );
}
