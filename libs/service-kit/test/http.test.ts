import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { requireBusinessAccess } from '../src/auth';
import { AppError, conflict, notFound } from '../src/errors';
import { businessGuard, createHttpApp, finishHttpApp, roleGuard } from '../src/http';
import { createReadiness } from '../src/readiness';
import { parse } from '../src/validation';
import { memoryLogger, signToken, testKeys } from './helpers';

const PROBLEM = /^application\/problem\+json/;

describe('HTTP app', () => {
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let server: Server;
  let base: string;
  let ready = true;
  const written: string[] = [];
  const log = memoryLogger();

  beforeAll(async () => {
    keys = await testKeys();
    const readiness = createReadiness();
    readiness.add('database', async () => {
      if (!ready) throw new Error('database down');
    });
    const app = createHttpApp({ service: 'test', logger: log.logger, readiness, authenticator: keys.authenticator, bodyLimit: '1kb' });
    const body = z.object({ name: z.string().min(2), address: z.object({ wardCode: z.string().regex(/^\d{5}$/) }) });
    app.post('/things', (req, res) => {
      const input = parse(body, req.body);
      res.status(201).json({ created: input.name });
    });
    app.get('/fail/:kind', (req) => {
      if (req.params.kind === 'not-found') throw notFound('BUSINESS_NOT_FOUND', 'No business b9.', { businessId: 'b9' });
      if (req.params.kind === 'conflict') throw conflict('TAX_CODE_TAKEN', 'Tax code already registered.');
      if (req.params.kind === 'precondition') throw new AppError('precondition_failed', 'VERSION_MISMATCH', 'If-Match does not match.');
      if (req.params.kind === 'internal') throw new AppError('internal', 'LEDGER_BROKEN', 'secret internals: table x corrupt');
      if (req.params.kind === 'database-down') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoServerSelectionError' });
      throw new Error('boom: connection string mongodb://user:pw@host');
    });
    // Routes behind auth: each records that its handler ran, so a test can prove it did not.
    app.post('/staff-only', roleGuard('staff', 'admin'), (req, res) => {
      written.push(`staff-only by ${req.principal?.subject}`);
      res.status(201).json({ ok: true });
    });
    app.post('/businesses/:businessId/products', businessGuard(), (req, res) => {
      written.push(`product for ${req.params.businessId}`);
      res.status(201).json({ ok: true });
    });
    app.post('/inline/:businessId', (req, res) => {
      requireBusinessAccess(req.principal, req.params.businessId);
      written.push(`inline ${req.params.businessId}`);
      res.status(201).json({ ok: true });
    });
    app.get('/whoami', (req, res) => {
      res.json({ principal: req.principal ?? null, requestId: req.requestId });
    });
    finishHttpApp(app);
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
    keys.cleanup();
  });

  beforeEach(() => {
    written.length = 0;
  });

  describe('problem+json', () => {
    it('404 for an unknown route', async () => {
      const res = await request(base).get('/nowhere?x=1').set('X-Request-Id', 'req-abc-1');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['x-request-id']).toBe('req-abc-1');
      expect(res.body).toEqual({
        type: 'https://hangviet.vn/problems/route-not-found',
        title: 'Not Found',
        status: 404,
        detail: 'No route for GET /nowhere.',
        code: 'ROUTE_NOT_FOUND',
        instance: '/nowhere',
        requestId: 'req-abc-1',
      });
    });

    it('422 with field paths for a validation failure', async () => {
      const res = await request(base).post('/things').send({ name: 'x', address: { wardCode: 'abc' } });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', type: 'https://hangviet.vn/problems/validation-failed' });
      expect(res.body.errors).toEqual([
        { field: 'name', code: 'TOO_SMALL', message: expect.any(String) },
        { field: 'address.wardCode', code: 'INVALID_FORMAT', message: expect.any(String) },
      ]);
    });

    it('400 MALFORMED_JSON for a broken body', async () => {
      const res = await request(base).post('/things').set('Content-Type', 'application/json').send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });

    it('413 for a body over the limit', async () => {
      const res = await request(base).post('/things').send({ name: 'x'.repeat(2000), address: { wardCode: '12345' } });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it.each([
      ['not-found', 404, 'BUSINESS_NOT_FOUND', 'No business b9.'],
      ['conflict', 409, 'TAX_CODE_TAKEN', 'Tax code already registered.'],
      ['precondition', 412, 'VERSION_MISMATCH', 'If-Match does not match.'],
    ])('AppError %s → %i', async (kind, status, code, detail) => {
      const res = await request(base).get(`/fail/${kind}`);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status, code, detail, instance: `/fail/${kind}` });
    });

    it('an internal AppError and an unexpected error → 500, generic, no stack, logged', async () => {
      for (const kind of ['internal', 'unexpected']) {
        const res = await request(base).get(`/fail/${kind}`);
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.detail).toMatch(/^An unexpected error occurred/);
        const text = JSON.stringify(res.body);
        expect(text).not.toMatch(/boom|secret internals|stack|at .*\.ts|mongodb:\/\//);
        expect(res.body.code).toBe(kind === 'internal' ? 'LEDGER_BROKEN' : 'INTERNAL');
      }
      expect(log.lines().some((l) => l.level === 50 && JSON.stringify(l).includes('boom'))).toBe(true);
    });

    it('a database that cannot be reached → 503 DATABASE_UNAVAILABLE with Retry-After, not a 500', async () => {
      const res = await request(base).get('/fail/database-down');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(JSON.stringify(res.body)).not.toMatch(/27017|ECONNREFUSED/);
    });
  });

  describe('auth', () => {
    const staffClaims = { sub: 'staff-1', roles: ['staff'] };

    it('a valid token sets req.principal; none leaves it undefined', async () => {
      const token = await signToken(keys.dir, { sub: 'e-1', roles: ['enterprise'], business_id: 'b1', name: 'Lan' });
      const res = await request(base).get('/whoami').set('Authorization', `Bearer ${token}`);
      expect(res.body.principal).toEqual({ subject: 'e-1', roles: ['enterprise'], businessId: 'b1', name: 'Lan' });
      expect((await request(base).get('/whoami')).body.principal).toBeNull();
    });

    it('missing token on a role route → 401 problem+json, handler not run', async () => {
      const res = await request(base).post('/staff-only').send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({ code: 'TOKEN_MISSING' });
      expect(written).toEqual([]);
    });

    it('expired token → 401 TOKEN_EXPIRED, handler not run', async () => {
      const token = await signToken(keys.dir, staffClaims, { exp: Math.floor(Date.now() / 1000) - 60 });
      const res = await request(base).post('/staff-only').set('Authorization', `Bearer ${token}`).send({});
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'TOKEN_EXPIRED' });
      expect(written).toEqual([]);
    });

    it.each([
      ['signed by another key', { foreign: true }],
      ['wrong issuer', { issuer: 'someone-else' }],
      ['wrong audience', { audience: 'other-app' }],
    ])('%s → 401 TOKEN_INVALID, handler not run', async (_name, opts) => {
      const token = await signToken(keys.dir, staffClaims, opts);
      const res = await request(base).post('/staff-only').set('Authorization', `Bearer ${token}`).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'TOKEN_INVALID' });
      expect(written).toEqual([]);
    });

    it('a malformed Authorization header or unknown role claim → 401', async () => {
      expect((await request(base).get('/whoami').set('Authorization', 'Basic dXNlcjpwdw==')).status).toBe(401);
      const token = await signToken(keys.dir, { sub: 'x', roles: ['superuser'] });
      const res = await request(base).post('/staff-only').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
      expect(written).toEqual([]);
    });

    it('wrong role → 403 ROLE_REQUIRED, handler not run', async () => {
      const token = await signToken(keys.dir, { sub: 'p-1', roles: ['partner'], partner_id: 'pa1' });
      const res = await request(base).post('/staff-only').set('Authorization', `Bearer ${token}`).send({});
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'ROLE_REQUIRED' });
      expect(written).toEqual([]);
    });

    it('enterprise touching another business → 403 NOT_OWNER, handler not run; own business and staff pass', async () => {
      const token = await signToken(keys.dir, { sub: 'e-1', roles: ['enterprise'], business_id: 'b1' });
      for (const path of ['/businesses/b2/products', '/inline/b2']) {
        const res = await request(base).post(path).set('Authorization', `Bearer ${token}`).send({});
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'NOT_OWNER' });
      }
      expect(written).toEqual([]);
      expect((await request(base).post('/businesses/b1/products').set('Authorization', `Bearer ${token}`)).status).toBe(201);
      const staff = await signToken(keys.dir, staffClaims);
      expect((await request(base).post('/inline/b2').set('Authorization', `Bearer ${staff}`)).status).toBe(201);
      expect(written).toEqual(['product for b1', 'inline b2']);
    });

    it('the right role passes', async () => {
      const token = await signToken(keys.dir, staffClaims);
      const res = await request(base).post('/staff-only').set('Authorization', `Bearer ${token}`).send({});
      expect(res.status).toBe(201);
      expect(written).toEqual(['staff-only by staff-1']);
    });
  });

  describe('probes, metrics, logging', () => {
    it('/healthz is ok; /readyz follows the checks', async () => {
      expect((await request(base).get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await request(base).get('/readyz')).status).toBe(200);
      ready = false;
      const res = await request(base).get('/readyz');
      ready = true;
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', checks: { database: 'database down' } });
    });

    it('probes answer even with a bad Authorization header', async () => {
      expect((await request(base).get('/healthz').set('Authorization', 'Bearer nonsense')).status).toBe(200);
    });

    it('/metrics has default metrics and the request duration histogram by route template', async () => {
      await request(base).get('/fail/not-found');
      const text = (await request(base).get('/metrics')).text;
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/fail\/:kind"[^}]*status_code="404"/);
    });

    it('generates a request id when none (or a bad one) is sent, and logs it on every line without the token', async () => {
      const token = await signToken(keys.dir, { sub: 'staff-9', roles: ['staff'] });
      const res = await request(base).get('/whoami').set('X-Request-Id', 'bad id with spaces').set('Authorization', `Bearer ${token}`);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      const line = log.lines().find((l) => (l.req as { id?: string } | undefined)?.id === res.body.requestId);
      expect(line).toBeDefined();
      expect(JSON.stringify(log.lines())).not.toContain(token);
    });
  });

  it('works without finishHttpApp-specific setup in a plain express router too', async () => {
    // Routers mounted on the app get the same principal and error handling.
    const keys2 = keys;
    const app = createHttpApp({ service: 't2', logger: log.logger, readiness: createReadiness(), authenticator: keys2.authenticator });
    const router = express.Router();
    router.get('/:id', (req) => {
      throw notFound('THING_NOT_FOUND', `No thing ${req.params.id}.`);
    });
    app.use('/v1/things', router);
    finishHttpApp(app);
    const res = await request(app).get('/v1/things/42');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'THING_NOT_FOUND', instance: '/v1/things/42' });
  });
});
