// `npm start`: install, build, bring up Kafka and the database, start every service under services/,
// wait until each is ready, print where to reach them, and stop everything it started on Ctrl-C.
import { join } from 'node:path';
import { build, ensureInfrastructure, ensureInstalled, root, runInfraCli, say, services, startService, stopProcess, waitReady } from './lib.mjs';

const begun = Date.now();
let infra;
let mailSinkStarted = false;
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(children.map((child) => stopProcess(child)));
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
  ensureInstalled();
  build();
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

  const list = services();
  for (const service of list) {
    // Local partner receivers run on this machine: let webhooks reach loopback (the service logs it).
    const child = startService(service, { WEBHOOK_ALLOW_CIDRS: process.env.WEBHOOK_ALLOW_CIDRS ?? '127.0.0.0/8,::1/128' });
    children.push(child);
    child.on('exit', (code) => {
      if (!stopping) {
        say(`${service.name} exited with code ${code}`);
        void shutdown(1);
      }
    });
  }
  await Promise.all(list.map((s, i) => waitReady(`http://127.0.0.1:${s.httpPort}/readyz`, children[i])));

  const rows = [
    ['Kafka', process.env.KAFKA_BROKERS],
    ['Database', process.env.MONGO_URL],
    ...(process.env.MAIL_SINK_URL ? [['Mail sink', `${process.env.MAIL_SINK_URL}/api/v1/messages (SMTP ${process.env.SMTP_URL})`]] : []),
    ...list.flatMap((s) => [
      [s.name, `http://127.0.0.1:${s.httpPort}/v1  (gRPC 127.0.0.1:${s.grpcPort})`],
    ]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nhangviet is up in ${Math.round((Date.now() - begun) / 1000)} s:\n`);
  for (const [name, where] of rows) console.log(`  ${name.padEnd(width)}  ${where}`);
  if (!list.length) console.log('\n  (no services yet)');
  console.log('\nA development token for the APIs: npm run -s token -- --role staff');
  console.log('(or --role enterprise --business <id>, --role partner --partner <id>)');
  console.log('\nPress Ctrl-C to stop.\n');
}

main().catch(async (err) => {
  console.error(`[hangviet] ${err.message}`);
  await shutdown(1);
});
