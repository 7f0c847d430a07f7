// Webhook delivery benchmark: N events × M endpoints on local receivers, against the real Kafka and
// database. Reports deliveries/s and publish → receipt latency (p50/p99), first flat out (BENCH_EVENTS
// events at once), then paced at BENCH_DELIVERY_RATE deliveries/s (BENCH_DELIVERY_RATE / BENCH_ENDPOINTS
// events/s, BENCH_PACED_EVENTS events, open loop), with the raw Kafka produce → consume latency of the
// same run as reference, and the goals they are read against. For each phase it also prints the
// database commands the service sent per delivery (the driver's command monitoring), and the database's
// CPU time per delivery (FerretDB and its PostgreSQL, found by the port of MONGO_URL, or BENCH_DB_PID).
// Where the service's own time goes: a CPU profile (below).
// The receivers run on a worker thread of their own: they are the partner, not the service under test.
// Run: npm run bench:webhooks (from the repository root), or node bench/webhooks.mjs once built with the
// infrastructure up. Where the time goes: `node --cpu-prof bench/webhooks.mjs` (the service runs on this
// process's main thread).
// Figures on the local FerretDB: services/notification/README.md and bench/README.md.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// Command monitoring on the service's own connection (made by service-kit with mongoose.createConnection): every
// command it sends is counted, by name and collection, with the documents it carries.
const mongoose = require('mongoose');
const commands = new Map();
let counting = false;
const createConnection = mongoose.createConnection.bind(mongoose);
mongoose.createConnection = (uri, options) => {
  const connection = createConnection(uri, { ...options, monitorCommands: true });
  connection.getClient().on('commandStarted', (event) => {
    if (!counting) return;
    const c = event.command;
    const collection = c[event.commandName];
    const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
    // Documents written, or asked for by _id: inserted, update statements, ids deleted or read by `_id: {$in}`.
    const ids = (filter) => (Array.isArray(filter?._id?.$in) ? filter._id.$in.length : filter?._id !== undefined ? 1 : 0);
    const docs =
      c.documents?.length ?? c.updates?.length ?? (c.deletes ? c.deletes.reduce((n, d) => n + (ids(d.q) || 1), 0) : ids(c.filter));
    const sum = commands.get(key) ?? { commands: 0, documents: 0 };
    sum.commands += 1;
    sum.documents += docs;
    commands.set(key, sum);
  });
  return connection;
};
const { startNotificationService } = require('../services/notification/dist/app.js');
const { loadNotificationConfig } = require('../services/notification/dist/config.js');
const { createKafka, createEventProducer, toKafkaMessage, ensureTopics } = require('@hangviet/events');
const { BusinessApproved } = require('@hangviet/events/catalog');
const { createLogger, mintDevToken } = require('@hangviet/service-kit');

// BENCH_SMOKE=1 (`node scripts/bench.mjs webhooks --smoke`, run by npm test): the same phases on a few events.
const SMOKE = process.env.BENCH_SMOKE === '1';
const EVENTS = Number(process.env.BENCH_EVENTS ?? (SMOKE ? 30 : 1000));
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? (SMOKE ? 3 : 10));
// The paced rate in deliveries/s (the goal's unit); BENCH_RATE, in events/s, still overrides it.
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : Number(process.env.BENCH_DELIVERY_RATE ?? 300) / ENDPOINTS;
const DELIVERY_RATE = RATE * ENDPOINTS;
const PACED = Number(process.env.BENCH_PACED_EVENTS ?? (SMOKE ? 30 : 300));
const GOAL_FLAT_OUT = 4000; // deliveries/s (issue 27: Svix 1.100 measured 3,217–3,840/s)
const GOAL_P99_MS = 10; // at 300 deliveries/s (Svix: 8.0–11.3 ms)
/** Events per produce request in the flat-out phase (as the outbox relay publishes: in batches). */
const PUBLISH_BATCH = 100;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const mongoBase = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

const load0 = loadavg().map((l) => Math.round(l * 100) / 100);
const id = randomBytes(4).toString('hex');
const topic = `bench${id}.hangviet.registry.business`;
const mongoUrl = new URL(mongoBase);
mongoUrl.pathname = `/bench_notification_${id}`;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
/**
 * The database's processes: BENCH_DB_PID (comma-separated pids), else the FerretDB listening on MONGO_URL's port and the
 * PostgreSQL it names in its -postgresql-url (the postmaster; its backends are counted as its children).
 */
async function databaseProcesses() {
  if (process.env.BENCH_DB_PID) return process.env.BENCH_DB_PID.split(',').map((pid) => ({ pid: pid.trim(), name: 'database' }));
  const found = [];
  const cmdlines = [];
  for (const pid of (await readdir('/proc').catch(() => [])).filter((p) => /^\d+$/.test(p))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline) cmdlines.push({ pid, args: cmdline.split('\0') });
  }
  const port = mongoUrl.port || '27017';
  const ferret = cmdlines.find(({ args }) => /ferretdb$/.test(args[0]) && args.some((a) => a.endsWith(`:${port}`)));
  if (!ferret) return found;
  found.push({ pid: ferret.pid, name: 'FerretDB' });
  const pgUrl = ferret.args.find((a) => a.startsWith('postgres://') || a.startsWith('postgresql://')) ?? '';
  const pgPort = pgUrl.match(/@[^/:]+:(\d+)/)?.[1] ?? '5432';
  const postmaster = cmdlines.find(({ args }) => /postgres$/.test(args[0]) && args.includes('-D') && args.some((a) => a === `port=${pgPort}`));
  if (postmaster) found.push({ pid: postmaster.pid, name: 'PostgreSQL', tree: true });
  return found;
}
const dbProcesses = await databaseProcesses();
/** utime + stime (+ reaped children's) of a process, in ms (clock ticks of 1/100 s). */
async function cpuOf(pid, withChildren) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '') ).split(') ')[1]?.split(' ');
  if (!fields) return 0;
  let ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  let ms = ticks * 10;
  if (withChildren) {
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).trim().split(/\s+/).filter(Boolean);
    for (const child of children) ms += await cpuOf(child, true);
  }
  return ms;
}
/** CPU time (ms) each database process has used so far. */
const dbCpuMs = async () => Object.fromEntries(await Promise.all(dbProcesses.map(async ({ pid, name, tree }) => [name, await cpuOf(pid, tree)])));
const summary = (latencies) => {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s.at(-1) };
};

const sentAt = new Map();
const receipts = [];
const seenIds = new Set();
let duplicates = 0;
// The partner: ENDPOINTS receivers answering 204, on a thread of their own. Each receipt is the event id, the
// webhook-id and the wall-clock time (timeOrigin + now, comparable across threads) it was read completely.
const receiverThread = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
  const { createServer } = require('node:http');
  let batch = [];
  const flush = () => { if (batch.length) parentPort.postMessage(batch); batch = []; };
  setInterval(flush, 5).unref();
  const servers = [];
  parentPort.on('message', (m) => { if (m === 'close') { flush(); for (const s of servers) { s.close(); s.closeAllConnections(); } } });
  (async () => {
    const ports = [];
    for (let i = 0; i < workerData.endpoints; i++) {
      const server = createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
          const at = performance.timeOrigin + performance.now();
          const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          batch.push({ id: event.id, webhookId: req.headers['webhook-id'], at });
          res.writeHead(204).end();
        });
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports.push(server.address().port);
    }
    parentPort.postMessage({ ports });
  })();`,
  { eval: true, workerData: { endpoints: ENDPOINTS } },
);
const receiverPorts = await new Promise((resolve) => {
  receiverThread.on('message', (m) => {
    if (m.ports) return resolve(m.ports);
    for (const r of m) {
      if (seenIds.has(r.webhookId)) duplicates += 1;
      seenIds.add(r.webhookId);
      receipts.push(r);
    }
  });
});
const wallNow = () => performance.timeOrigin + performance.now();

const keysDir = await mkdtemp(join(tmpdir(), 'bench-keys-'));
await mintDevToken({ role: 'staff' }, keysDir);
// The service verifies tokens as configured (AUTH_ISSUER's default is the issuer mintDevToken signs for), with
// this run's keys: no authenticator of its own that could drift from the platform's issuer again.
const config = loadNotificationConfig({
  LOG_LEVEL: 'silent',
  AUTH_JWKS_FILE: join(keysDir, 'jwks.json'),
  MONGO_URL: mongoUrl.toString(),
  KAFKA_BROKERS: brokers.join(','),
  EVENT_TOPICS: topic,
  CONSUMER_GROUP: `bench${id}.notification`,
  WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
  WORKER_POLL_INTERVAL: '100ms',
});
config.HTTP_PORT = 0;
config.GRPC_PORT = 0;
const logger = createLogger({ service: 'notification-bench', level: 'silent' });
const service = await startNotificationService(config, { logger, host: '127.0.0.1' });
const token = await mintDevToken({ role: 'partner', partnerId: 'bench' }, keysDir);
for (const port of receiverPorts) {
  const res = await fetch(`http://127.0.0.1:${service.httpPort}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['hangviet.registry.business.*'] }),
  });
  if (res.status !== 201) throw new Error(`endpoint creation failed: ${res.status} ${await res.text()}`);
}

const kafka = createKafka({ clientId: `bench-${id}`, brokers });
const producer = await createEventProducer(kafka);
const data = BusinessApproved.codec.fromJSON({ business: { id: 'bench', taxCode: '0101234567', tradeName: 'Bench', preferredLocale: 'vi' } });
// One aggregate per event: spread over partitions, as real traffic is.
const eventMessage = (n) => {
  const eventId = randomUUID();
  sentAt.set(eventId, wallNow());
  return toKafkaMessage({ id: eventId, type: BusinessApproved.type, source: 'bench', subject: `biz-${n}`, time: new Date().toISOString(), data }, BusinessApproved.codec);
};
const publish = (n) => producer.send(topic, [eventMessage(n)]);
/** Events n…n+count−1 in produce requests of PUBLISH_BATCH, side by side. */
const publishAll = (n, count) =>
  Promise.all(
    Array.from({ length: Math.ceil(count / PUBLISH_BATCH) }, (_, b) =>
      producer.send(topic, Array.from({ length: Math.min(PUBLISH_BATCH, count - b * PUBLISH_BATCH) }, (_, i) => eventMessage(n + b * PUBLISH_BATCH + i))),
    ),
  );
const progress = (line) => process.stderr.write(`[bench] ${line}\n`);
/** Starts `count` operations at `rate`/s on a fixed schedule (open loop: a slow one does not delay the next). */
async function paced(count, rate, operation) {
  const start = performance.now();
  const running = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(operation(i));
  }
  await Promise.all(running);
}
const waitFor = async (count, what) => {
  const until = Date.now() + (SMOKE ? 2 : 30) * 60_000;
  let shown = Date.now();
  while (receipts.length < count) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${receipts.length}/${count}`);
    if (Date.now() - shown > 5000) {
      progress(`${what}: ${receipts.length}/${count}`);
      shown = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

progress(`service up, ${ENDPOINTS} endpoints; raw Kafka reference`);
// Raw Kafka reference: produce → consume on a topic of its own.
const rawTopic = `bench${id}.raw`;
await ensureTopics(kafka, [rawTopic]);
const rawLatencies = [];
const consumer = kafka.consumer({ groupId: `bench${id}.raw` });
await consumer.connect();
await consumer.subscribe({ topic: rawTopic, fromBeginning: true });
await consumer.run({ eachMessage: async ({ message }) => void rawLatencies.push(performance.now() - Number(message.value.toString())) });
await paced(PACED, RATE, (i) => producer.send(rawTopic, [{ key: `k${i}`, value: String(performance.now()) }]));
while (rawLatencies.length < PACED) await new Promise((r) => setTimeout(r, 50));
await consumer.disconnect();

const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
/** What a phase cost the database: commands and documents per delivery, and its CPU. */
async function measured(run) {
  commands.clear();
  counting = true;
  const cpu0 = await dbCpuMs();
  const result = await run();
  const cpu1 = await dbCpuMs();
  counting = false;
  const deliveries = receipts.length;
  const perDelivery = (v) => Math.round((v / deliveries) * 1000) / 1000;
  const byCommand = Object.fromEntries([...commands].sort((a, b) => b[1].commands - a[1].commands).map(([k, v]) => [k, { commands: perDelivery(v.commands), documents: perDelivery(v.documents) }]));
  const totalCommands = [...commands.values()].reduce((n, v) => n + v.commands, 0);
  const cpu = Object.fromEntries(Object.keys(cpu1).map((name) => [name, perDelivery(cpu1[name] - cpu0[name])]));
  return {
    ...result,
    databaseCommandsPerDelivery: perDelivery(totalCommands),
    commandsPerDelivery: byCommand,
    databaseCpuMsPerDelivery: { ...cpu, total: perDelivery(Object.keys(cpu1).reduce((n, k) => n + cpu1[k] - cpu0[k], 0)) },
  };
}

progress('flat out');
// 1. Throughput: every event at once.
const flatOut = await measured(async () => {
  const t0 = wallNow();
  await publishAll(0, EVENTS);
  const published = wallNow();
  await waitFor(EVENTS * ENDPOINTS, 'the flat-out deliveries');
  const t1 = Math.max(...receipts.map((r) => r.at));
  const flat = receipts.map((r) => r.at - sentAt.get(r.id));
  return { publishMs: Math.round(published - t0), totalMs: Math.round(t1 - t0), deliveriesPerSecond: Math.round((EVENTS * ENDPOINTS) / ((t1 - t0) / 1000)), latencyMs: round(summary(flat)) };
});
const flatRate = flatOut.deliveriesPerSecond;

progress('paced');
// 2. Latency at a steady rate.
receipts.length = 0;
const pacedOut = await measured(async () => {
  await paced(PACED, RATE, (i) => publish(EVENTS + i));
  await waitFor(PACED * ENDPOINTS, 'the paced deliveries');
  return { deliveriesPerSecond: DELIVERY_RATE, eventsPerSecond: RATE, events: PACED, latencyMs: round(summary(receipts.map((r) => r.at - sentAt.get(r.id)))) };
});
const pacedSummary = pacedOut.latencyMs;


console.log(JSON.stringify({
  database: mongoUrl.host,
  databaseProcesses: dbProcesses.map(({ pid, name }) => `${name} ${pid}`),
  events: EVENTS,
  endpoints: ENDPOINTS,
  flatOut,
  paced: pacedOut,
  duplicates,
  rawKafkaMs: round(summary(rawLatencies)),
  loadAverage: { atStart: load0, atEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
}, null, 2));
console.log(`flat out: ${flatRate} deliveries/s   goal ≥ ${GOAL_FLAT_OUT}/s: ${flatRate >= GOAL_FLAT_OUT ? 'met' : 'NOT met'}`);
console.log(`p99 at ${DELIVERY_RATE} deliveries/s: ${Math.round(pacedSummary.p99 * 10) / 10} ms   goal ≤ ${GOAL_P99_MS} ms: ${pacedSummary.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'}`);

await producer.disconnect();
await service.stop();
// After the workers stopped, so nothing recreates a collection.
const { MongoClient } = require('mongodb');
const client = await MongoClient.connect(mongoUrl.toString());
await client.db().dropDatabase();
await client.close();
receiverThread.postMessage('close');
await receiverThread.terminate();
await rm(keysDir, { recursive: true, force: true });
process.exit(0);
