import { isStaff, type Principal } from '@hangviet/service-kit';
import type { Business } from '../domain/business';
import { requireEditor } from './access';
import { modifyBusiness } from './modify-business';
import type { RegistryDeps } from './ports';
import { normalisePatch } from './profile-input';
import type { UpdateBusinessBody } from './profile-schema';

/**
 * Owner or staff; raises profile_updated only when a field really changed. The owner's material changes to a
 * listed business become a change request for staff (the directory keeps the approved values meanwhile).
 */
export async function updateBusinessProfile(
  deps: RegistryDeps,
  principal: Principal | undefined,
  id: string,
  body: UpdateBusinessBody,
  expectedVersion?: number,
): Promise<Business> {
  return modifyBusiness(deps, {
    id,
    principal,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    authorise: (p, business) => requireEditor(p, business),
    change: (business, now) => {
      // Normalised after authorising: a stranger learns nothing from validation messages.
      const changes = normalisePatch(body);
      const actor = { subject: principal?.subject ?? '' };
      if (isStaff(principal)) business.updateProfile(changes, actor, now);
      else business.requestProfileChange(changes, actor, now);
    },
  });
}
