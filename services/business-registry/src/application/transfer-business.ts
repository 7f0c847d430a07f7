import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff } from './modify-business';
import type { RegistryDeps } from './ports';

export interface TransferBusinessCommand {
  id: string;
  /** The rightful account's subject: the registration passes to it. */
  toSubject: string;
  reason: string;
  expectedVersion?: number;
}

/** Staff resolve a disputed registration under review: it passes to the rightful account, audited. */
export function transferBusiness(deps: RegistryDeps, principal: Principal | undefined, cmd: TransferBusinessCommand): Promise<Business> {
  return modifyBusinessAsStaff(deps, ACCESS.transferBusiness, principal, cmd, (business, actor, now) =>
    business.transferOwnership(cmd.toSubject, cmd.reason, actor, now),
  );
}
