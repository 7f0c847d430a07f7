// The platform as npm start runs it, for the browser tests: business-registry, product-certification,
// trade-fair, notification and the gateway (with its identity service and the built console) as their own processes (`node dist/main.js`),
// on free ports, each with its own database of this test run, topics under the run's prefix, signing keys
// of its own and a private mail sink.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, mintDevToken, type DevTokenClaims } from '@hangviet/service-kit';
import { freePort, testScope } from '@hangviet/testing';
import { startMailSink, type MailSink } from '@hangviet/mail-sink';

const repo = join(__dirname, '..', '..', '..');

export interface Stack {
  url: string;
  staff: { email: string; password: string };
  mail: MailSink;
  /** The certification service's QR signing key (a private JWK): the tests sign a certificate's QR token as the service does. */
  qrKeyFile: string;
  stop(): Promise<void>;
  logs(): string;
  /** A token signed with this run's identity key, for setting up what the journey does not click through. */
  token(claims: DevTokenClaims): Promise<string>;
}

export interface StackOptions {
  /** Extra environment per service, e.g. a short webhook retry schedule. */
  env?: Partial<Record<'business-registry' | 'notification' | 'product-certification' | 'trade-fair' | 'gateway' | 'campaign-results' | 'sourcing', Record<string, string>>>;
  /** Also campaign-results (its page's test): the others do without it. */
  campaign?: boolean;
  /** Also sourcing (its page's test). */
  sourcing?: boolean;
}

async function waitReady(url: string, child: ChildProcess, name: string, log: () => string): Promise<void> {
  // 3 minutes: npm test runs every workspace's tests at once on two cores, and a cold start then takes long.
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new ServiceExited(`${name} exited with ${child.exitCode}:\n${log().slice(-3000)}`);
    try {
      const res = await fetch(url);
      // Only a service's own readiness report counts: the port was free when picked, and until the service
      // binds it another test's server (a webhook receiver answering 2xx to anything) may hold it.
      const body = res.ok ? ((await res.json().catch(() => undefined)) as { status?: string; checks?: unknown } | undefined) : undefined;
      if (body?.status === 'ok' && body.checks !== undefined && child.exitCode === null) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready at ${url} after 180 s:\n${log().slice(-3000)}`);
}

/** A stack whose service lost its port to another process between the pick and the bind is started once more, on new ports. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  try {
    return await startStackOnce(options);
  } catch (err) {
    if (!(err instanceof ServiceExited)) throw err;
    process.stderr.write(`e2e stack: ${err.message.split('\n')[0]}; starting it again on new ports\n`);
    return startStackOnce(options);
  }
}

class ServiceExited extends Error {}

async function startStackOnce(options: StackOptions): Promise<Stack> {
  const scope = testScope('e2e');
  const keys = await mkdtemp(join(tmpdir(), 'e2e-keys-'));
  await ensureDevKeys(keys);
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const [registryHttp, registryGrpc, notificationHttp, notificationGrpc, gatewayHttp, certHttp, certGrpc, fairHttp, fairGrpc, campaignHttp, campaignGrpc, sourcingHttp, sourcingGrpc] = await Promise.all(
    Array.from({ length: 13 }, () => freePort()),
  );
  const url = `http://127.0.0.1:${gatewayHttp}`;
  const database = (name: string) => {
    const u = new URL(scope.mongoUrl);
    u.pathname = `/${scope.databaseName}_${name}`;
    return u.toString();
  };
  const staff = { email: 'can.bo@hangviet.local', password: `staff-${scope.id}-pass` };
  const common = {
    KAFKA_BROKERS: scope.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: scope.topic(''),
    AUTH_ISSUER: `${url}/oidc`,
    AUTH_JWKS_FILE: join(keys, 'jwks.json'),
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    OTEL_SDK_DISABLED: 'true',
  };
  const specs = [
    { name: 'business-registry', port: registryHttp, env: { HTTP_PORT: registryHttp, GRPC_PORT: registryGrpc, MONGO_URL: database('registry'), SEED_DEMO_DATA: 'true', TRUST_PROXY: 'loopback' } },
    {
      name: 'notification',
      port: notificationHttp,
      env: { HTTP_PORT: notificationHttp, GRPC_PORT: notificationGrpc, MONGO_URL: database('notification'), CONSUMER_GROUP: scope.group('notification'), TRUST_PROXY: 'loopback' },
    },
    {
      name: 'product-certification',
      port: certHttp,
      env: {
        HTTP_PORT: certHttp,
        GRPC_PORT: certGrpc,
        MONGO_URL: database('certification'),
        BUSINESS_REGISTRY_GRPC_ADDRESS: `127.0.0.1:${registryGrpc}`,
        VERIFY_BASE_URL: `${url}/verify`,
        QR_DEV_KEYS_DIR: join(keys, 'qr'),
        TRUST_PROXY: 'loopback',
      },
    },
    {
      name: 'trade-fair',
      port: fairHttp,
      env: {
        HTTP_PORT: fairHttp,
        GRPC_PORT: fairGrpc,
        MONGO_URL: database('fair'),
        BUSINESS_REGISTRY_GRPC_ADDRESS: `127.0.0.1:${registryGrpc}`,
        PRODUCT_CERTIFICATION_GRPC_ADDRESS: `127.0.0.1:${certGrpc}`,
        TRUST_PROXY: 'loopback',
      },
    },
    {
      name: 'gateway',
      port: gatewayHttp,
      env: {
        HTTP_PORT: gatewayHttp,
        MONGO_URL: database('gateway'),
        PUBLIC_URL: url,
        UPSTREAMS: JSON.stringify({
          'business-registry': `http://127.0.0.1:${registryHttp}`,
          notification: `http://127.0.0.1:${notificationHttp}`,
          'product-certification': `http://127.0.0.1:${certHttp}`,
          'trade-fair': `http://127.0.0.1:${fairHttp}`,
          ...(options.campaign ? { 'campaign-results': `http://127.0.0.1:${campaignHttp}` } : {}),
          ...(options.sourcing ? { sourcing: `http://127.0.0.1:${sourcingHttp}` } : {}),
        }),
        IDENTITY_PRIVATE_JWK_FILE: join(keys, 'private.jwk'),
        IDENTITY_SEED_ACCOUNTS: JSON.stringify([{ ...staff, name: 'Cán bộ Lan', roles: ['staff'] }]),
        IDENTITY_LOCKOUT_ATTEMPTS: '3',
      },
    },
  ];
  if (options.sourcing) {
    specs.push({ name: 'sourcing', port: sourcingHttp, env: { HTTP_PORT: sourcingHttp, GRPC_PORT: sourcingGrpc, MONGO_URL: database('sourcing'), BUSINESS_REGISTRY_GRPC_ADDRESS: `127.0.0.1:${registryGrpc}`, TRUST_PROXY: 'loopback' } } as (typeof specs)[number]);
  }
  if (options.campaign) {
    specs.push({ name: 'campaign-results', port: campaignHttp, env: { HTTP_PORT: campaignHttp, GRPC_PORT: campaignGrpc, MONGO_URL: database('campaign'), TRUST_PROXY: 'loopback' } } as (typeof specs)[number]);
  }
  const children: ChildProcess[] = [];
  const names = new Map<ChildProcess, string>();
  let output = '';
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await mail.close();
    await rm(keys, { recursive: true, force: true });
  };
  try {
    const start = (spec: (typeof specs)[number]) => {
      const env = { ...process.env, ...common, ...Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, String(v)])), ...options.env?.[spec.name as keyof NonNullable<StackOptions['env']>] };
      const child = spawn(process.execPath, ['dist/main.js'], { cwd: join(repo, 'services', spec.name), env, stdio: ['ignore', 'pipe', 'pipe'] });
      const collect = (chunk: Buffer) => (output = (output + `[${spec.name}] ${chunk.toString()}`).slice(-100_000));
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      children.push(child);
      names.set(child, spec.name);
      return waitReady(`http://127.0.0.1:${spec.port}/readyz`, child, spec.name, () => output);
    };
    // Each topic is created by its publisher before a subscriber asks for it: the registry first, then
    // certification, trade fairs and the gateway, then notification (which subscribes to every topic).
    const byName = (name: string) => specs.find((s) => s.name === name)!;
    await start(byName('business-registry'));
    await Promise.all(['product-certification', 'trade-fair', 'gateway'].map((name) => start(byName(name))));
    await start(byName('notification'));
    if (options.campaign) await start(byName('campaign-results'));
    if (options.sourcing) await start(byName('sourcing'));
    // A service that found its port taken exits shortly after another process answered on it.
    await new Promise((r) => setTimeout(r, 1000));
    const exited = children.find((child) => child.exitCode !== null);
    if (exited) throw new ServiceExited(`${names.get(exited)} exited after the stack was ready:\n${output.slice(-3000)}`);
  } catch (err) {
    await stop();
    throw err;
  }
  const token = (claims: DevTokenClaims) => mintDevToken({ issuer: `${url}/oidc`, ...claims }, keys);
  return { url, staff, mail, qrKeyFile: join(keys, 'qr', 'private.jwk'), stop, logs: () => output, token };
}
