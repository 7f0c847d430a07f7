// A fair as one principal may see it: drafts are staff's work in progress (issue 20, finding 7), so to
// anyone else a draft is as absent as a fair that does not exist (the same 404, nothing told).
import { isStaff, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Fair } from '../domain/fair';
import { getFair } from './get-fair';
import type { TradeFairDeps } from './ports';

/** Whether the principal may see a fair in this status (the list's rule too). */
export const seesFair = (principal: Principal | undefined, status: Fair['state']['status']): boolean =>
  status !== 'DRAFT' || isStaff(principal) || principal?.roles.includes('service') === true;

export async function viewFair(deps: TradeFairDeps, principal: Principal | undefined, id: string): Promise<Fair> {
  const fair = await getFair(deps, id);
  if (!seesFair(principal, fair.state.status)) throw notFound('FAIR_NOT_FOUND', `No fair has the id ${id}.`, { id });
  return fair;
}
