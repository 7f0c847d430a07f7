// Issue 20 (findings 2, 5, 6, 8–12) against the gateway in-process with the real database, a private mail
// sink and a real HTTP upstream: the lock-out under concurrent guesses and per client, sessions ended by a
// password reset, no account enumeration and mail limits, deep JSON, trusted proxies, OAuth errors, the
// upstream's early answer relayed, and /metrics off the public origin.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailSink, type MailSink } from '@hangviet/mail-sink';
import { ensureDevKeys, loadConfig, startService, type RunningService } from '@hangviet/service-kit';
import { eventually, testScope } from '@hangviet/testing';
import request from 'supertest';
import { configSchema, type GatewayConfig } from '../src/config';
import { authenticate, seedAccounts } from '../src/identity/accounts';
import { gateway } from '../src/service';

jest.setTimeout(90_000);

let upstream: Server;
const forwarded: IncomingMessage['headers'][] = [];
let dir: string;
let mail: MailSink;
let running: RunningService<GatewayConfig, Awaited<ReturnType<ReturnType<typeof gateway>['compose']>>>;
let http: ReturnType<typeof request>;
let origin: string;
const issuer = 'http://127.0.0.1:8080/oidc';
const publicUrl = 'http://127.0.0.1:8080';
const password = 'Keo-dua-2026!';

beforeAll(async () => {
  upstream = createServer((req, res) => {
    forwarded.push(req.headers);
    // As a service does: it refuses an upload without a token before reading it.
    if (req.url?.startsWith('/v1/businesses:import')) {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      return void res.end(JSON.stringify({ status: 401, code: 'UNAUTHENTICATED' }));
    }
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  dir = await mkdtemp(join(tmpdir(), 'gateway-security-'));
  await mkdir(join(dir, 'services', 'registry-like'), { recursive: true });
  await writeFile(
    join(dir, 'services', 'registry-like', 'package.json'),
    JSON.stringify({ name: 'registry-like', hangviet: { httpPort: (upstream.address() as AddressInfo).port, routes: ['/v1/businesses'] } }),
  );
  await ensureDevKeys(join(dir, 'keys'));
  mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const config = {
    ...loadConfig(configSchema, {
      MONGO_URL: testScope('gateway_security').mongoUrl,
      LOG_LEVEL: 'silent',
      AUTH_ISSUER: issuer,
      PUBLIC_URL: publicUrl,
      AUTH_JWKS_FILE: join(dir, 'keys', 'jwks.json'),
      IDENTITY_PRIVATE_JWK_FILE: join(dir, 'keys', 'private.jwk'),
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      IDENTITY_LOCKOUT_ATTEMPTS: '5',
      IDENTITY_SIGNIN_PER_CLIENT: '12',
      IDENTITY_MAIL_PER_ADDRESS: '3',
      IDENTITY_MAIL_ENDPOINT_PER_CLIENT: '15',
      MAX_BODY_BYTES: String(4 * 1024 * 1024),
    }),
    HTTP_PORT: 0,
    METRICS_PORT: 0,
  };
  running = await startService(gateway({ servicesDir: join(dir, 'services') }), { config, listenHost: '127.0.0.1' });
  origin = `http://127.0.0.1:${running.httpPort}`;
  http = request(origin);
});

afterAll(async () => {
  await running?.stop();
  await mail?.close();
  await new Promise((r) => upstream?.close(r));
  await rm(dir, { recursive: true, force: true });
});

const deps = () => running.parts.identity!.deps;
const mailsTo = (address: string) => mail.messages().filter((m) => m.To.some((a) => a.Address === address));
type Mail = ReturnType<typeof mailsTo>[number];
/** The first mail to `address` that `match` accepts, once it has arrived. */
const mailTo = (address: string, what: string, match: (m: Mail) => boolean = () => true) => eventually(() => mailsTo(address).find(match), what);
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

/** A verified enterprise account, through the REST sign-up and the mailed link. */
async function verifiedAccount(label: string): Promise<string> {
  const email = `${label}.${randomBytes(4).toString('hex')}@example.vn`;
  expect((await http.post('/identity/v1/accounts').send({ email, password })).status).toBe(201);
  const message = await mailTo(email, 'the verification mail');
  expect((await http.post('/identity/v1/accounts:verifyEmail').send({ token: tokenIn(message.Text) })).status).toBe(204);
  return email;
}

const outcome = (p: Promise<unknown>) => p.then(() => 'OK', (err: { code?: string }) => err.code ?? 'ERROR');

describe('finding 2 and 12: the lock-out', () => {
  it('checks at most the allowed number of 40 concurrent guesses, and a success cannot clear the lock they reached', async () => {
    const email = await verifiedAccount('race');
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 20 ? password : `wrong-${i}`));
    const results = await Promise.all(guesses.map((p) => outcome(authenticate(deps(), email, p, '203.0.113.7'))));
    const checked = results.filter((r) => r !== 'ACCOUNT_LOCKED').length;
    // Every attempt took a slot first: at most 5 passwords were checked (the fifth failure answers ACCOUNT_LOCKED itself).
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(35);
    await expect(authenticate(deps(), email, password, '203.0.113.7')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // The flood locked that client out, not the owner signing in from elsewhere.
    await expect(authenticate(deps(), email, password, '198.51.100.20')).resolves.toMatchObject({ email });
  });

  it('locks an address without an account exactly like one with (nothing told), and nobody can lock staff out from elsewhere', async () => {
    const staff = `staff.${randomBytes(4).toString('hex')}@hangviet.local`;
    await seedAccounts(deps(), [{ email: staff, password, name: 'Cán bộ', roles: ['staff'] }]);
    const nobody = `nobody.${randomBytes(4).toString('hex')}@example.vn`;
    for (const address of [staff, nobody]) {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push(await outcome(authenticate(deps(), address, 'wrong-password', '203.0.113.8')));
      expect(codes).toEqual(['CREDENTIALS_INVALID', 'CREDENTIALS_INVALID', 'CREDENTIALS_INVALID', 'CREDENTIALS_INVALID', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    }
    await expect(authenticate(deps(), staff, password, '198.51.100.21')).resolves.toMatchObject({ roles: ['staff'] });
  });
});

/** The console's authorization-code request (PKCE), optionally without any sign-in page (prompt=none). */
function authorize(extra: Record<string, string> = {}): string {
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    client_id: 'hangviet-console',
    response_type: 'code',
    redirect_uri: `${publicUrl}/auth/callback`,
    scope: 'openid profile',
    state: 'st',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/oidc/auth?${params.toString()}`;
}

describe('finding 5: a password reset ends the sessions', () => {
  it('the old session cookie with prompt=none gets no code after the reset', async () => {
    const email = await verifiedAccount('session');
    const browser = request.agent(origin);
    const start = await browser.get(authorize());
    expect(start.status).toBe(303);
    const uid = /\/signin\/([\w-]+)/.exec(start.headers.location!)![1]!;
    const login = await browser.post(`/signin/${uid}/login`).type('form').send({ email, password });
    expect(login.status).toBe(303);
    const resumed = await browser.get(new URL(login.headers.location!, origin).pathname);
    expect(resumed.headers.location).toMatch(/\/auth\/callback\?code=/);
    const silent = await browser.get(authorize({ prompt: 'none' }));
    expect(silent.headers.location).toMatch(/\/auth\/callback\?code=/);

    await http.post('/identity/v1/password-resets').send({ email }).expect(202);
    const reset = await mailTo(email, 'the reset mail', (m) => m.Text.includes('/reset-password?token='));
    await http.post('/identity/v1/password-resets:complete').send({ token: tokenIn(reset.Text), password: 'Moi-mat-khau-2026' }).expect(204);

    const after = await browser.get(authorize({ prompt: 'none' }));
    expect(after.headers.location).not.toMatch(/code=/);
    expect(after.headers.location).toMatch(/error=login_required/);
  });
});

describe('finding 10: OIDC errors are OAuth errors', () => {
  it('an unknown resource indicator is invalid_target, not a 500', async () => {
    const res = await http.get(authorize({ resource: 'urn:x' }));
    expect(res.status).toBeLessThan(500);
    expect(res.headers.location ?? JSON.stringify(res.body)).toContain('invalid_target');
  });
});

describe('finding 9: trusted proxies only', () => {
  it("discovery ignores an untrusted peer's X-Forwarded-Host/-Proto", async () => {
    const conf = await http.get('/oidc/.well-known/openid-configuration').set('x-forwarded-host', 'evil.example').set('x-forwarded-proto', 'https');
    expect(conf.status).toBe(200);
    expect(JSON.stringify(conf.body)).not.toContain('evil.example');
  });

  it("passes on the client's address as the gateway saw it, not a chain the client wrote", async () => {
    forwarded.length = 0;
    await http.get('/v1/businesses').set('x-forwarded-for', '6.6.6.6').set('forwarded', 'for=6.6.6.6').expect(200);
    expect(forwarded[0]!['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(forwarded[0]!.forwarded).toBeUndefined();
  });

  it('refuses TRUST_PROXY=true (anyone) and hop counts', () => {
    expect(() => loadConfig(configSchema, { TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig(configSchema, { TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig(configSchema, { TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });
});

describe('finding 8: deeply nested JSON', () => {
  it("answers '[' × 5000 with 422 naming the rule, not 500", async () => {
    const res = await http.post('/identity/v1/accounts').set('content-type', 'application/json').send(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'NESTED_TOO_DEEPLY' });
  });
});

describe('finding 11: the upstream answers for itself', () => {
  it("relays the service's early 401 to a large non-JSON upload instead of 503", async () => {
    const res = await http.post('/v1/businesses:import').set('content-type', 'text/csv').send('ten,ma\n'.repeat(400_000));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('finding 12: /metrics is not public', () => {
  it('is absent from the public origin and served on the internal listener', async () => {
    expect((await http.get('/metrics')).status).toBe(404);
    const internal = await request(`http://127.0.0.1:${running.metricsPort}`).get('/metrics');
    expect(internal.status).toBe(200);
    expect(internal.text).toContain('http_server_request_duration_seconds');
  });
});

// Last: these use up the per-client and per-address limits of the test's one client address.
describe('finding 6: no account enumeration, and limits on mail', () => {
  it('answers a sign-up with a taken address as a new one and mails the owner instead', async () => {
    const email = await verifiedAccount('taken');
    const again = await http.post('/identity/v1/accounts').send({ email, password: 'Another-pass-2026' });
    expect(again.status).toBe(201);
    expect(Object.keys(again.body).sort()).toEqual(['email', 'emailVerified', 'id']);
    expect(again.body).toMatchObject({ email, emailVerified: false });
    const isNotice = (m: Mail) => m.Subject.includes('already have an account') || m.Subject.includes('đã có tài khoản');
    await mailTo(email, 'the already-have-an-account mail', isNotice);
    expect(mailsTo(email).filter(isNotice)).toHaveLength(1);
    await expect(authenticate(deps(), email, 'Another-pass-2026', '198.51.100.30')).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID' });
  });

  it('mails one address at most its share however often a reset is asked for, and limits the endpoint per client', async () => {
    const email = await verifiedAccount('flood');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await http.post('/identity/v1/password-resets').send({ email })).status);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(15);
    expect(statuses.at(-1)).toBe(429);
    await new Promise((r) => setTimeout(r, 1000));
    // The verification mail and two resets: three for the address.
    expect(mailsTo(email).length).toBe(3);
  });

  it('limits sign-ups per client', async () => {
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => http.post('/identity/v1/accounts').send({ email: `many.${i}.${Date.now()}@example.vn`, password })))).map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(15);
  });

  it('limits sign-in posts per client before any password is hashed', async () => {
    // At once, so all fall in one minute's window however slow the machine.
    const posts = Array.from({ length: 16 }, (_, i) => http.post('/signin/no-such-interaction/login').type('form').send({ email: `x${i}@example.vn`, password: 'wrong-password' }));
    const locations = (await Promise.all(posts)).map((res) => String(res.headers.location));
    expect(locations.filter((l) => l.includes('error=RATE_LIMITED')).length).toBeGreaterThanOrEqual(3);
  });
});
