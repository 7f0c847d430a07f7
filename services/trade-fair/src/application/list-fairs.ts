import type { Principal } from '@hangviet/service-kit';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Fair, FairStatus } from '../domain/fair';
import type { FairQuery, TradeFairDeps } from './ports';

export interface ListFairsCommand {
  query: FairQuery;
  page: PageRequest;
}

/** The public sees fairs from OPEN on; staff see drafts too. */
export async function listFairs(deps: TradeFairDeps, principal: Principal | undefined, { query, page }: ListFairsCommand): Promise<Page<Fair>> {
  const staff = !!principal && (principal.roles.includes('staff') || principal.roles.includes('admin'));
  const statuses: FairStatus[] = staff ? ['DRAFT', 'OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED', 'CANCELLED'] : ['OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED'];
  return deps.fairs.list({ ...query, statuses }, page);
}
