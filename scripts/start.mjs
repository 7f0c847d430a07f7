// `npm start`: install, build, bring up Kafka and the database, start every service under services/,
// wait until each is ready, print where to reach them, and stop everything it started on Ctrl-C.
import { build, ensureInfrastructure, ensureInstalled, say, services, startService, stopProcess, waitReady } from './lib.mjs';

const begun = Date.now();
let infra;
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(children.map((child) => stopProcess(child)));
  try {
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

  const list = services();
  for (const service of list) {
    const child = startService(service, {});
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
    ...list.flatMap((s) => [
      [s.name, `http://127.0.0.1:${s.httpPort}/v1  (gRPC 127.0.0.1:${s.grpcPort})`],
    ]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nhangviet is up in ${Math.round((Date.now() - begun) / 1000)} s:\n`);
  for (const [name, where] of rows) console.log(`  ${name.padEnd(width)}  ${where}`);
  if (!list.length) console.log('\n  (no services yet)');
  console.log('\nPress Ctrl-C to stop.\n');
}

main().catch(async (err) => {
  console.error(`[hangviet] ${err.message}`);
  await shutdown(1);
});
