// Work claims against the real database: exclusive among concurrent claimers, taken over once the
// lease has passed, with a token that grows with every new holder.
import { testScope } from '@hangviet/testing';
import { MongoClient, type Db } from 'mongodb';
import { createClaims } from '../src';

describe('work claims', () => {
  const scope = testScope('jobs_claims');
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
  });
  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('gives a unit of work to exactly one of many concurrent claimers, from two instances', async () => {
    const first = createClaims(db, { leaseMs: 60_000 });
    const second = createClaims(db, { leaseMs: 60_000 });
    const now = new Date();
    const won = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).claim('delivery:1', now)));
    expect(won.filter(Boolean)).toHaveLength(1);
    // Other keys are not held by it.
    await expect(first.claim('delivery:2', now)).resolves.toBe(true);
  });

  it('lets another claimer take the work over after the lease, with a larger token', async () => {
    const claims = createClaims(db, { leaseMs: 1000 });
    const t0 = new Date(Math.ceil(Date.now() / 1000) * 1000);
    const token = await claims.claimToken('retry:7', t0);
    expect(token).not.toBeNull();
    // Within the lease (same bucket, or the next one): still held.
    await expect(claims.claimToken('retry:7', new Date(t0.getTime() + 999))).resolves.toBeNull();
    await expect(claims.claimToken('retry:7', new Date(t0.getTime() + 1500))).resolves.toBeNull();
    // Two buckets on, the crashed holder's claim no longer counts.
    const later = await claims.claimToken('retry:7', new Date(t0.getTime() + 2000));
    expect(later).toBe(token! + 2);
  });

  it('keeps a claim whose work outlasts its lease while the work runs, and frees it a few leases after', async () => {
    const leaseMs = 1000;
    const holder = createClaims(db, { leaseMs, collection: 'held_claims' });
    const competitor = createClaims(db, { leaseMs, collection: 'held_claims' });
    expect(await holder.claim('slow:1', new Date())).toBe(true);
    const refused: boolean[] = [];
    // Work of five leases: the competitor tries all along and never gets it.
    await holder.holdWhile('slow:1', async () => {
      const until = Date.now() + 4 * leaseMs;
      while (Date.now() < until) {
        refused.push(!(await competitor.claim('slow:1', new Date())));
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused.every(Boolean)).toBe(true);
    // The holder stopped renewing (as a dead one would). Its heartbeats reached some last bucket: the key is held
    // one bucket past it and free two past it (claims are judged by the time they are made at).
    const held = await db.collection<{ _id: string }>('held_claims').find({ _id: { $regex: /^slow:1@/ } }).toArray();
    const last = Math.max(...held.map((c) => Number(c._id.split('@')[1])));
    expect(last).toBeGreaterThanOrEqual(Math.floor(Date.now() / leaseMs) - 1);
    await expect(competitor.claim('slow:1', new Date((last + 1) * leaseMs))).resolves.toBe(false);
    await expect(competitor.claim('slow:1', new Date((last + 2) * leaseMs))).resolves.toBe(true);
  });

  it('forgets claims older than the sweep horizon', async () => {
    const claims = createClaims(db, { leaseMs: 1000, collection: 'swept_claims' });
    await claims.claim('old', new Date('2026-01-01T00:00:00Z'));
    await claims.claim('new', new Date());
    await expect(claims.sweep(new Date('2026-06-01T00:00:00Z'))).resolves.toBe(1);
    await expect(db.collection('swept_claims').countDocuments()).resolves.toBe(1);
  });
});
