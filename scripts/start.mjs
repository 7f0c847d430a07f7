// `npm start`: install, build, bring up Kafka and the database, start every service under services/ and
// keep it running (a service that exits is restarted with backoff while the others go on serving), print
// where to reach them, and on Ctrl-C (SIGINT or SIGTERM) stop the services, then what infrastructure it
// started. `--no-build` skips the install and build steps (the supervisor test runs after a build).
//   HANGVIET_PORT_OFFSET=1000  adds 1000 to every service's HTTP and gRPC port (a second copy beside yours)
//   HANGVIET_DB_PREFIX=scratch_  gives each service the database scratch_<folder> instead of its own
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureInfrastructure, ensureInstalled, portFree, prepareInBackground, portOffsetFrom, root, runInfraCli, say, services } from './lib.mjs';
import { createSupervisor } from './supervisor.mjs';

const begun = Date.now();
const skipBuild = process.argv.includes('--no-build');
let infra;
let mailSinkStarted = false;
let supervisor;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await supervisor?.stop();
  try {
    if (mailSinkStarted) await runInfraCli('stop', 'mailsink');
    await infra?.stop();
  } catch (err) {
    say(`stopping the infrastructure failed: ${err.message}`);
  }
  say('stopped');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutdown(0));

async function main() {
  const portOffset = portOffsetFrom();
  const databasePrefix = process.env.HANGVIET_DB_PREFIX ?? '';
  if (!skipBuild) {
    // Kafka and FerretDB are provisioned (downloaded, built) beside the install and the build on a fresh machine.
    const prepared = prepareInBackground();
    prepared.catch(() => undefined); // awaited below
    ensureInstalled();
    build();
    await prepared;
  }
  infra = await ensureInfrastructure();
  if (!process.env.SMTP_URL) {
    // A local mail sink, so mail the notification service sends can be read.
    const { results, env } = await runInfraCli('start', 'mailsink');
    mailSinkStarted = results.some((r) => r.started);
    Object.assign(process.env, env);
  }
  if (!process.env.AUTH_JWKS_URL) {
    // Development signing keys (.local/auth): services verify tokens against their public half.
    const { ensureDevKeys } = await import(join(root, 'libs', 'service-kit', 'dist', 'index.js'));
    await ensureDevKeys();
  }

  const list = services({ portOffset, databasePrefix });
  const gateway = identityEnvironment(list, portOffset);
  for (const s of list) {
    for (const [kind, port] of [['HTTP', s.httpPort], ['gRPC', s.grpcPort]]) {
      if (port !== undefined && !(await portFree(port))) {
        throw new Error(`port ${port} (${s.name} ${kind}) is taken: is another npm start running? HANGVIET_PORT_OFFSET shifts every port`);
      }
    }
    // Local partner receivers run on this machine: webhooks may reach the address:port receivers named in
    // WEBHOOK_ALLOW_TARGETS (e.g. 127.0.0.1:9000), never a whole range: the platform's own ports stay out of reach.
    if (process.env.WEBHOOK_ALLOW_TARGETS) s.env.WEBHOOK_ALLOW_TARGETS = process.env.WEBHOOK_ALLOW_TARGETS;
  }
  supervisor = createSupervisor({ services: list, log: say });
  await supervisor.start();

  const pids = supervisor.pids();
  const rows = [
    ...(gateway ? [['Console, API, sign-in', `${gateway.url}/  (API docs ${gateway.url}/docs, staff sign-in ${gateway.staff})`]] : []),
    ['Kafka', process.env.KAFKA_BROKERS],
    ['Database', process.env.MONGO_URL],
    ...(process.env.MAIL_SINK_URL ? [['Mail sink', `${process.env.MAIL_SINK_URL}/api/v1/messages (SMTP ${process.env.SMTP_URL})`]] : []),
    ...list.map((s) => [s.name, `http://127.0.0.1:${s.httpPort}/v1  (${s.grpcPort === undefined ? '' : `gRPC 127.0.0.1:${s.grpcPort}, `}pid ${pids[s.name]})`]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  if (gateway) console.log(`\n${gateway.url}/\n`);
  console.log(`hangviet is up in ${Math.round((Date.now() - begun) / 1000)} s:\n`);
  for (const [name, where] of rows) console.log(`  ${name.padEnd(width)}  ${where}`);
  if (!list.length) console.log('\n  (no services yet)');
  console.log('\nA development token for the APIs: npm run -s token -- --role staff');
  console.log('(or --role enterprise --business <id>, --role partner --partner <id>)');
  console.log('\nA service that exits is restarted (after 1 s, doubling up to 30 s). Press Ctrl-C to stop.\n');
}

/**
 * The gateway is the public origin and its identity service the token issuer: every service verifies
 * tokens of that issuer (the default one, shifted with the ports), and a staff account exists to sign in
 * with (its password made once, kept in .local/auth/staff-password). Returns what to print.
 */
function identityEnvironment(list, portOffset) {
  const gateway = list.find((s) => s.folder === 'gateway');
  if (!gateway) return undefined;
  const url = `http://127.0.0.1:${gateway.httpPort}`;
  process.env.PUBLIC_URL ??= url;
  // Certificates' QR codes link to the console's verification page on this origin.
  process.env.VERIFY_BASE_URL ??= `${process.env.PUBLIC_URL}/verify`;
  if (portOffset !== 0) process.env.AUTH_ISSUER ??= `${url}/oidc`;
  process.env.HANGVIET_PORT_OFFSET = String(portOffset);
  // Behind the gateway every request comes from loopback: the services count rate limits per forwarded client.
  for (const s of list) if (s !== gateway) s.env.TRUST_PROXY = process.env.TRUST_PROXY ?? 'loopback';
  const file = join(root, '.local', 'auth', 'staff-password');
  mkdirSync(join(root, '.local'), { recursive: true });
  mkdirSync(join(root, '.local', 'auth'), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(12).toString('base64url')}\n`, { mode: 0o600 });
  const email = 'staff@hangviet.local';
  gateway.env.IDENTITY_SEED_ACCOUNTS ??= JSON.stringify([{ email, password: readFileSync(file, 'utf8').trim(), name: 'Cán bộ Trung tâm', roles: ['staff'] }]);
  return { url: process.env.PUBLIC_URL, staff: `${email}, password in .local/auth/staff-password` };
}

main().catch(async (err) => {
  console.error(`[hangviet] ${err.message}`);
  await shutdown(1);
});
