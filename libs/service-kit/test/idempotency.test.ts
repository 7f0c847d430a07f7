import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testScope } from '@hangviet/testing';
import { MongoClient, type Db } from 'mongodb';
import request from 'supertest';
import { createHttpApp, finishHttpApp } from '../src/http';
import { createIdempotencyStore, idempotent, type IdempotencyStore } from '../src/idempotency';
import { createReadiness } from '../src/readiness';
import { memoryLogger, signToken, testKeys } from './helpers';

describe('Idempotency-Key', () => {
  const scope = testScope('service_kit_idem');
  let client: MongoClient;
  let db: Db;
  let store: IdempotencyStore;
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let server: Server;
  let base: string;
  let created = 0;
  // Lets a test hold the first request open until it says so.
  let gate: { opened: Promise<void>; open(): void } | undefined;

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
    store = createIdempotencyStore(db, { ttlMs: 60_000 });
    keys = await testKeys();
    const app = createHttpApp({ service: 'test', logger: memoryLogger().logger, readiness: createReadiness(), authenticator: keys.authenticator });
    app.post('/orders', idempotent(store), async (req, res) => {
      created += 1;
      const n = created;
      if (gate) await gate.opened;
      res.status(201).location(`/orders/${n}`).json({ id: n, item: req.body.item });
    });
    finishHttpApp(app);
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    store.stop();
    server.close();
    await once(server, 'close');
    await db.dropDatabase();
    await client.close();
    keys.cleanup();
  });

  it('replays the stored status, body and Location with Idempotency-Replayed: true', async () => {
    const before = created;
    const first = await request(base).post('/orders').set('Idempotency-Key', 'k-replay').send({ item: 'tea' });
    expect(first.status).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await request(base).post('/orders').set('Idempotency-Key', 'k-replay').send({ item: 'tea' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(created).toBe(before + 1);
  });

  it('409 IDEMPOTENCY_IN_FLIGHT while the first request is still running', async () => {
    let open!: () => void;
    gate = { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
    const before = created;
    const first = request(base).post('/orders').set('Idempotency-Key', 'k-flight').send({ item: 'silk' }).then((r) => r);
    // Wait until the first request is inside the handler, holding its claim.
    while (created === before) await new Promise((r) => setImmediate(r));
    const second = await request(base).post('/orders').set('Idempotency-Key', 'k-flight').send({ item: 'silk' });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(second.body.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    gate.open();
    gate = undefined;
    expect((await first).status).toBe(201);
    expect(created).toBe(before + 1);
  });

  it('422 IDEMPOTENCY_KEY_REUSED when the same key comes with another body', async () => {
    await request(base).post('/orders').set('Idempotency-Key', 'k-body').send({ item: 'rice' }).expect(201);
    const before = created;
    const res = await request(base).post('/orders').set('Idempotency-Key', 'k-body').send({ item: 'fish sauce' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(created).toBe(before);
  });

  it('keys are scoped per principal: two callers with one key do not collide', async () => {
    const alice = await signToken(keys.dir, { sub: 'alice', roles: ['staff'] });
    const bob = await signToken(keys.dir, { sub: 'bob', roles: ['staff'] });
    const a = await request(base).post('/orders').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'shared').send({ item: 'x' });
    const b = await request(base).post('/orders').set('Authorization', `Bearer ${bob}`).set('Idempotency-Key', 'shared').send({ item: 'x' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers['idempotency-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('rejects a malformed key with a field error', async () => {
    const res = await request(base).post('/orders').set('Idempotency-Key', 'x'.repeat(300)).send({ item: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', code: 'INVALID_FORMAT', message: expect.any(String) }]);
  });

  it('without a key, every request runs', async () => {
    const before = created;
    await request(base).post('/orders').send({ item: 'x' }).expect(201);
    await request(base).post('/orders').send({ item: 'x' }).expect(201);
    expect(created).toBe(before + 2);
  });

  it('the sweep removes expired keys (and only those); a swept key runs again', async () => {
    const shortStore = createIdempotencyStore(db, { ttlMs: 1000, collection: 'idem_sweep' });
    expect(await shortStore.begin('s', 'old', 'f1')).toEqual({ outcome: 'started' });
    await shortStore.complete('s', 'old', { status: 201, body: '{}' });
    const longStore = createIdempotencyStore(db, { ttlMs: 3_600_000, collection: 'idem_sweep' });
    await longStore.begin('s', 'fresh', 'f2');
    const records = db.collection('idem_sweep');
    expect(await records.countDocuments()).toBe(2);
    // Sweep "two seconds from now": the 1 s key has expired, the 1 h key has not.
    expect(await shortStore.sweep(new Date(Date.now() + 2000))).toBe(1);
    expect(await records.find().map((r) => r.key as string).toArray()).toEqual(['fresh']);
    expect(await shortStore.begin('s', 'old', 'f1')).toEqual({ outcome: 'started' });
    const indexes = await records.indexes();
    expect(indexes.find((i) => i.name === 'expiresAt_1')?.expireAfterSeconds).toBeUndefined();
  });

  it('start() sweeps periodically', async () => {
    const swept = createIdempotencyStore(db, { ttlMs: 1, collection: 'idem_periodic' });
    await swept.begin('s', 'k', 'f');
    swept.start(20);
    try {
      const records = db.collection('idem_periodic');
      while ((await records.countDocuments()) > 0) await new Promise((r) => setTimeout(r, 20));
      expect(await records.countDocuments()).toBe(0);
    } finally {
      swept.stop();
    }
  });
});
