import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

/** Staff apply an owner's pending material change (legal name, names, address, industries). */
export function approveChangeRequest(deps: RegistryDeps, principal: Principal | undefined, id: string, _reason?: string, expectedVersion?: number): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.approveChangeBusiness, principal, id, expectedVersion, (business, actor, now) => business.approveChange(actor, now));
}

/** Staff refuse it, with a reason; the directory keeps the approved values. */
export function rejectChangeRequest(deps: RegistryDeps, principal: Principal | undefined, id: string, reason?: string, expectedVersion?: number): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.rejectChangeBusiness, principal, id, expectedVersion, (business, actor, now) => business.rejectChange(reason ?? '', actor, now));
}
