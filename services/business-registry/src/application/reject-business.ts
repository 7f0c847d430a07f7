import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/** Rejects a registration under review, with a reason (PENDING_REVIEW → REJECTED). Staff only. */
export function rejectBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  command: StatusCommand,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.rejectBusiness, principal, command, (business, actor, now) =>
    business.reject(command.reason ?? '', actor, now),
  );
}
