// The identity links an account to the business the registry says it owns (issue 20, finding 1): the real
// registry in-process beside the gateway (same signing keys), accounts signed up and verified through the
// mail sink, tokens obtained through the real OpenID Connect code flow with PKCE. A squatter registers a
// business with the id its account was given; staff transfer it to the rightful account and approve it; at
// the next sign-in the rightful account's token names the business and works at the registry, and the
// squatter's names another.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type RunningRegistry } from '@hangviet/business-registry/dist/app';
import { loadRegistryConfig } from '@hangviet/business-registry/dist/config';
import { startMailSink, type MailSink } from '@hangviet/mail-sink';
import { createLogger, ensureDevKeys, loadConfig, mintDevToken, startService, type RunningService } from '@hangviet/service-kit';
import { generateTaxCode } from '@hangviet/vn';
import { testScope } from '@hangviet/testing';
import request from 'supertest';
import { configSchema, type GatewayConfig } from '../src/config';
import { gateway } from '../src/service';

jest.setTimeout(120_000);

const issuer = 'http://127.0.0.1:8080/oidc';
const PUBLIC_URL = 'http://127.0.0.1:8080';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let dir: string;
let mail: MailSink;
let registry: RunningRegistry;
let running: RunningService<GatewayConfig, Awaited<ReturnType<ReturnType<typeof gateway>['compose']>>>;
let base: string;
let registryHttp: ReturnType<typeof request>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-link-'));
  const keys = join(dir, 'keys');
  await ensureDevKeys(keys);
  mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const registryScope = testScope('gateway_link_registry');
  registry = await startRegistry(
    {
      ...loadRegistryConfig({
        MONGO_URL: registryScope.mongoUrl,
        KAFKA_BROKERS: registryScope.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: registryScope.topic(''),
        SEED_DEMO_DATA: 'false',
        AUTH_ISSUER: issuer,
        AUTH_JWKS_FILE: join(keys, 'jwks.json'),
        LOG_LEVEL: 'silent',
      }),
      HTTP_PORT: 0,
      GRPC_PORT: 0,
    },
    createLogger({ service: 'business-registry-test', level: 'silent' }),
  );
  registryHttp = request(`http://127.0.0.1:${registry.httpPort}`);
  await mkdir(join(dir, 'services', 'business-registry'), { recursive: true });
  await writeFile(join(dir, 'services', 'business-registry', 'package.json'), JSON.stringify({ name: 'business-registry', hangviet: { httpPort: registry.httpPort, routes: ['/v1/businesses'] } }));
  const scope = testScope('gateway_link');
  const config = {
    ...loadConfig(configSchema, {
      MONGO_URL: scope.mongoUrl,
      LOG_LEVEL: 'silent',
      AUTH_ISSUER: issuer,
      AUTH_JWKS_FILE: join(keys, 'jwks.json'),
      IDENTITY_PRIVATE_JWK_FILE: join(keys, 'private.jwk'),
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      BUSINESS_REGISTRY_GRPC_ADDRESS: `127.0.0.1:${registry.grpcPort}`,
      RATE_LIMIT_PER_CLIENT: '0',
    }),
    HTTP_PORT: 0,
  };
  running = await startService(gateway({ servicesDir: join(dir, 'services') }), { config, listenHost: '127.0.0.1' });
  base = `http://127.0.0.1:${running.httpPort}`;
});

afterAll(async () => {
  await running?.stop();
  await registry?.connection.dropDatabase().catch(() => undefined);
  await registry?.stop();
  await mail?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Signs up and verifies an enterprise account through the mailed link (the mail may leave after the answer). */
async function account(email: string, password: string): Promise<void> {
  const created = await request(base).post('/identity/v1/accounts').send({ email, password, name: email });
  expect(created.status).toBe(201);
  let message = mail.messages().find((m) => m.To.some((a) => a.Address === email));
  for (let i = 0; i < 100 && !message; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    message = mail.messages().find((m) => m.To.some((a) => a.Address === email));
  }
  if (!message) throw new Error(`no verification mail to ${email}`);
  const token = /token=([\w-]+)/.exec(message.Text)![1]!;
  await request(base).post('/identity/v1/accounts:verifyEmail').send({ token }).expect(204);
}

/** The console's sign-in: authorization code with PKCE, the identity's form, the code exchanged for the access token. */
async function signIn(email: string, password: string): Promise<{ token: string; claims: Record<string, unknown> }> {
  const agent = request.agent(base);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${PUBLIC_URL}/auth/callback`;
  let res = await agent.get('/oidc/auth').query({
    client_id: 'hangviet-console', response_type: 'code', scope: 'openid profile email', redirect_uri: redirectUri,
    code_challenge: challenge, code_challenge_method: 'S256', state: 's1', nonce: 'n1',
  });
  const signInPath = new URL(res.headers.location!, base).pathname;
  expect(signInPath).toMatch(/^\/signin\//);
  res = await agent.post(`${signInPath}/login`).type('form').send({ email, password });
  let code: string | null = null;
  for (let hops = 0; hops < 5 && !code; hops++) {
    const location = new URL(res.headers.location!, base);
    code = location.searchParams.get('code');
    if (!code) res = await agent.get(location.pathname + location.search);
  }
  expect(code).toBeTruthy();
  const tokens = await agent.post('/oidc/token').type('form').send({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'hangviet-console', code_verifier: verifier });
  expect(tokens.status).toBe(200);
  const token = tokens.body.access_token as string;
  return { token, claims: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown> };
}

it("gives the rightful account the transferred business at its next sign-in, and the squatter another id (issue 20, finding 1)", async () => {
  const stamp = Date.now().toString(36);
  await account(`squatter.${stamp}@example.vn`, 'Chiem-ten-2026!');
  await account(`chu.that.${stamp}@example.vn`, 'Chu-that-2026!');
  const squatter = await signIn(`squatter.${stamp}@example.vn`, 'Chiem-ten-2026!');
  const business = squatter.claims.business_id as string;
  const squatterId = squatter.claims.sub as string;
  expect(squatter.claims).toMatchObject({ roles: ['enterprise'] });

  // The squatter registers the business under the id its account was given, through the gateway.
  const registered = await request(base).post('/v1/businesses').set('authorization', `Bearer ${squatter.token}`).send({
    taxCode: generateTaxCode(Math.floor(Math.random() * 900_000) + 50_000, '83'), type: 'COOPERATIVE', legalName: 'Hợp tác xã Bị Chiếm Tên',
    address: { provinceCode: '86', wardCode: '28903', street: '12 Quốc lộ 60' }, industries: [{ edition: '2018', code: '1073' }],
    contact: { email: 'lienhe@example.vn', phone: '0912 345 678' },
  });
  expect(registered.status).toBe(201);
  expect(registered.body.id).toBe(business);
  await registryHttp.put(`/v1/businesses/${business}/evidence`).set('authorization', `Bearer ${squatter.token}`).set('Content-Type', 'application/pdf').send(PDF).expect(200);
  const rightfulBefore = await signIn(`chu.that.${stamp}@example.vn`, 'Chu-that-2026!');
  expect(rightfulBefore.claims.business_id).not.toBe(business);
  const rightfulId = rightfulBefore.claims.sub as string;
  expect(rightfulId).not.toBe(squatterId);

  const staff = await mintDevToken({ role: 'staff', subject: 'staff-1', issuer }, join(dir, 'keys'));
  await registryHttp.post(`/v1/businesses/${business}:transfer`).set('authorization', `Bearer ${staff}`).send({ toSubject: rightfulId, reason: 'Giấy chứng nhận ĐKKD' }).expect(200);
  await registryHttp.post(`/v1/businesses/${business}:approve`).set('authorization', `Bearer ${staff}`).send({}).expect(200);

  const rightful = await signIn(`chu.that.${stamp}@example.vn`, 'Chu-that-2026!');
  expect(rightful.claims).toMatchObject({ sub: rightfulId, business_id: business });
  const own = await request(base).get(`/v1/businesses/${business}`).set('authorization', `Bearer ${rightful.token}`);
  expect(own.status).toBe(200);
  expect(own.body).toMatchObject({ id: business, status: 'ACTIVE', ownerSubject: rightfulId });
  const renamed = await request(base).patch(`/v1/businesses/${business}`).set('authorization', `Bearer ${rightful.token}`).set('If-Match', own.headers.etag!).send({ contact: { email: 'chu@that.vn' } });
  expect(renamed.status).toBe(200);

  const squatterAfter = await signIn(`squatter.${stamp}@example.vn`, 'Chiem-ten-2026!');
  expect(squatterAfter.claims.sub).toBe(squatterId);
  expect(squatterAfter.claims.business_id).toEqual(expect.any(String));
  expect(squatterAfter.claims.business_id).not.toBe(business);
  // And the squatter's old token, still naming the business, is refused by the registry.
  expect((await request(base).patch(`/v1/businesses/${business}`).set('authorization', `Bearer ${squatter.token}`).send({ contact: { email: 'x@y.vn' } })).status).toBe(403);
});
