import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/** Staff apply an owner's pending material change (legal name, names, address, industries). */
export function approveChangeRequest(deps: RegistryDeps, principal: Principal | undefined, command: StatusCommand): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.approveChangeBusiness, principal, command, (business, actor, now) => business.approveChange(actor, now));
}

/** Staff refuse it, with a reason; the directory keeps the approved values. */
export function rejectChangeRequest(deps: RegistryDeps, principal: Principal | undefined, command: StatusCommand): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.rejectChangeBusiness, principal, command, (business, actor, now) => business.rejectChange(command.reason ?? '', actor, now));
}
