// Issue 12's shared defaults, against a real database: every service built on createHttpApp gets them.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testScope } from '@hangviet/testing';
import { MongoClient, type Db } from 'mongodb';
import request from 'supertest';
import { z } from 'zod';
import { createHttpApp, finishHttpApp } from '../src/http';
import { createIdempotencyStore, idempotent } from '../src/idempotency';
import { resourcePath } from '../src/input-guards';
import { createReadiness } from '../src/readiness';
import { parse } from '../src/validation';
import { memoryLogger, signToken, testKeys } from './helpers';

const PROBLEM = /^application\/problem\+json/;

describe('request hardening in createHttpApp', () => {
  const scope = testScope('service_kit_hardening');
  let client: MongoClient;
  let db: Db;
  let keys: Awaited<ReturnType<typeof testKeys>>;
  let server: Server;
  let base: string;
  let created = 0;

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
    keys = await testKeys();
    const app = createHttpApp({
      service: 'test',
      logger: memoryLogger().logger,
      readiness: createReadiness(),
      authenticator: keys.authenticator,
    });
    const body = z.object({ name: z.string(), tags: z.array(z.object({ label: z.string() })).optional() });
    app.post('/things', (req, res) => {
      const input = parse(body, req.body);
      res.status(201).json({ created: input.name });
    });
    app.get('/things/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    app.post('/tenant-things', idempotent(createIdempotencyStore(db)), (req, res) => {
      created += 1;
      res.status(201).location(resourcePath('/tenant-things', `${req.principal?.partnerId}-${created}`)).json({ owner: req.principal?.partnerId, n: created });
    });
    finishHttpApp(app);
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
    await db.dropDatabase();
    await client.close();
    keys.cleanup();
  });

  const token = (claims: Record<string, unknown>) => signToken(keys.dir, claims);

  describe('item 8: unreadable requests are 400s, not 500s', () => {
    it.each(['gzip', 'deflate', 'br'])('Content-Encoding: %s over a body that is not so encoded → 400 CONTENT_ENCODING_INVALID', async (encoding) => {
      const res = await request(base).post('/things').set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('{"name":"plain"}');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('CONTENT_ENCODING_INVALID');
    });

    it('malformed percent-encoding in a path → 400 PATH_ENCODING_INVALID', async () => {
      const res = await request(base).get('/things/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('PATH_ENCODING_INVALID');
    });

    it('well-formed percent-encoding still reaches the route', async () => {
      const res = await request(base).get('/things/%E1%BA%A1');
      expect(res.status).toBe(200);
      expect(res.body.id).toBe('ạ');
    });
  });

  describe('item 12: a non-JSON body on a JSON route is 415', () => {
    it('text/plain → 415 UNSUPPORTED_MEDIA_TYPE, not 422', async () => {
      const res = await request(base).post('/things').set('Content-Type', 'text/plain').send('name=x');
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('item 10: unsafe text is refused with a field error naming its JSON path', () => {
    it.each([
      ['NUL', 'a\u0000b', 'NUL_CHARACTER'],
      ['a bidi override', 'Kẹo \u202eDừa', 'BIDI_CONTROL'],
      ['an isolate', 'x\u2066y', 'BIDI_CONTROL'],
    ])('%s in a nested string', async (_what, text, code) => {
      const res = await request(base).post('/things').send({ name: 'ok', tags: [{ label: 'fine' }, { label: text }] });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'tags.1.label', code, message: expect.any(String) }]);
    });

    it('a lone surrogate (JSON escape \\ud800)', async () => {
      const res = await request(base).post('/things').set('Content-Type', 'application/json').send('{"name":"a\\ud800b"}');
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'name', code: 'LONE_SURROGATE', message: expect.any(String) }]);
    });

    it('a surrogate pair (an emoji) and Vietnamese text pass', async () => {
      const res = await request(base).post('/things').send({ name: 'Kẹo dừa 🥥', tags: [{ label: 'tab\tand\nline' }] });
      expect(res.status).toBe(201);
    });

    it('the query string too', async () => {
      const res = await request(base).get('/things/x?q=a%00b');
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'q', code: 'NUL_CHARACTER' });
    });
  });

  describe('item 10: identifiers from tokens', () => {
    it.each([['x:approve'], ['../p'], ['a'.repeat(3000)], ['a/b'], ['']])('a partner_id of %#: refused as TOKEN_INVALID', async (partnerId) => {
      const res = await request(base)
        .post('/tenant-things')
        .set('Authorization', `Bearer ${await token({ sub: 'p-user', roles: ['partner'], partner_id: partnerId })}`)
        .send({});
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('resourcePath percent-encodes each segment of a Location', () => {
      expect(resourcePath('/v1/things/', 'a b', 'x:y/../z')).toBe('/v1/things/a%20b/x%3Ay%2F..%2Fz');
    });
  });

  describe('item 6: idempotency is scoped by principal, tenant and route', () => {
    it('partner B replaying partner A’s key under the same subject gets its own result', async () => {
      const a = await token({ sub: 'dev-partner', roles: ['partner'], partner_id: 'portal' });
      const b = await token({ sub: 'dev-partner', roles: ['partner'], partner_id: 'bank' });
      const first = await request(base).post('/tenant-things').set('Authorization', `Bearer ${a}`).set('Idempotency-Key', 'same-key').send({});
      const second = await request(base).post('/tenant-things').set('Authorization', `Bearer ${b}`).set('Idempotency-Key', 'same-key').send({});
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotency-replayed']).toBeUndefined();
      expect(second.body.owner).toBe('bank');
      const replay = await request(base).post('/tenant-things').set('Authorization', `Bearer ${a}`).set('Idempotency-Key', 'same-key').send({});
      expect(replay.headers['idempotency-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
    });
  });
});
