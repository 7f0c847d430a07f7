import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/** Dissolves a business in any status but DISSOLVED, with a reason (terminal). Staff only. */
export function dissolveBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  command: StatusCommand,
): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.dissolveBusiness, principal, command, (business, actor, now) =>
    business.dissolve(command.reason ?? '', actor, now),
  );
}
