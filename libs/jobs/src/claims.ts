// Exclusive claims on units of work that hold on FerretDB v1 too. An insert against a unique index is
// atomic on both databases, and on FerretDB it is also the cheapest write (updates to one collection
// are serialised), so a worker claims a unit of work by inserting `<key>@<time bucket>`. The bucket
// (leaseMs wide) is the lease: a claim from the previous bucket still counts, so a crashed worker's
// item is taken over after one to two lease periods. The bucket number is the claim's fencing token:
// it only grows for a key, so a write checked against it (see fencing.ts) refuses a stale claimer.
//
// Leases are short and renewed while the work runs (`holdWhile`): a heartbeat every third of a lease inserts
// the holder's claims into the current and the next bucket, so a live, slow attempt keeps its work, a
// competitor finds the holder's claim in its own or a neighbouring bucket and backs off, and a dead holder's
// work is free two to three leases after its last heartbeat (one to two when it never renewed).
//
// Claims made at about the same time share round trips: one insertMany (ordered: false, a duplicate
// key is a claim someone else holds) and one lookup of the neighbouring buckets by `_id: {$in}`.
import { randomUUID } from 'node:crypto';
import { duplicateKeyIndexes } from '@hangviet/service-kit/mongo-errors';
import type { Collection, Db } from 'mongodb';
import { createBatcher } from './batcher';

export interface ClaimDoc {
  /** `<key>@<bucket>`. */
  _id: string;
  createdAt: Date;
  /** The Claims instance that made it. */
  holder?: string;
}

export interface Claims {
  /** True when this caller now holds `key`; false when another holds it (or just did). */
  claim(key: string, now: Date): Promise<boolean>;
  /** Like claim, but answers the fencing token of the claim won (its bucket), or null. */
  claimToken(key: string, now: Date): Promise<number | null>;
  /**
   * Runs `work` under a claim of `key` this caller has won, renewing it each third of a lease while the work runs
   * (so it may outlast the lease); the claim stays when the work ends, as claims always do until swept.
   */
  holdWhile<R>(key: string, work: () => Promise<R>): Promise<R>;
  /** Forgets claims made before `before` (their work is long done or abandoned). */
  sweep(before: Date): Promise<number>;
  /** How long a claim holds. */
  readonly leaseMs: number;
}

export interface ClaimsOptions {
  /** How long a claim holds (one to two of these before a crashed claimer's work is taken over). */
  leaseMs: number;
  /** Default `work_claims`. */
  collection?: string;
}

export const WORK_CLAIMS = 'work_claims';

/** At most 2 × this many ids in one neighbour lookup: FerretDB serves `_id: {$in}` lists of up to 1000 from its index. */
const MAX_CLAIMS_PER_BATCH = 400;

export function createClaims(db: Db, opts: ClaimsOptions): Claims {
  const { leaseMs } = opts;
  if (!(leaseMs > 0)) throw new Error(`claims: leaseMs must be positive, got ${leaseMs}`);
  const claims: Collection<ClaimDoc> = db.collection<ClaimDoc>(opts.collection ?? WORK_CLAIMS);
  const id = (key: string, bucket: number) => `${key}@${bucket}`;
  const holder = randomUUID();
  const bucketOf = (at: Date) => Math.floor(at.getTime() / leaseMs);

  /**
   * The heartbeat: this holder's claims in the bucket of `now` and the next, made ahead so that no competitor
   * can take the next bucket first (a competitor's claim withdrawn a moment later would still refuse ours).
   * Duplicates are this holder's own claims, or a competitor's that backs off on seeing ours.
   */
  async function renew(key: string, now: Date): Promise<void> {
    const bucket = bucketOf(now);
    await duplicateKeyIndexes(
      claims.insertMany(
        [bucket, bucket + 1].map((b) => ({ _id: id(key, b), createdAt: now, holder })),
        { ordered: false },
      ),
    );
  }

  const claimBatch = createBatcher<{ key: string; now: Date }, number | null>({
    maxBatch: MAX_CLAIMS_PER_BATCH,
    run: async (requests) => {
      const buckets = requests.map(({ now }) => Math.floor(now.getTime() / leaseMs));
      const docs: ClaimDoc[] = requests.map(({ key, now }, i) => ({ _id: id(key, buckets[i]!), createdAt: now, holder }));
      // A duplicate: someone holds this key in this bucket (another instance, or an earlier request of this batch).
      const taken = await duplicateKeyIndexes(claims.insertMany(docs, { ordered: false }));
      const inserted = requests.map((_, i) => i).filter((i) => !taken.has(i));
      if (inserted.length === 0) return requests.map(() => null);
      // A claimer on the other side of a bucket boundary: of two such inserts, at least one sees the
      // other here and backs off, so they never both proceed (both backing off only delays the work).
      const neighbours = inserted.flatMap((i) => [id(requests[i]!.key, buckets[i]! - 1), id(requests[i]!.key, buckets[i]! + 1)]);
      const held = new Set((await claims.find({ _id: { $in: neighbours } }, { projection: { _id: 1 } }).toArray()).map((c) => c._id));
      const won = new Set(
        inserted.filter((i) => !held.has(id(requests[i]!.key, buckets[i]! - 1)) && !held.has(id(requests[i]!.key, buckets[i]! + 1))),
      );
      // Withdraw the claims that backed off, so they do not hold the key against a later taker.
      const withdrawn = inserted.filter((i) => !won.has(i)).map((i) => docs[i]!._id);
      if (withdrawn.length > 0) await claims.deleteMany({ _id: { $in: withdrawn } });
      return requests.map((_, i) => (won.has(i) ? buckets[i]! : null));
    },
  });

  return {
    leaseMs,
    claim: async (key, now) => (await claimBatch({ key, now })) !== null,
    claimToken: (key, now) => claimBatch({ key, now }),
    async holdWhile(key, work) {
      let beating: Promise<unknown> = Promise.resolve();
      const heartbeat = setInterval(() => {
        // One renewal at a time; a failed one is retried at the next beat (a lost claim only means another may
        // take the work over, which the work's own guarded writes tolerate).
        beating = beating.then(() => renew(key, new Date())).catch(() => undefined);
      }, Math.max(1, Math.floor(leaseMs / 3)));
      heartbeat.unref();
      try {
        return await work();
      } finally {
        clearInterval(heartbeat);
        await beating;
      }
    },
    async sweep(before) {
      return (await claims.deleteMany({ createdAt: { $lt: before } })).deletedCount;
    },
  };
}
