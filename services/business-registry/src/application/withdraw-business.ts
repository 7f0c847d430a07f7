import { authorize, type Principal } from '@hangviet/service-kit';
import { ACCESS } from './access-rules';
import { forbidden } from '@hangviet/service-kit/errors';
import type { Business } from '../domain/business';
import { isOwner } from './access';
import { modifyBusiness } from './modify-business';
import type { RegistryDeps } from './ports';

/** The applicant withdraws their registration under review: it ends and frees its tax code. Owner only. */
export function withdrawBusiness(deps: RegistryDeps, principal: Principal | undefined, id: string, expectedVersion?: number): Promise<Business> {
  authorize(principal, ACCESS.withdrawBusiness);
  return modifyBusiness(deps, {
    id,
    principal,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    authorise: (p, business) => {
      if (!isOwner(p, business.state)) throw forbidden('NOT_OWNER', 'Only the applicant may withdraw this registration.', { businessId: business.id });
    },
    change: (business, now) => business.withdraw({ subject: principal?.subject ?? '' }, now),
  });
}
