import type { Principal } from '@hangviet/service-kit';
import type { Fair } from '../domain/fair';
import { changeFair } from './get-fair';
import type { TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface OpenFairCommand {
  fairId: string;
}

/** DRAFT → OPEN: the fair takes applications inside its window. */
export async function openFair(deps: TradeFairDeps, principal: Principal | undefined, { fairId }: OpenFairCommand): Promise<Fair> {
  const actor = requireRoles(principal, 'openFair');
  return changeFair(deps, fairId, (f) => f.moveTo('OPEN', actor.subject, deps.now()));
}
