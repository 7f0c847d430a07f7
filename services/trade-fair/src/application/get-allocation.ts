import type { Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { getFair } from './get-fair';
import type { AllocationRun, TradeFairDeps } from './ports';
import { requireRoles } from './roles';

/** The latest run with each application's explanation (staff): rank, rule scores, booths or waitlist place. */
export async function getAllocation(deps: TradeFairDeps, principal: Principal | undefined, { fairId }: { fairId: string }): Promise<AllocationRun> {
  requireRoles(principal, 'getAllocation');
  await getFair(deps, fairId);
  const run = await deps.runs.latest(fairId);
  if (!run) throw notFound('ALLOCATION_NOT_FOUND', 'This fair has not been allocated yet.', { fairId });
  return run;
}
