import type { Principal } from '@hangviet/service-kit';
import { AppError } from '@hangviet/service-kit/errors';
import type { Fair } from '../domain/fair';
import { changeFair } from './get-fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface PublishFairCommand {
  fairId: string;
}

/** ALLOCATING → PUBLISHED, once an allocation run is fully applied. */
export async function publishFair(deps: TradeFairDeps, principal: Principal | undefined, { fairId }: PublishFairCommand): Promise<Fair> {
  const actor = requireRoles(principal, 'publishFair');
  const latest = await deps.runs.latest(fairId);
  if (latest?.state !== 'APPLIED') {
    throw new AppError('failed_precondition', 'ALLOCATION_MISSING', 'Allocate the fair (not a dry run) before publishing it.');
  }
  return changeFair(deps, fairId, (f) => f.moveTo('PUBLISHED', actor.subject, deps.now()));
}
