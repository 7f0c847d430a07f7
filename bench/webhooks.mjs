// Webhook delivery benchmark: N events × M endpoints on local receivers, against the real Kafka and
// database. Reports deliveries/s and publish → receipt latency (p50/p99), first flat out (BENCH_EVENTS
// events at once), then paced at BENCH_DELIVERY_RATE deliveries/s (BENCH_DELIVERY_RATE / BENCH_ENDPOINTS
// events/s, BENCH_PACED_EVENTS events, open loop), with the raw Kafka produce → consume latency of the
// same run as reference, and the goals they are read against.
// Run: npm run bench:webhooks (from the repository root), or node bench/webhooks.mjs once built with the
// infrastructure up. Where the time goes: `node --cpu-prof bench/webhooks.mjs` (the service runs in this
// process) and BENCH_DB_PID=<the database server's pid> (its CPU time per delivery).
// Figures on the local FerretDB: services/notification/README.md and bench/README.md.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
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
const DB_PID = process.env.BENCH_DB_PID;
const GOAL_FLAT_OUT = 1000; // deliveries/s
const GOAL_P99_MS = 120; // at 300 deliveries/s
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const mongoBase = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

const id = randomBytes(4).toString('hex');
const topic = `bench${id}.hangviet.registry.business`;
const mongoUrl = new URL(mongoBase);
mongoUrl.pathname = `/bench_notification_${id}`;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
/** CPU time (ms) the database server has used so far, when its pid is given. */
const dbCpuMs = async () => {
  if (!DB_PID) return undefined;
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${DB_PID}/stat`, 'utf8')).split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
};
const summary = (latencies) => {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s.at(-1) };
};

const sentAt = new Map();
const receipts = [];
const receivers = [];
for (let i = 0; i < ENDPOINTS; i++) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      receipts.push({ id: event.id, at });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  receivers.push(server);
}

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
for (const server of receivers) {
  const res = await fetch(`http://127.0.0.1:${service.httpPort}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/hooks`, eventTypes: ['hangviet.registry.business.*'] }),
  });
  if (res.status !== 201) throw new Error(`endpoint creation failed: ${res.status} ${await res.text()}`);
}

const kafka = createKafka({ clientId: `bench-${id}`, brokers });
const producer = await createEventProducer(kafka);
const data = BusinessApproved.codec.fromJSON({ business: { id: 'bench', taxCode: '0101234567', tradeName: 'Bench', preferredLocale: 'vi' } });
const publish = async (n) => {
  // One aggregate per event: spread over partitions, as real traffic is.
  const eventId = randomUUID();
  sentAt.set(eventId, performance.now());
  await producer.send(topic, [toKafkaMessage({ id: eventId, type: BusinessApproved.type, source: 'bench', subject: `biz-${n}`, time: new Date().toISOString(), data }, BusinessApproved.codec)]);
};
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

progress('flat out');
// 1. Throughput: every event at once.
const cpu0 = await dbCpuMs();
const t0 = performance.now();
await Promise.all(Array.from({ length: EVENTS }, (_, n) => publish(n)));
const published = performance.now();
await waitFor(EVENTS * ENDPOINTS, 'the flat-out deliveries');
const t1 = performance.now();
const cpu1 = await dbCpuMs();
const flat = receipts.map((r) => r.at - sentAt.get(r.id));

progress('paced');
// 2. Latency at a steady rate.
receipts.length = 0;
await paced(PACED, RATE, (i) => publish(EVENTS + i));
await waitFor(PACED * ENDPOINTS, 'the paced deliveries');
const pacedLatencies = receipts.map((r) => r.at - sentAt.get(r.id));

const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 10) / 10]));
const flatRate = Math.round((EVENTS * ENDPOINTS) / ((t1 - t0) / 1000));
const pacedSummary = summary(pacedLatencies);
const { loadavg } = await import('node:os');
console.log(JSON.stringify({
  database: mongoUrl.host,
  events: EVENTS,
  endpoints: ENDPOINTS,
  flatOut: {
    publishMs: Math.round(published - t0),
    totalMs: Math.round(t1 - t0),
    deliveriesPerSecond: flatRate,
    latencyMs: round(summary(flat)),
    ...(cpu0 !== undefined ? { databaseCpuMsPerDelivery: Math.round(((cpu1 - cpu0) / (EVENTS * ENDPOINTS)) * 100) / 100 } : {}),
  },
  paced: { deliveriesPerSecond: DELIVERY_RATE, eventsPerSecond: RATE, events: PACED, latencyMs: round(pacedSummary) },
  rawKafkaMs: round(summary(rawLatencies)),
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
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
await Promise.all(receivers.map((s) => new Promise((r) => { s.close(r); s.closeAllConnections(); })));
await rm(keysDir, { recursive: true, force: true });
process.exit(0);
