import type { Principal } from '@hangviet/service-kit';
import { failedPrecondition } from '@hangviet/service-kit/errors';
import type { Business } from '../domain/business';
import { ACCESS } from './access-rules';
import { modifyBusinessAsStaff, type StatusCommand } from './modify-business';
import type { RegistryDeps } from './ports';

/**
 * Approves a registration under review (PENDING_REVIEW → ACTIVE). Staff only. A self-registration needs its
 * registration certificate attached first (staff-entered and imported records come from official data).
 */
export async function approveBusiness(
  deps: RegistryDeps,
  principal: Principal | undefined,
  { id, expectedVersion }: StatusCommand,
): Promise<Business> {
  const current = await deps.businesses.findById(id);
  if (current?.state.ownerSubject !== undefined && current.status === 'PENDING_REVIEW' && !(await deps.evidence.has(id))) {
    throw failedPrecondition('EVIDENCE_MISSING', `Business ${id} has no registration certificate attached; ask the applicant for it.`, { businessId: id });
  }
  return modifyBusinessAsStaff(deps, ACCESS.approveBusiness, principal, { id, expectedVersion }, (business, actor, now) =>
    business.approve(actor, now),
  );
}
