import type { Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { requireStaff } from './access';
import { modifyBusiness } from './modify-business';
import type { RegistryDeps } from './ports';

/** Dissolves a business in any status but DISSOLVED, with a reason (terminal). Staff only. */
export async function dissolveBusiness(
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
    change: (business, now) => business.dissolve(reason ?? '', actor, now),
  });
}
