// Shared rate limits (issue 12, item 11) against the real database: counters every instance shares.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testScope } from '@hangviet/testing';
import { MongoClient, type Db } from 'mongodb';
import request from 'supertest';
import { createHttpApp, finishHttpApp } from '../src/http';
import { createRateLimitStore, rateLimit, type RateLimitStore } from '../src/rate-limit';
import { createReadiness } from '../src/readiness';
import { memoryLogger, signToken, testKeys } from './helpers';

const PROBLEM = /^application\/problem\+json/;

describe('rate limits', () => {
  const scope = testScope('service_kit_rate_limit');
  let client: MongoClient;
  let db: Db;
  let limits: RateLimitStore;
  const collection = `rate_limits_${process.pid}`;
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let server: Server;
  let base: string;

  async function listen(perClient: number, perPrincipal: number, store = limits): Promise<{ server: Server; base: string }> {
    const app = createHttpApp({
      service: 'test',
      logger: memoryLogger().logger,
      readiness: createReadiness(),
      authenticator: keys.authenticator,
      rateLimits: { store, perClient, perPrincipal, windowMs: 60_000 },
    });
    app.get('/things/:id', (req, res) => void res.json({ id: req.params.id }));
    app.post('/registrations', rateLimit(limits, [{ name: 'registrations', limit: 2, windowMs: 3_600_000, key: (req) => req.principal?.subject }]), (_req, res) => {
      res.status(201).json({ ok: true });
    });
    finishHttpApp(app);
    const s = app.listen(0, '127.0.0.1');
    await once(s, 'listening');
    return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  }

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
    limits = createRateLimitStore(db, collection);
    keys = await testKeys();
    // Client limit high (other test files share 127.0.0.1 and this database only per file); principal limit low.
    ({ server, base } = await listen(1000, 5));
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
    await db.dropDatabase();
    await client.close();
    keys.cleanup();
  });

  const token = (claims: Record<string, unknown>) => signToken(keys.dir, claims);

  it('past the per-principal limit: 429 RATE_LIMITED, problem+json, Retry-After; another principal is counted apart', async () => {
    const t = await token({ sub: 'busy-staff', roles: ['staff'] });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 7; i += 1) {
      last = await request(base).get('/things/1').set('Authorization', `Bearer ${t}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last!.headers['content-type']).toMatch(PROBLEM);
    expect(last!.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(last!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const other = await token({ sub: 'calm-staff', roles: ['staff'] });
    expect((await request(base).get('/things/1').set('Authorization', `Bearer ${other}`)).status).toBe(200);
  });

  it('per client address, before authentication: two app instances over one store count together', async () => {
    // Two instances, each with its own store object over one fresh collection.
    const a = await listen(3, 0, createRateLimitStore(db, `${collection}_client`));
    const b = await listen(3, 0, createRateLimitStore(db, `${collection}_client`));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await request(i % 2 ? b.base : a.base).get('/things/1')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const bad = await request(a.base).get('/things/1').set('Authorization', 'Bearer not-a-token');
      expect(bad.status).toBe(429);
    } finally {
      for (const s of [a.server, b.server]) {
        s.close();
        await once(s, 'close');
      }
    }
  });

  it('two stores over one collection (two instances) see one count', async () => {
    const other = createRateLimitStore(db, collection);
    const now = new Date();
    await limits.hit('shared', 'k', 60_000, now);
    await other.hit('shared', 'k', 60_000, now);
    expect((await limits.hit('shared', 'k', 60_000, now)).count).toBe(3);
  });

  it('concurrent first hits of a window lose no count', async () => {
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, () => limits.hit('race', 'k', 60_000, now)));
    expect((await limits.hit('race', 'k', 60_000, now)).count).toBe(21);
  });

  it('the sweep deletes only windows that ended', async () => {
    await limits.hit('sweep', 'old', 60_000, new Date(Date.now() - 3_600_000));
    await limits.hit('sweep', 'new', 60_000);
    expect(await limits.sweep()).toBeGreaterThanOrEqual(1);
    expect((await limits.hit('sweep', 'old', 60_000, new Date(Date.now() - 3_600_000))).count).toBe(1);
    expect((await limits.hit('sweep', 'new', 60_000)).count).toBe(2);
  });

  it('a route rule: registrations per account', async () => {
    const t = await token({ sub: 'squatter', roles: ['enterprise'], business_id: 'b1' });
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await request(base).post('/registrations').set('Authorization', `Bearer ${t}`).send({})).status);
    expect(codes).toEqual([201, 201, 429]);
  });
});
