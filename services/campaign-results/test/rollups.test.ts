// The rollups against the real database (no broker needed: the projection is driven directly, as its consumer
// does): after events in random orders with redeliveries, while the background refresh runs, every figure equals
// the facts summed directly; a crash between the facts' write and the rollups' recompute still ends exact; a
// stale row met by a query is recomputed before the answer.
import { testScope } from '@hangviet/testing';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { FACT_CODES } from '../src/domain/indicators';
import { applyEvent, factsOf, type SourceEvent } from '../src/domain/projection';
import { rollupKeysOfAll, rollupsOf, type RollupFilter } from '../src/domain/rollups';
import { ensureProjectionIndexes, FACTS, MongoProjection, RECORDS, toFactDocument, type FactDocument, type RecordDocument } from '../src/infrastructure/mongo-projection';
import { ROLLUPS, type RollupDocument } from '../src/infrastructure/mongo-rollups';
import { sourceEventOf } from '../src/infrastructure/source-events';
import { knownSet } from './support/platform-events';

const scope = testScope('campaign_rollups');
let client: MongoClient;
let run = 0;

/** A fresh projection in a database of its own. */
async function fresh(): Promise<{ db: Db; projection: MongoProjection; facts: Collection<FactDocument>; rollups: Collection<RollupDocument> }> {
  run += 1;
  const db = client.db(`${scope.databaseName}_${run}`);
  await ensureProjectionIndexes(db);
  return { db, projection: MongoProjection.of(db), facts: db.collection<FactDocument>(FACTS), rollups: db.collection<RollupDocument>(ROLLUPS) };
}

/** The known set's events (and its revocation) as the projection receives them. */
function sourceEvents(tag: string): SourceEvent[] {
  const set = knownSet(tag);
  return [...set.events, set.revocation].map((e) => sourceEventOf({ id: e.id, type: e.definition.type, time: e.time.toISOString(), data: e.data })!);
}

const FILTERS: RollupFilter[] = [
  { year: 2026 },
  { year: 2025 },
  { year: 2026, quarter: 2 },
  { year: 2026, provinceCode: '86' },
  { year: 2026, wardCode: '29299' },
  { year: 2026, industrySection: 'G' },
  { year: 2026, scheme: 'OCOP' },
  { year: 2026, provinceCode: '20', scheme: 'VIETGAP', quarter: 1 },
];

/** A figure as it would be without rollups: the stored facts of the filter, summed. */
async function direct(facts: Collection<FactDocument>, f: RollupFilter): Promise<Record<string, { sum: number; count: number }>> {
  const out: Record<string, { sum: number; count: number }> = {};
  for (const x of await facts.find({}).toArray()) {
    if (x.year !== f.year || (f.quarter && x.quarter !== f.quarter) || (f.provinceCode && x.provinceCode !== f.provinceCode) || (f.wardCode && x.wardCode !== f.wardCode)) continue;
    if ((f.industrySection && x.industrySection !== f.industrySection) || (f.scheme && x.scheme !== f.scheme)) continue;
    const t = out[x.code] ?? { sum: 0, count: 0 };
    out[x.code] = { sum: t.sum + x.value, count: t.count + 1 };
  }
  return out;
}

async function expectExact(projection: MongoProjection, facts: Collection<FactDocument>): Promise<void> {
  for (const filter of FILTERS) expect([filter, Object.fromEntries(await projection.totals(filter))]).toEqual([filter, await direct(facts, filter)]);
}

/** Every stored row, once nothing is stale, is exactly what the stored facts sum to (and no row is missing). */
async function expectRowsExact(projection: MongoProjection, facts: Collection<FactDocument>, rollups: Collection<RollupDocument>): Promise<void> {
  while ((await projection.rollups.refreshStale()) > 0);
  const expected = rollupsOf(await facts.find({}).toArray());
  const stored = await rollups.find({}).toArray();
  expect(stored.filter((r) => r.stale)).toEqual([]);
  for (const row of stored) expect([row._id, row.sum, row.count]).toEqual([row._id, expected.get(row._id)?.sum ?? 0, expected.get(row._id)?.count ?? 0]);
  expect([...expected.keys()].filter((id) => !stored.some((r) => r._id === id))).toEqual([]);
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

beforeAll(async () => {
  client = await MongoClient.connect(scope.mongoUrl);
});

afterAll(async () => {
  for (let i = 1; i <= run; i++) await client.db(`${scope.databaseName}_${i}`).dropDatabase();
  await client?.close();
}, 60_000);

describe('the rollups', () => {
  it('equal the facts summed directly after random orders and redeliveries, with the background refresh running meanwhile', async () => {
    const events = sourceEvents('r');
    for (const seed of [1, 2]) {
      const { projection, facts, rollups } = await fresh();
      // Every event once, a third of them twice more, in a random order; two records at a time, as partitions are.
      const deliveries = shuffled([...events, ...events.filter((_, i) => i % 3 === 0), ...events.filter((_, i) => i % 3 === 0)], seed);
      let refreshing = true;
      const refresher = (async () => {
        while (refreshing) await projection.rollups.refreshStale(20);
      })();
      try {
        const lanes = [deliveries.filter((e) => e.kind === 'business' || e.kind === 'fair'), deliveries.filter((e) => e.kind !== 'business' && e.kind !== 'fair')];
        await Promise.all(lanes.map(async (lane) => {
          for (const e of lane) {
            // A conflict with the other lane is retried, as the consumer's redelivery would.
            for (let attempt = 0; ; attempt++) {
              try {
                await projection.apply(e);
                break;
              } catch (err) {
                if (attempt > 5) throw err;
              }
            }
          }
        }));
      } finally {
        refreshing = false;
        await refresher;
      }
      expect(await facts.countDocuments()).toBeGreaterThan(10);
      await expectExact(projection, facts);
      await expectRowsExact(projection, facts, rollups);
    }
  }, 180_000);

  it('ends exact after a crash between the facts\' write and the rollups\' recompute, once the event is redelivered', async () => {
    const { db, projection, facts, rollups } = await fresh();
    const events = sourceEvents('c');
    const approval = events.find((e) => e.kind === 'business' && e.action === 'approved')!;
    for (const e of events.filter((x) => x !== approval)) await projection.apply(e);
    while ((await projection.rollups.refreshStale()) > 0);
    const year = Number(approval.occurredAt.toISOString().slice(0, 4));
    const before = (await projection.totals({ year })).get('businesses.approved')?.sum ?? 0;

    // The first delivery, by hand up to the crash: the rows marked, a recompute that reads the old facts (and
    // clears the rows), the new facts written; then the process dies before its second mark and the record's write.
    const stored = await db.collection<RecordDocument>(RECORDS).findOne({ _id: `business:${approval.sourceId}` });
    const { _id, businessId: _b, fairId: _f, ...rest } = stored!;
    const applied = applyEvent({ id: _id, ...rest }, approval);
    if (applied.outcome !== 'applied') throw new Error('the approval should apply');
    const newFacts = factsOf(applied.record).map(toFactDocument);
    const oldFacts = await facts.find({ recordId: _id }).toArray();
    const rows = [...rollupKeysOfAll([...oldFacts, ...newFacts]).values()];
    await projection.rollups.mark(rows);
    while ((await projection.rollups.refreshStale()) > 0);
    await facts.bulkWrite(newFacts.map((f) => ({ replaceOne: { filter: { _id: f._id }, replacement: f, upsert: true } })));
    // The window the redelivery closes: the facts count the approval, the (clean) rows do not yet.
    expect((await direct(facts, { year }))['businesses.approved']?.sum).toBe(before + 1);
    expect((await projection.totals({ year })).get('businesses.approved')?.sum ?? 0).toBe(before);

    expect(await projection.apply(approval)).toBe('applied');
    expect((await projection.totals({ year })).get('businesses.approved')?.sum).toBe(before + 1);
    await expectExact(projection, facts);
    await expectRowsExact(projection, facts, rollups);

    // A crash right after the facts' write, with no recompute in between: the rows are still stale from the
    // first mark, so the very next query is exact, before any redelivery.
    const revocation = events.find((e) => e.kind === 'certificate' && e.action === 'revoked')!;
    const cert = await db.collection<RecordDocument>(RECORDS).findOne({ _id: `certificate:${revocation.sourceId}` });
    expect(cert?.version).toBe(revocation.version); // applied above; redo its facts' step as if it were new
    const certFacts = await facts.find({ recordId: cert!._id }).toArray();
    await facts.deleteMany({ recordId: cert!._id });
    await projection.rollups.mark(rollupKeysOfAll(certFacts).values());
    await expectExact(projection, facts);
  }, 180_000);

  it('recomputes a stale row a query meets before answering, and leaves it clean', async () => {
    const { projection, facts, rollups } = await fresh();
    for (const e of sourceEvents('s')) await projection.apply(e);
    while ((await projection.rollups.refreshStale()) > 0);
    const id = `-|businesses.registered|2026|1|*|*|*|*`;
    const row = await rollups.findOne({ _id: id });
    expect(row).toMatchObject({ stale: false });
    const truth = row!.sum;
    expect(truth).toBeGreaterThan(0);
    // A row marked (as by a fact change in flight) whose sum is wrong: the query must not answer from it.
    await rollups.updateOne({ _id: id }, { $set: { sum: truth + 40, stale: true }, $inc: { marks: 1 } });
    const totals = await projection.totals({ year: 2026, quarter: 1 });
    expect(totals.get('businesses.registered')?.sum).toBe(truth);
    expect(await rollups.findOne({ _id: id })).toMatchObject({ sum: truth, stale: false });
    // A ward's fine rows likewise.
    const fine = await rollups.findOne({ set: 'pwsc', wardCode: '29299', code: 'businesses.registered' });
    await rollups.updateOne({ _id: fine!._id }, { $set: { sum: 99, count: 99, stale: true }, $inc: { marks: 1 } });
    expect(Object.fromEntries(await projection.totals({ year: fine!.year, wardCode: '29299' }))).toEqual(await direct(facts, { year: fine!.year, wardCode: '29299' }));
    expect(FACT_CODES).toContain('fairs.participants.local');
  }, 120_000);
});
