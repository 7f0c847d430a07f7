// `projection_rollups`: the facts summed per code, year, quarter and grouping set (domain/rollups.ts), so a
// figure reads one row per code and quarter instead of every fact of the year.
//
// Exact and idempotent by construction: a row is never incremented by a delta, it is *recomputed* from what it
// sums (a fine row from the facts of its key, found by the facts' indexed `row`; a coarse row from the fine rows
// of its period, found by their indexed `period`), and written guarded by its `marks` counter as read before.
// - A change of a record's facts marks every row its old and new facts count in (`$inc` marks, `stale: true`,
//   upserted) before the facts are written and again after. Marks only grow, so a recompute that read the
//   counter before the second mark fails its guarded write and the row stays stale; one that read it after
//   reads the new facts. A crash after the facts left the rows stale (the first mark), and the redelivered
//   event marks them again.
// - A coarse row's recompute first recomputes the stale fine rows under it; a fine row clean at that point
//   includes every change marked before its own recompute, and a change marked later marks the coarse row too.
// - A query recomputes the stale rows it reads before answering, so a figure is never behind the facts; the
//   background job (`rollupsRefresh`) recomputes the rest, fine rows first.
// Marking twice is harmless, so a mark that loses an upsert race (duplicate key) is simply repeated.
import { defineJob, type DefinedJob } from '@hangviet/jobs';
import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import type { FactTotal } from '../domain/figures';
import {
  ANY,
  DIMENSIONS,
  FINE,
  periodKeyOf,
  rollupId,
  rowIdsOf,
  totalsOfRows,
  wardRowsFilterOf,
  within,
  type RollupFilter,
  type RollupKey,
} from '../domain/rollups';

export const ROLLUPS = 'projection_rollups';

export interface RollupDocument extends RollupKey {
  _id: string;
  sum: number;
  count: number;
  /** Grows with every mark; a recompute's write is guarded by the value it read. */
  marks: number;
  /** Marked since the last recompute that held. */
  stale: boolean;
  /** Fine rows only: `code|year|quarter`, what a coarse row's recompute looks its fine rows up by. */
  period?: string;
}

/** The facts as this module reads them: the fine row each counts in, and its value. */
export interface RolledFact {
  _id: string;
  row: string;
  value: number;
}

export async function ensureRollupIndexes(db: Db, name = ROLLUPS): Promise<void> {
  // Single-field indexes: FerretDB (with the project's patch) answers an equality on them from a GIN index.
  await db.collection(name).createIndex({ period: 1 }, { name: 'period' });
  await db.collection(name).createIndex({ wardCode: 1 }, { name: 'wardCode' });
  await db.collection(name).createIndex({ stale: 1 }, { name: 'stale' });
}

const isDuplicateKey = (err: unknown) => typeof err === 'object' && err !== null && ((err as { code?: number }).code === 11000 || /E11000|duplicate key/i.test(String((err as Error).message)));

/** At most `limit` promises at a time, in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export class MongoRollups {
  constructor(
    private readonly rollups: Collection<RollupDocument>,
    private readonly facts: Collection<RolledFact>,
  ) {}

  /** Marks the rows stale (upserting the ones that do not exist yet): a recompute in flight will not clear them. */
  async mark(keys: Iterable<RollupKey>): Promise<void> {
    const ops: AnyBulkWriteOperation<RollupDocument>[] = [];
    for (const key of keys) {
      ops.push({
        updateOne: {
          filter: { _id: rollupId(key) },
          update: { $inc: { marks: 1 }, $set: { ...key, stale: true, ...(key.set === FINE ? { period: periodKeyOf(key) } : {}) } },
          upsert: true,
        },
      });
    }
    if (ops.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.rollups.bulkWrite(ops, { ordered: false });
        return;
      } catch (err) {
        // Two marks upserted the same new row at once: marking again is harmless, the row exists now.
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }

  /** The row's sum and count from what it sums, written unless it was marked meanwhile (then it stays stale). */
  async recompute(row: RollupDocument): Promise<FactTotal> {
    let total: FactTotal;
    if (row.set === FINE) {
      const facts = await this.facts.find({ row: row._id }).toArray();
      total = { sum: facts.reduce((s, f) => s + f.value, 0), count: facts.length };
    } else {
      const filter: Record<string, string> = { period: periodKeyOf(row) };
      for (const d of DIMENSIONS) if (row[d] !== ANY) filter[d] = row[d];
      const fine = (await this.rollups.find(filter).toArray()).filter((f) => f.set === FINE && within(row, f));
      const parts = await mapLimited(fine, 4, (f) => (f.stale ? this.recompute(f) : Promise.resolve({ sum: f.sum, count: f.count })));
      total = parts.reduce((t, p) => ({ sum: t.sum + p.sum, count: t.count + p.count }), { sum: 0, count: 0 });
    }
    await this.rollups.updateOne({ _id: row._id, marks: row.marks }, { $set: { sum: total.sum, count: total.count, stale: false } });
    return total;
  }

  /** The rows with the stale ones recomputed. */
  private async fresh(rows: RollupDocument[]): Promise<RollupDocument[]> {
    // Fine rows first: a coarse row's recompute then finds them clean.
    const stale = rows.filter((r) => r.stale).sort((a, b) => Number(b.set === FINE) - Number(a.set === FINE));
    const recomputed = new Map<string, FactTotal>();
    for (const r of stale.filter((x) => x.set === FINE)) recomputed.set(r._id, await this.recompute(r));
    await mapLimited(stale.filter((x) => x.set !== FINE), 4, async (r) => recomputed.set(r._id, await this.recompute(r)));
    return rows.map((r) => (recomputed.has(r._id) ? { ...r, ...recomputed.get(r._id)!, stale: false } : r));
  }

  /** The sums and counts per code of the facts of a filter, from the rows (the stale ones recomputed first). */
  async totals(filter: RollupFilter, codes: readonly string[]): Promise<Map<string, FactTotal>> {
    const rows = filter.wardCode
      ? await this.rollups.find(wardRowsFilterOf(filter) as never).toArray()
      : await this.rollups.find({ _id: { $in: rowIdsOf(filter, codes) } }).toArray();
    return totalsOfRows(await this.fresh(rows));
  }

  /** Recomputes up to `limit` stale rows, fine ones first; how many there were. */
  async refreshStale(limit = 500): Promise<number> {
    const fine = await this.rollups.find({ stale: true, set: FINE }).limit(limit).toArray();
    for (const row of fine) await this.recompute(row);
    const coarse = fine.length < limit ? await this.rollups.find({ stale: true }).limit(limit - fine.length).toArray() : [];
    await this.fresh(coarse);
    return fine.length + coarse.length;
  }
}

/** Recomputes stale rollup rows in the background (one instance at a time), so queries seldom meet one. */
export function rollupsRefresh(rollups: MongoRollups, every: string | number = '2s'): DefinedJob {
  return defineJob({
    name: 'campaign-rollups-refresh',
    schedule: { every },
    run: async (ctx) => {
      while (!ctx.signal.aborted && (await rollups.refreshStale()) > 0);
    },
  });
}
