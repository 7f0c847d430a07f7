import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/** Suspends an ACTIVE business, with a reason. Staff only. */
export function suspendBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  command: StatusCommand,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.suspendBusiness, principal, command, (business, actor, now) =>
    business.suspend(command.reason ?? '', actor, now),
  );
}
