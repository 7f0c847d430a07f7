// Load → authorise → check If-Match → change → save, with optimistic concurrency. Without an
// expected version a lost race is retried on fresh state; with one, it is the client's conflict.
import { authorize, type AccessRule, type Principal, type Roles } from '@hangviet/service-kit';
import { AppError, preconditionFailed } from '@hangviet/service-kit/errors';
import type { Business } from '../domain/business';
import { businessNotFound } from './access';
import type { RegistryDeps } from './ports';

const ATTEMPTS = 3;

export interface ModifyBusinessRequest {
  id: string;
  principal: Principal | undefined;
  /** The version the client last saw (If-Match). */
  expectedVersion?: number;
  authorise(p: Principal | undefined, business: Business): void;
  change(business: Business, now: Date): void;
}

export function versionMismatch(id: string, current: number): AppError {
  return preconditionFailed('VERSION_MISMATCH', `Business ${id} has changed (now version ${current}); reload it and retry.`, {
    id,
    currentVersion: String(current),
  });
}

export async function modifyBusiness(deps: RegistryDeps, req: ModifyBusinessRequest): Promise<Business> {
  for (let attempt = 1; ; attempt += 1) {
    const business = await deps.businesses.findById(req.id);
    if (!business) throw businessNotFound(req.id);
    req.authorise(req.principal, business);
    if (req.expectedVersion !== undefined && business.state.version !== req.expectedVersion) {
      throw versionMismatch(req.id, business.state.version);
    }
    req.change(business, deps.now());
    if (!business.changed) return business;
    try {
      await deps.businesses.save(business);
      return business;
    } catch (err) {
      const lostRace = err instanceof AppError && err.code === 'CONCURRENT_UPDATE';
      if (!lostRace) throw err;
      if (req.expectedVersion !== undefined) throw versionMismatch(req.id, req.expectedVersion + 1);
      if (attempt >= ATTEMPTS) throw err;
    }
  }
}

/**
 * A status action only staff may take (approve, reject, suspend, reinstate, dissolve): the acting
 * staff member is recorded on the event the change raises.
 */
/** What every staff status action (approve, reject, suspend, reinstate, dissolve, decide a change) is given. */
export interface StatusCommand {
  id: string;
  /** Why, where the action takes one (reject, suspend, dissolve, reinstate, reject a change). */
  reason?: string;
  /** The version the client last saw (If-Match). */
  expectedVersion?: number;
}

export async function modifyBusinessAsStaff(
  deps: RegistryDeps,
  /** The action's rule in the access table (staff roles). */
  rule: AccessRule<Roles>,
  principal: Principal | undefined,
  { id, expectedVersion }: { id: string; expectedVersion?: number | undefined },
  change: (business: Business, actor: { subject: string }, now: Date) => void,
): Promise<Business> {
  const actor = { subject: authorize(principal, rule).subject };
  return modifyBusiness(deps, {
    id,
    principal,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    authorise: () => undefined,
    change: (business, now) => change(business, actor, now),
  });
}
