// Claims one attempt of a due item (a webhook message, a people delivery): the claim key names the
// item, its attempt and its due time, so an attempt is made once whichever path found it.
import type { Claims } from './ports';

/** How many due ids one scan hands to the workers. */
export const SCAN_BATCH = 200;

type DueItem = { id: string; status: string; attemptCount: number; nextAttemptAt: Date };

/** The claim key of one attempt of an item: its kind, id, attempt number and due time. */
export function attemptKey(kind: string, item: DueItem): string {
  return `${kind}:${item.id}:${item.attemptCount}:${item.nextAttemptAt.getTime()}`;
}

/**
 * Runs the attempt `process` makes of an item claimed by claimIfDue under that claim, renewed while it runs: a slow
 * attempt keeps its item however short the lease, and a crashed instance's attempt is free a lease or two later.
 */
export function whileClaimed<T extends DueItem, R>(deps: { claims: Claims }, kind: string, item: T, process: (item: T) => Promise<R>): Promise<R> {
  return deps.claims.holdWhile(attemptKey(kind, item), () => process(item));
}

/** `known` replaces the first read when the caller has the item already. */
export async function claimIfDue<T extends DueItem>(
  deps: { claims: Claims; now: () => Date },
  kind: string,
  id: string,
  load: (id: string) => Promise<T | null>,
  known?: { item: T; insertedAt?: number },
): Promise<T | null> {
  const now = deps.now();
  const candidate = known?.item ?? (await load(id));
  if (!candidate || candidate.status !== 'pending' || candidate.nextAttemptAt.getTime() > now.getTime()) return null;
  if (!(await deps.claims.claim(attemptKey(kind, candidate), now))) return null;
  // An item this instance inserted less than a lease ago needs no re-read: its first state can only be
  // left under a claim of this very key, any such claim was made after the insert — so no earlier than
  // the bucket before ours, which the claim above checks — and a later claimer sees ours and backs off.
  if (known?.insertedAt !== undefined && now.getTime() - known.insertedAt < deps.claims.leaseMs) return candidate;
  // Re-read: another worker may have finished this attempt between our read and our claim.
  const fresh = await load(id);
  const unchanged =
    fresh &&
    fresh.status === 'pending' &&
    fresh.attemptCount === candidate.attemptCount &&
    fresh.nextAttemptAt.getTime() === candidate.nextAttemptAt.getTime();
  return unchanged ? fresh : null;
}
