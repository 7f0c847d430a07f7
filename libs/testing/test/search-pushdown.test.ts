// The directory search's shape — token membership + status, sorted by a name then _id, limited, paged by
// keyset — must answer exactly as MongoDB documents it, on whatever database the tests use. Locally FerretDB
// answers it from indexes in SQL (deploy/local/ferretdb/patches/0002…0004); these are the semantics that
// pushdown must keep.
import mongoose from 'mongoose';
import { testScope } from '../src';

// The driver mongoose carries (this workspace depends on mongoose, not on the driver itself).
const { MongoClient, ObjectId } = mongoose.mongo;
type MongoClient = mongoose.mongo.MongoClient;
type Collection<T extends mongoose.mongo.Document> = mongoose.mongo.Collection<T>;
type Document = mongoose.mongo.Document;

const scope = testScope('search_pushdown');
let client: MongoClient;

beforeAll(async () => {
  client = await MongoClient.connect(scope.mongoUrl);
});
afterAll(async () => {
  await client.db().dropDatabase();
  await client.close();
});

interface Listing {
  _id: string;
  tokens?: unknown;
  status?: string;
  name?: unknown;
}

/** MongoDB compares strings by their UTF-8 bytes (no collation). */
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const byNameThenId = (a: Listing, b: Listing) =>
  binary(String(a.name), String(b.name)) || binary(a._id, b._id);

async function directory(name: string, docs: Listing[]): Promise<Collection<Listing>> {
  const c = client.db().collection<Listing>(name);
  await c.createIndexes([
    { key: { tokens: 1 }, name: 'tokens' },
    { key: { name: 1, _id: 1 }, name: 'name_id' },
    { key: { status: 1, name: 1, _id: 1 }, name: 'status_name_id' },
  ]);
  for (let i = 0; i < docs.length; i += 500) await c.insertMany(docs.slice(i, i + 500));
  return c;
}

/** Whether an explain answer shows the query read through an index, and nothing by a full scan. */
function readsFromIndex(explain: Document): boolean {
  const plan = JSON.stringify(explain.queryPlanner);
  if ('filterPushdown' in explain) return /Index (Only )?Scan/.test(plan) && !plan.includes('Seq Scan'); // FerretDB: PostgreSQL's plan
  return /IXSCAN|IDHACK/.test(plan) && !plan.includes('COLLSCAN'); // MongoDB
}

// Names with case, diacritics and digits, which a locale-aware order would sort differently.
const NAMES = [
  'Đông Á',
  'dong a',
  'Zeta',
  'an phú',
  'An Phú',
  'Ánh Dương',
  'b2',
  'B10',
  'hợp tác xã',
  'Ơn',
  'ý',
  '0 số',
];
const listings: Listing[] = Array.from({ length: 3000 }, (_, i) => ({
  _id: `b${String((i * 7919) % 3000).padStart(4, '0')}`,
  tokens: ['all', ...(i % 3 === 0 ? ['third'] : []), ...(i % 100 === 0 ? ['rare'] : []), `t${i % 10}`],
  status: i % 4 === 0 ? 'SUSPENDED' : 'ACTIVE',
  name: NAMES[i % NAMES.length],
}));

describe('directory search semantics', () => {
  let c: Collection<Listing>;
  beforeAll(async () => {
    c = await directory('listings', listings);
  });

  const expected = (tokens: string[], statuses: string[]) =>
    listings
      .filter((l) => tokens.every((t) => (l.tokens as string[]).includes(t)) && statuses.includes(l.status!))
      .sort(byNameThenId);

  it('matches every token of an array ($all), with the status, in binary name order and ties broken by _id', async () => {
    for (const [tokens, statuses, limit] of [
      [['rare'], ['ACTIVE'], 20],
      [['third', 't3'], ['ACTIVE'], 20],
      [['all'], ['ACTIVE', 'SUSPENDED'], 50],
      [['third'], ['SUSPENDED'], 1000],
    ] as const) {
      const filter = {
        tokens: { $all: [...tokens] },
        status: statuses.length === 1 ? statuses[0] : { $in: [...statuses] },
      };
      const found = await c.find(filter).sort({ name: 1, _id: 1 }).limit(limit).toArray();
      expect(found.map((d) => d._id)).toEqual(
        expected([...tokens], [...statuses])
          .slice(0, limit)
          .map((d) => d._id),
      );
    }
  });

  it('pages by keyset (name, _id) without losing or repeating a listing', async () => {
    const filter = { tokens: { $all: ['third'] }, status: 'ACTIVE' };
    const seen: string[] = [];
    let after: Listing | undefined;
    for (let page = 0; page < 200; page++) {
      const keyset = after
        ? { $or: [{ name: { $gt: after.name } }, { name: after.name, _id: { $gt: after._id } }] }
        : {};
      const docs = await c
        .find({ ...filter, ...keyset })
        .sort({ name: 1, _id: 1 })
        .limit(37)
        .toArray();
      seen.push(...docs.map((d) => d._id));
      if (docs.length < 37) break;
      after = docs[docs.length - 1];
    }
    expect(seen).toEqual(expected(['third'], ['ACTIVE']).map((d) => d._id));
  });

  it('answers the search and a lookup by _id from indexes', async () => {
    const search = await c
      .find({ tokens: { $all: ['rare'] }, status: 'ACTIVE' })
      .sort({ name: 1, _id: 1 })
      .limit(21)
      .explain();
    expect(readsFromIndex(search)).toBe(true);
    if ('sortPushdown' in search) expect(search).toMatchObject({ sortPushdown: true, limitPushdown: true });

    expect(readsFromIndex(await c.find({ _id: 'b0042', status: 'ACTIVE' }).explain())).toBe(true);
    expect(readsFromIndex(await c.find({ _id: { $in: ['b0042', 'b0043'] } }).explain())).toBe(true);
  });
});

describe('array membership', () => {
  it('matches a value held by an array or equal to a scalar, and $all only when every value is held', async () => {
    const c = await directory('membership', [
      { _id: 'array', tokens: ['keo', 'dua', 'ben tre'] },
      { _id: 'scalar', tokens: 'keo' },
      { _id: 'other', tokens: ['dua'] },
      { _id: 'none' },
    ]);
    const ids = async (filter: Document) =>
      (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ tokens: 'keo' })).toEqual(['array', 'scalar']);
    expect(await ids({ tokens: { $all: ['keo'] } })).toEqual(['array', 'scalar']);
    expect(await ids({ tokens: { $all: ['keo', 'dua'] } })).toEqual(['array']);
    expect(await ids({ tokens: { $in: ['dua', 'nothing'] } })).toEqual(['array', 'other']);
    expect(await ids({ tokens: 'ben' })).toEqual([]);
    // a range over an array holds when one element is in range
    expect(await ids({ tokens: { $lt: 'c' } })).toEqual(['array']);
    expect(await ids({ tokens: { $gt: 'k' } })).toEqual(['array', 'scalar']);
  });
});

describe('sorting mixed BSON types as MongoDB does', () => {
  it('orders missing and null, numbers, strings, ObjectIds, booleans and dates by type first', async () => {
    const oid = new ObjectId('65a000000000000000000001');
    const c = await directory('mixed', [
      { _id: 'm01', name: 'beta' },
      { _id: 'm02', name: 10 },
      { _id: 'm03', name: oid },
      { _id: 'm04', name: true },
      { _id: 'm05' },
      { _id: 'm06', name: 'Alpha' },
      { _id: 'm07', name: 2.5 },
      { _id: 'm08', name: null },
      { _id: 'm09', name: new Date('2026-01-01T00:00:00Z') },
      { _id: 'm10', name: 'beta' },
    ]);
    const order = (await c.find({}).sort({ name: 1, _id: 1 }).toArray()).map((d) => d._id);
    // null and missing compare equal (then _id decides); numbers by value; strings by bytes ('A' < 'b')
    expect(order).toEqual(['m05', 'm08', 'm07', 'm02', 'm06', 'm01', 'm10', 'm03', 'm04', 'm09']);
    expect((await c.find({}).sort({ name: 1, _id: 1 }).limit(3).toArray()).map((d) => d._id)).toEqual([
      'm05',
      'm08',
      'm07',
    ]);
  });

  it('puts an ObjectId after every string, also when strings fill the first pages', async () => {
    const strings = Array.from({ length: 300 }, (_, i) => ({
      _id: `s${String(i).padStart(3, '0')}`,
      name: `n${String(299 - i).padStart(3, '0')}`,
    }));
    // hex "0…" would sort first if ObjectIds compared as their hex text
    const c = await directory('objectids', [
      ...strings,
      { _id: 'oid', name: new ObjectId('000000000000000000000001') },
    ]);
    const ids = (await c.find({}).sort({ name: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([...strings.sort(byNameThenId).map((d) => d._id), 'oid']);
    expect((await c.find({}).sort({ name: 1, _id: 1 }).limit(5).toArray()).map((d) => d._id)).toEqual(
      ids.slice(0, 5),
    );
  });
});

describe('ranges over dates', () => {
  it('compares a date with dates only, also inside arrays (the outbox sweeper asks this)', async () => {
    const c = client.db().collection<{ _id: string; at?: unknown }>('dates');
    await c.createIndex({ at: 1 }, { name: 'at' });
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    await c.insertMany([
      { _id: 'early', at: day(1) },
      { _id: 'late', at: day(20) },
      { _id: 'array', at: [day(25), day(2)] },
      { _id: 'number', at: 5 },
      { _id: 'string', at: '2026-01-01' },
      { _id: 'missing' },
    ]);
    const ids = async (filter: Document) =>
      (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ at: { $lt: day(10) } })).toEqual(['array', 'early']);
    expect(await ids({ at: { $gte: day(20) } })).toEqual(['array', 'late']);
  });
});
