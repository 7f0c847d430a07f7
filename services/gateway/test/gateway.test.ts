// The gateway in-process against the real database, in front of a real HTTP upstream that records what
// reaches it; identity flows with a private mail sink. Declared routes come from a temporary services/
// folder (the seam), as the real one would give them.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailSink, type MailSink } from '@hangviet/mail-sink';
import { createAuthenticator, ensureDevKeys, loadConfig, mintDevToken, startService, type RunningService } from '@hangviet/service-kit';
import { testScope } from '@hangviet/testing';
import request from 'supertest';
import { configSchema, type GatewayConfig } from '../src/config';
import { authenticate } from '../src/identity/accounts';
import { gateway } from '../src/service';

jest.setTimeout(60_000);

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let upstream: Server;
let seen: Seen[] = [];
let dir: string;
let mail: MailSink;
let running: RunningService<GatewayConfig, Awaited<ReturnType<ReturnType<typeof gateway>['compose']>>>;
let http: ReturnType<typeof request>;
const issuer = 'http://127.0.0.1:8080/oidc';

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, url: req.url }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const port = (upstream.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  for (const [folder, routes, httpPort] of [
    ['registry-like', ['/v1/businesses'], port],
    ['notification-like', ['/v1/businesses/*/notification-preferences'], 1],
  ] as const) {
    await mkdir(join(dir, 'services', folder), { recursive: true });
    await writeFile(join(dir, 'services', folder, 'package.json'), JSON.stringify({ name: folder, hangviet: { httpPort, routes } }));
  }
  await ensureDevKeys(join(dir, 'keys'));
  mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const scope = testScope('gateway');
  const config = {
    ...loadConfig(configSchema, {
      MONGO_URL: scope.mongoUrl,
      LOG_LEVEL: 'silent',
      AUTH_ISSUER: issuer,
      AUTH_JWKS_FILE: join(dir, 'keys', 'jwks.json'),
      IDENTITY_PRIVATE_JWK_FILE: join(dir, 'keys', 'private.jwk'),
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      RATE_LIMIT_PER_CLIENT: '40',
      IDENTITY_LOCKOUT_ATTEMPTS: '3',
      MAX_BODY_BYTES: '2048',
      CORS_ORIGINS: 'https://portal.example.vn',
    }),
    HTTP_PORT: 0,
  };
  running = await startService(gateway({ servicesDir: join(dir, 'services') }), { config, listenHost: '127.0.0.1' });
  http = request(`http://127.0.0.1:${running.httpPort}`);
});

afterAll(async () => {
  await running?.stop();
  await mail?.close();
  await new Promise((r) => upstream?.close(r));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  seen = [];
});

describe('routing /v1', () => {
  it('passes a request to the declaring service with its body, request id and trace context', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await http
      .post('/v1/businesses/b1:approve?x=1')
      .set('x-request-id', 'req-123')
      .set('traceparent', traceparent)
      .send({ reason: 'Hồ sơ đủ' });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/businesses/b1:approve?x=1', body: JSON.stringify({ reason: 'Hồ sơ đủ' }) });
    expect(seen[0]!.headers['x-request-id']).toBe('req-123');
    expect(seen[0]!.headers.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('answers 404 for a path no service declares and 503 when the owner is down', async () => {
    const missing = await http.get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
    const down = await http.get('/v1/businesses/b1/notification-preferences');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(down.body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(seen).toHaveLength(0);
  });

  it('refuses bodies over the limit before they reach a service', async () => {
    const res = await http.post('/v1/businesses:import').set('content-type', 'text/csv').send('x'.repeat(4096));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(seen).toHaveLength(0);
  });

  it('allows only listed browser origins and sends security headers', async () => {
    const allowed = await http.options('/v1/businesses').set('origin', 'https://portal.example.vn').set('access-control-request-method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.vn');
    const other = await http.options('/v1/businesses').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const docs = await http.get('/docs');
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });
});

/** Identity mail goes out after the answer: wait for it. */
async function mailed(match: (m: ReturnType<MailSink['messages']>[number]) => boolean) {
  for (let i = 0; i < 200; i++) {
    const found = mail.messages().find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no such mail arrived');
}

describe('the identity', () => {
  const email = `hoa.${Date.now()}@example.vn`;

  it('signs up, verifies the e-mail from the mailed link, and locks out after repeated failures', async () => {
    const created = await http.post('/identity/v1/accounts').send({ email, password: 'Keo-dua-2026!', name: 'Hoa' });
    expect(created.status).toBe(201);
    // A taken address is answered as a new one (its owner is mailed instead): see security.test.ts.
    const again = await http.post('/identity/v1/accounts').send({ email, password: 'Keo-dua-2026!' });
    expect(again.status).toBe(201);
    const deps = running.parts.identity!.deps;
    await expect(authenticate(deps, email, 'Keo-dua-2026!')).rejects.toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    const message = await mailed((m) => m.To.some((a) => a.Address === email) && m.Text.includes('/verify-email'));
    const token = /token=([\w-]+)/.exec(message.Text)![1]!;
    expect((await http.post('/identity/v1/accounts:verifyEmail').send({ token })).status).toBe(204);
    expect((await http.post('/identity/v1/accounts:verifyEmail').send({ token })).body.code).toBe('TOKEN_INVALID');
    await expect(authenticate(deps, email, 'Keo-dua-2026!')).resolves.toMatchObject({ email, roles: ['enterprise'] });
    for (let i = 0; i < 2; i++) await expect(authenticate(deps, email, 'wrong')).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID' });
    await expect(authenticate(deps, email, 'wrong')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await expect(authenticate(deps, email, 'Keo-dua-2026!')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('resets the password from the mailed link, which also lifts the lock', async () => {
    expect((await http.post('/identity/v1/password-resets').send({ email })).status).toBe(202);
    expect((await http.post('/identity/v1/password-resets').send({ email: 'nobody@example.vn' })).status).toBe(202);
    const message = await mailed((m) => m.To.some((a) => a.Address === email) && m.Text.includes('/reset-password?token='));
    const token = /token=([\w-]+)/.exec(message.Text)![1]!;
    const weak = await http.post('/identity/v1/password-resets:complete').send({ token, password: 'short' });
    expect(weak.body.errors[0]).toMatchObject({ field: 'password', code: 'PASSWORD_TOO_SHORT' });
    expect((await http.post('/identity/v1/password-resets:complete').send({ token, password: 'Moi-mat-khau-2026' })).status).toBe(204);
    await expect(authenticate(running.parts.identity!.deps, email, 'Moi-mat-khau-2026')).resolves.toMatchObject({ email });
  });

  it('exchanges a partner API key, stored hashed, for a platform token the services accept', async () => {
    const admin = await mintDevToken({ role: 'admin', issuer }, join(dir, 'keys'));
    const enterprise = await mintDevToken({ role: 'enterprise', businessId: 'b1', issuer }, join(dir, 'keys'));
    expect((await http.post('/identity/v1/api-keys').set('authorization', `Bearer ${enterprise}`).send({ partnerId: 'portal' })).status).toBe(403);
    const created = await http.post('/identity/v1/api-keys').set('authorization', `Bearer ${admin}`).send({ partnerId: 'portal', name: 'Cổng tỉnh' });
    expect(created.status).toBe(201);
    const stored = await running.host.db.collection('api_keys').findOne({ _id: created.body.id });
    expect(JSON.stringify(stored)).not.toContain(created.body.key);

    expect((await http.get('/v1/businesses').set('x-api-key', 'hvk_forged')).body.code).toBe('API_KEY_INVALID');
    expect((await http.get('/v1/businesses').set('x-api-key', created.body.key)).status).toBe(200);
    const forwarded = seen.at(-1)!;
    expect(forwarded.headers['x-api-key']).toBeUndefined();
    const token = String(forwarded.headers.authorization).replace(/^Bearer /, '');
    const verifier = createAuthenticator({ issuer, audience: 'hangviet', jwksFile: join(dir, 'keys', 'jwks.json') });
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['partner'], partnerId: 'portal' });

    await http.post(`/identity/v1/api-keys/${created.body.id}:revoke`).set('authorization', `Bearer ${admin}`).expect(204);
    expect((await http.get('/v1/businesses').set('x-api-key', created.body.key)).body.code).toBe('API_KEY_INVALID');
  });

  it('publishes the OpenID configuration and the signing keys', async () => {
    const conf = await http.get('/oidc/.well-known/openid-configuration');
    expect(conf.body).toMatchObject({ issuer, code_challenge_methods_supported: ['S256'] });
    const jwks = await http.get('/.well-known/jwks.json');
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', use: 'sig' });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json once a client passes its limit', async () => {
    let last = 200;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await http.get('/v1/businesses')).status;
    expect(last).toBe(429);
    const res = await http.get('/v1/businesses');
    expect(res.body.code).toBe('RATE_LIMITED');
  });
});
