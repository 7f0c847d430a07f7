import { authorize, type Principal } from '@hangviet/service-kit';
import { rankSuppliers, type SupplierMatch } from '../domain/matching';
import type { SourcingRequest } from '../domain/sourcing-request';
import { ACCESS } from './access-rules';
import { actAsBuyer, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

/** The most candidates ranked for one request: far more than a buyer reads, bounded so a broad code stays fast. */
export const CANDIDATE_LIMIT = 2000;

export interface MatchSuppliersCommand {
  id: string;
  limit: number;
}

/** The ranked, explained matches of a request (domain/matching.ts). */
export async function matchesFor(deps: SourcingDeps, request: SourcingRequest): Promise<SupplierMatch[]> {
  const s = request.state;
  const [candidates, buyer] = await Promise.all([
    deps.suppliers.underIndustry(s.industry.edition, s.industry.code, CANDIDATE_LIMIT),
    s.buyerBusinessId ? deps.suppliers.find(s.buyerBusinessId) : Promise.resolve(undefined),
  ]);
  return rankSuppliers({ ...s, ...(buyer?.wardCode ? { wardCode: buyer.wardCode } : {}) }, candidates);
}

/** The buyer (or staff) reads who in the directory fits its request, best first, each match explained. */
export async function matchSuppliers(deps: SourcingDeps, principal: Principal | undefined, { id, limit }: MatchSuppliersCommand): Promise<SupplierMatch[]> {
  const caller = authorize(principal, ACCESS.matchSuppliers);
  const request = await requireRequest(deps, id);
  await actAsBuyer(deps, caller, request);
  return (await matchesFor(deps, request)).slice(0, limit);
}
