import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/** Reinstates a SUSPENDED business (→ ACTIVE); the reason is optional. Staff only. */
export function reinstateBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  command: StatusCommand,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.reinstateBusiness, principal, command, (business, actor, now) =>
    business.reinstate(actor, now, command.reason),
  );
}
