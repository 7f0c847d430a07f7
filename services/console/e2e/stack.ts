// The platform as npm start runs it, for the browser tests: business-registry, notification and the
// gateway (with its identity service and the built console) as their own processes (`node dist/main.js`),
// on free ports, each with its own database of this test run, topics under the run's prefix, signing keys
// of its own and a private mail sink.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys } from '@hangviet/service-kit';
import { testScope } from '@hangviet/testing';
import { startMailSink, type MailSink } from '@hangviet/mail-sink';

const repo = join(__dirname, '..', '..', '..');

export interface Stack {
  url: string;
  staff: { email: string; password: string };
  mail: MailSink;
  stop(): Promise<void>;
  logs(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, name: string, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log().slice(-3000)}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready at ${url} after 60 s:\n${log().slice(-3000)}`);
}

export async function startStack(): Promise<Stack> {
  const scope = testScope('e2e');
  const keys = await mkdtemp(join(tmpdir(), 'e2e-keys-'));
  await ensureDevKeys(keys);
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const [registryHttp, registryGrpc, notificationHttp, notificationGrpc, gatewayHttp] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
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
      name: 'gateway',
      port: gatewayHttp,
      env: {
        HTTP_PORT: gatewayHttp,
        MONGO_URL: database('gateway'),
        PUBLIC_URL: url,
        UPSTREAMS: JSON.stringify({ 'business-registry': `http://127.0.0.1:${registryHttp}`, notification: `http://127.0.0.1:${notificationHttp}` }),
        IDENTITY_PRIVATE_JWK_FILE: join(keys, 'private.jwk'),
        IDENTITY_SEED_ACCOUNTS: JSON.stringify([{ ...staff, name: 'Cán bộ Lan', roles: ['staff'] }]),
        IDENTITY_LOCKOUT_ATTEMPTS: '3',
      },
    },
  ];
  const children: ChildProcess[] = [];
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
      const env = { ...process.env, ...common, ...Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, String(v)])) };
      const child = spawn(process.execPath, ['dist/main.js'], { cwd: join(repo, 'services', spec.name), env, stdio: ['ignore', 'pipe', 'pipe'] });
      const collect = (chunk: Buffer) => (output = (output + `[${spec.name}] ${chunk.toString()}`).slice(-100_000));
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      children.push(child);
      return waitReady(`http://127.0.0.1:${spec.port}/readyz`, child, spec.name, () => output);
    };
    // The registry first: it creates the run's topics, which notification then subscribes to.
    const [registry, ...rest] = specs;
    await Promise.all([start(registry!), start(rest[1]!)]);
    await start(rest[0]!);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, staff, mail, stop, logs: () => output };
}
