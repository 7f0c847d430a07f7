// Exclusive claims that hold on FerretDB v1 too. Measured there: concurrent findOneAndUpdate and
// conditional updateOne calls on one document can all "win", and $inc loses increments; only an
// insert against a unique index is atomic. So a worker claims a unit of work by inserting
// `<key>@<time bucket>`. The bucket (leaseMs wide) is the lease: a claim from the previous bucket
// still counts, so a crashed worker's item is taken over after one to two lease periods.
import type { NotificationModels } from './models';

export interface Claims {
  /** True when this caller now holds `key`; false when another holds it (or just did). */
  claim(key: string, now: Date): Promise<boolean>;
  /** Forgets claims made before `before` (their work is long done or abandoned). */
  sweep(before: Date): Promise<number>;
}

export function createClaims(models: Pick<NotificationModels, 'claims'>, leaseMs: number): Claims {
  const { claims } = models;
  const id = (key: string, bucket: number) => `${key}@${bucket}`;
  return {
    async claim(key, now) {
      const bucket = Math.floor(now.getTime() / leaseMs);
      if (await claims.exists({ _id: id(key, bucket - 1) })) return false;
      try {
        await claims.create({ _id: id(key, bucket), createdAt: now });
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
      // A claimer on the other side of a bucket boundary: of two such inserts, at least one sees the
      // other here and backs off, so they never both proceed (both backing off only delays the work).
      // (Two lookups by _id rather than one $in: FerretDB v1 serves only _id equality without a scan.)
      const [before, after] = await Promise.all([claims.exists({ _id: id(key, bucket - 1) }), claims.exists({ _id: id(key, bucket + 1) })]);
      return !before && !after;
    },
    async sweep(before) {
      return (await claims.deleteMany({ createdAt: { $lt: before } })).deletedCount;
    },
  };
}
