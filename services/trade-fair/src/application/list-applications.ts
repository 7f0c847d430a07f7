import { isStaff, type Principal } from '@hangviet/service-kit';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import { APPLICATION_STATUSES, type BoothApplication } from '../domain/booth-application';
import { viewFair } from './view-fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface ListApplicationsCommand {
  fairId: string;
  page: PageRequest;
}

/** A fair's applications: staff see all, an enterprise its own business's (at most a handful per fair). */
export async function listApplications(deps: TradeFairDeps, principal: Principal | undefined, { fairId, page }: ListApplicationsCommand): Promise<Page<BoothApplication>> {
  const p = requireRoles(principal, 'listApplications');
  await viewFair(deps, p, fairId);
  if (isStaff(p)) return deps.applications.listByFair(fairId, page);
  const own = (await deps.applications.ofBusiness(p.businessId ?? '', APPLICATION_STATUSES)).filter((a) => a.state.fairId === fairId);
  return { items: own, nextPageToken: '' };
}
