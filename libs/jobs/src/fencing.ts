// Fencing tokens (Kleppmann, "How to do distributed locking"): a lease holder that stalls past its
// lease (a GC pause, a partition) may wake up and write after another instance took over. Every write
// it makes carries its token, and the written document keeps the highest token that wrote it; a write
// with a lower token matches nothing, so the stale holder is refused by the database itself, in the
// same single-document update (no transaction, which FerretDB does not have).
import type { Document, Filter, UpdateFilter } from 'mongodb';

/** The field fenced writes keep their token in, unless told otherwise. */
export const FENCE_FIELD = 'fencingToken';

export interface FencedWrite<T extends Document> {
  filter: Filter<T>;
  update: UpdateFilter<T>;
}

/**
 * Makes `updateOne(filter, update)` count only if no holder with a newer token has written the document:
 * the filter also requires `fence` to be absent or ≤ token, and the update records the token.
 * A refused write shows as `matchedCount === 0` (with `upsert`, as a duplicate key on `_id`).
 */
export function fenced<T extends Document>(token: number, filter: Filter<T>, update: UpdateFilter<T>, field = FENCE_FIELD): FencedWrite<T> {
  if (!Number.isSafeInteger(token) || token < 1) throw new Error(`a fencing token is a positive integer, got ${token}`);
  const guard = { $or: [{ [field]: { $exists: false } }, { [field]: { $lte: token } }] };
  const set = { ...((update.$set as Document | undefined) ?? {}), [field]: token };
  return {
    // The driver cannot relate a computed field name to T; the shape is right for any T.
    filter: { $and: [filter, guard] } as unknown as Filter<T>,
    update: { ...update, $set: set } as unknown as UpdateFilter<T>,
  };
}

/** Thrown by a job that finds it no longer holds its lease (another instance took it over). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(readonly job: string, readonly token: number) {
    super(`job '${job}' no longer holds its lease (token ${token}): another instance took it over`);
  }
}
