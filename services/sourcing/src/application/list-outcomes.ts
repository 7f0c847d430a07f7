import { authorize, type Principal } from '@hangviet/service-kit';
import type { Outcome } from '../domain/outcome';
import { ACCESS } from './access-rules';
import { isBuyerSide, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface ListOutcomesCommand {
  id: string;
}

/** The buyer and staff read every outcome of a request; a supplier's owner its own (none: an empty list). */
export async function listOutcomes(deps: SourcingDeps, principal: Principal | undefined, { id }: ListOutcomesCommand): Promise<Outcome[]> {
  const caller = authorize(principal, ACCESS.listOutcomes);
  const request = await requireRequest(deps, id);
  const all = await deps.outcomes.listForRequest(request.id);
  if (await isBuyerSide(deps, caller, request)) return all;
  const mine = caller.businessId;
  if (mine === undefined || !(await deps.businesses.mayActFor(caller, mine))) return [];
  return all.filter((o) => o.state.supplierBusinessId === mine);
}
