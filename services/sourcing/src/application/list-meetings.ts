import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Meeting } from '../domain/meeting';
import { ACCESS } from './access-rules';
import type { SourcingDeps } from './ports';

export interface ListMeetingsCommand extends PageRequest {
  fairId?: string;
  businessId?: string;
}

/** Staff list any fair's meetings; an enterprise its own business's (businessId is then required and must be its own). */
export async function listMeetings(deps: SourcingDeps, principal: Principal | undefined, command: ListMeetingsCommand): Promise<Page<Meeting>> {
  const caller = authorize(principal, ACCESS.listMeetings);
  const { pageSize, pageToken, ...filter } = command;
  if (!isStaff(caller)) await deps.businesses.assertOwns(caller, filter.businessId ?? caller.businessId ?? '');
  const businessId = isStaff(caller) ? filter.businessId : (filter.businessId ?? caller.businessId);
  return deps.meetings.list({ ...(filter.fairId ? { fairId: filter.fairId } : {}), ...(businessId ? { businessId } : {}) }, { pageSize, pageToken }, { ...filter, businessId });
}
