// npm run bench:events — what the outbox costs, against what a service without one would cost, on the
// same broker and database in one run:
//   dual-write  the same aggregate update on the same database, then produce the event and await the
//               broker's ack (no outbox: a crash between the two loses the event) — the baseline;
//   outbox      the update with the event in it, relay.publish() → Kafka, the relay's lease and clean-up;
//   raw         kafkajs produce → consume, no database: a reference line for the broker alone.
// dual-write and outbox use the same event producer (idempotent, acks = all, which the platform requires),
// the same envelope and the same idempotent consumer, so their difference is the outbox alone.
//   flat out:   BENCH_EVENTS events over BENCH_AGGREGATES aggregates from BENCH_WRITERS concurrent writers;
//   fixed rate: BENCH_RATE events/s (default: half the dual-write's flat-out throughput) for BENCH_SECONDS;
// latency is from the start of the write (or send) to the consumer's handler.
import { randomBytes, randomUUID } from 'node:crypto';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createEventConsumer,
  createEventProducer,
  createKafka,
  createOutboxRelay,
  defineEvent,
  outboxEntry,
  outboxUpdate,
  toKafkaMessage,
  type EventConsumer,
  type EventType,
  type OutboxFields,
} from '@hangviet/events';
import { requireEnv } from '@hangviet/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import pino from 'pino';
import { atFixedRate, nowMs, summarize, withConcurrency, type LatencySummary, sized } from './stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? sized(5000, 200));
const AGGREGATES = Number(process.env.BENCH_AGGREGATES ?? sized(100, 20));
const WRITERS = Number(process.env.BENCH_WRITERS ?? sized(50, 10));
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const SECONDS = Number(process.env.BENCH_SECONDS ?? sized(10, 2));
/** Which paths to run, in this order (the dual-write baseline must run for the default rate). */
const PATHS = (process.env.BENCH_PATHS || 'dual-write,outbox,raw').split(',').map((p) => p.trim());

const GOAL_THROUGHPUT_SHARE = 0.8;
const GOAL_P99_EXTRA_MS = 25;

const run = randomBytes(3).toString('hex');
const logger = pino({ level: 'warn' });

interface BenchAggregate extends OutboxFields {
  _id: string;
  version?: number;
}

interface Measured {
  throughput: number;
  latency: LatencySummary;
}

/** A path under test: `produce(i)` starts event i and resolves when the writer may go on. */
interface BenchPath {
  produce(i: number): Promise<void>;
  close(): Promise<void>;
}

/** Collects receipt times for expected ids and resolves when all have arrived. */
function receiptTracker() {
  const started = new Map<string, number>();
  const latencies: number[] = [];
  let waiting: { count: number; resolve: () => void } | undefined;
  let lastReceipt = 0;
  return {
    sent(id: string, at: number) {
      started.set(id, at);
    },
    received(id: string) {
      const at = started.get(id);
      if (at === undefined) return;
      started.delete(id);
      lastReceipt = nowMs();
      latencies.push(lastReceipt - at);
      if (waiting && latencies.length >= waiting.count) waiting.resolve();
    },
    until(count: number, timeoutMs = 300_000): Promise<void> {
      if (latencies.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${latencies.length}/${count} events arrived`)), timeoutMs);
        waiting = { count, resolve: () => (clearTimeout(timer), resolve()) };
      });
    },
    reset() {
      started.clear();
      latencies.length = 0;
      waiting = undefined;
    },
    get latencies() {
      return [...latencies];
    },
    get lastReceipt() {
      return lastReceipt;
    },
  };
}
type Tracker = ReturnType<typeof receiptTracker>;

/** Event numbers never repeat within a path: warm-up, flat out and fixed rate each take their own range. */
let nextEvent = 0;

async function flatOut(tracker: Tracker, path: BenchPath, measuring: () => void): Promise<Measured> {
  // Warm-up (connections, metadata, the consumer's first fetch), not counted.
  tracker.reset();
  const warm = nextEvent;
  nextEvent += WRITERS;
  await withConcurrency(WRITERS, WRITERS, (i) => path.produce(warm + i));
  await tracker.until(WRITERS);

  tracker.reset();
  measuring();
  const base = nextEvent;
  nextEvent += EVENTS;
  const begin = nowMs();
  await withConcurrency(WRITERS, EVENTS, (i) => path.produce(base + i));
  await tracker.until(EVENTS);
  return { throughput: EVENTS / ((tracker.lastReceipt - begin) / 1000), latency: summarize(tracker.latencies) };
}

async function fixedRate(tracker: Tracker, path: BenchPath, rate: number, measuring: () => void): Promise<Measured> {
  tracker.reset();
  measuring();
  const count = Math.max(1, Math.round(rate * SECONDS));
  const base = nextEvent;
  nextEvent += count;
  const begin = nowMs();
  await atFixedRate(rate, count, (i) => path.produce(base + i));
  await tracker.until(count);
  return { throughput: count / ((tracker.lastReceipt - begin) / 1000), latency: summarize(tracker.latencies) };
}

async function rawPath(kafka: Kafka, tracker: Tracker): Promise<BenchPath> {
  const topic = `bench.${run}.raw`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const consumer: Consumer = kafka.consumer({ groupId: `bench.${run}.raw` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => tracker.received(String(message.value)) });

  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    async produce(i) {
      tracker.sent(String(i), nowMs());
      await producer.send({ topic, acks: -1, messages: [{ key: `agg-${i % AGGREGATES}`, value: String(i) }] });
    },
    async close() {
      await producer.disconnect();
      await consumer.disconnect();
    },
  };
}

/** The aggregates (created before the clock starts) and the idempotent consumer both database paths share. */
async function aggregatesAndConsumer(
  kafka: Kafka,
  mongo: MongoClient,
  name: string,
  tracker: Tracker,
): Promise<{ db: Db; writes: Collection<BenchAggregate>; tick: EventType<ErrorInfo>; consumer: EventConsumer }> {
  const tick = defineEvent(`hangviet.bench.${name.replace('-', '')}${run}.tick.v1`, ErrorInfo, 'a benchmark event');
  // A database of its own per path, so neither reads the other's marks.
  const db = mongo.db(`bench_events_${run}_${name.replace('-', '_')}`);
  const writes = db.collection<BenchAggregate>('aggregates');
  await writes.insertMany(Array.from({ length: AGGREGATES }, (_, i) => ({ _id: `agg-${i}`, version: 0 })));
  const consumer = createEventConsumer({
    kafka,
    groupId: `bench.${run}.${name}`,
    db,
    logger,
    types: [tick],
    topics: [tick.topic],
    handlers: { [tick.type]: async (event) => tracker.received(event.id) },
  });
  await consumer.start();
  return { db, writes, tick, consumer };
}

const payload = (i: number): ErrorInfo => ({ reason: 'TICK', domain: 'bench', metadata: { i: String(i) } });

async function dualWritePath(kafka: Kafka, mongo: MongoClient, tracker: Tracker): Promise<BenchPath> {
  const producer = await createEventProducer(kafka);
  const { db, writes, tick, consumer } = await aggregatesAndConsumer(kafka, mongo, 'dual-write', tracker);
  await producer.ensureTopics([tick.topic]);
  return {
    async produce(i) {
      const id = `agg-${i % AGGREGATES}`;
      const eventId = randomUUID();
      tracker.sent(eventId, nowMs());
      await writes.updateOne({ _id: id }, { $inc: { version: 1 } });
      const message = toKafkaMessage({ id: eventId, type: tick.type, source: 'bench', subject: id, time: new Date().toISOString(), data: payload(i) }, tick.codec);
      await producer.send(tick.topic, [message]);
    },
    async close() {
      await consumer.stop();
      await producer.disconnect();
      await db.dropDatabase();
    },
  };
}

async function outboxPath(kafka: Kafka, mongo: MongoClient, tracker: Tracker): Promise<BenchPath> {
  const producer = await createEventProducer(kafka);
  const { db, writes, tick, consumer } = await aggregatesAndConsumer(kafka, mongo, 'outbox', tracker);
  await producer.ensureTopics([tick.topic]);
  const relay = createOutboxRelay({ collection: db.collection<Document>('aggregates'), producer, logger });
  await relay.start();
  return {
    async produce(i) {
      const id = `agg-${i % AGGREGATES}`;
      const entry = outboxEntry(tick, id, payload(i), { source: 'bench' });
      tracker.sent(entry.id, nowMs());
      await writes.updateOne({ _id: id }, { $inc: { version: 1 }, ...outboxUpdate([entry]) });
      await relay.publish(id);
    },
    async close() {
      await consumer.stop();
      await relay.stop();
      await producer.disconnect();
      await db.dropDatabase();
    },
  };
}

async function describeDatabase(mongo: MongoClient): Promise<string> {
  const info = await mongo.db('admin').command({ buildInfo: 1 });
  // FerretDB does not say which backend it runs on: BENCH_DB_LABEL names it in the output.
  const kind = info.ferretdbVersion === undefined ? `MongoDB ${String(info.version)}` : 'FerretDB';
  return process.env.BENCH_DB_LABEL ? `${kind}, ${process.env.BENCH_DB_LABEL}` : kind;
}

/**
 * Counts the database commands every path sends (its writers, relay and consumer share this client) and
 * the time they take: where a path's time goes, as round trips per event.
 */
function commandCounter(mongo: MongoClient) {
  const counts = new Map<string, { n: number; ms: number }>();
  const started = new Map<number, { name: string; at: number }>();
  mongo.on('commandStarted', (e) => started.set(e.requestId, { name: e.commandName, at: nowMs() }));
  const finish = (e: { requestId: number }) => {
    const s = started.get(e.requestId);
    if (!s) return;
    started.delete(e.requestId);
    const c = counts.get(s.name) ?? { n: 0, ms: 0 };
    c.n += 1;
    c.ms += nowMs() - s.at;
    counts.set(s.name, c);
  };
  mongo.on('commandSucceeded', finish);
  mongo.on('commandFailed', finish);
  return {
    reset: () => counts.clear(),
    /** `name ×count/event (mean ms)` for the commands seen since the last reset. */
    perEvent(events: number): string {
      return [...counts]
        .filter(([name]) => !['hello', 'isMaster', 'ping', 'endSessions'].includes(name))
        .sort(([, a], [, b]) => b.n - a.n)
        .map(([name, c]) => `${name} ×${(c.n / events).toFixed(2)} (${(c.ms / c.n).toFixed(1)} ms)`)
        .join(', ');
    },
  };
}

async function main() {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const mongoUrl = requireEnv('MONGO_URL');
  const kafka = createKafka({ clientId: `bench-${run}`, brokers });
  const mongo = await MongoClient.connect(mongoUrl, { monitorCommands: true });
  const commands = commandCounter(mongo);
  const database = await describeDatabase(mongo);
  console.log(`bench:events — database ${new URL(mongoUrl).host} (${database}), Kafka ${brokers.join(',')}`);
  console.log(
    `  flat out: ${EVENTS} events over ${AGGREGATES} aggregates from ${WRITERS} writers; fixed rate: ` +
      `${FIXED_RATE ? `${FIXED_RATE} events/s (BENCH_RATE)` : "half the dual-write's flat-out throughput"} for ${SECONDS} s`,
  );

  const makers: Record<string, (tracker: Tracker) => Promise<BenchPath>> = {
    'dual-write': (t) => dualWritePath(kafka, mongo, t),
    outbox: (t) => outboxPath(kafka, mongo, t),
    raw: (t) => rawPath(kafka, t),
  };
  const labels: Record<string, string> = {
    'dual-write': 'dual-write baseline: update, then produce + ack',
    outbox: 'outbox → relay → Kafka → consumer',
    raw: 'reference: raw kafkajs produce → consume',
  };
  const results = new Map<string, { flat: Measured; rated: Measured; rate: number; commands: { flat: string; rated: string } }>();
  let rate = FIXED_RATE;
  for (const name of PATHS) {
    const make = makers[name];
    if (!make) throw new Error(`BENCH_PATHS: no path named '${name}' (dual-write, outbox, raw)`);
    const tracker = receiptTracker();
    const path = await make(tracker);
    try {
      process.stderr.write(`[bench] ${name}: flat out… `);
      const flat = await flatOut(tracker, path, () => commands.reset());
      const flatCommands = commands.perEvent(EVENTS);
      rate ??= Math.max(1, Math.round(flat.throughput / 2));
      process.stderr.write(`${Math.round(flat.throughput)}/s; at ${rate}/s… `);
      const rated = await fixedRate(tracker, path, rate, () => commands.reset());
      const ratedCommands = commands.perEvent(Math.max(1, Math.round(rate * SECONDS)));
      process.stderr.write('done\n');
      results.set(name, { flat, rated, rate, commands: { flat: flatCommands, rated: ratedCommands } });
    } finally {
      await path.close();
    }
  }
  await mongo.close();

  const ms = (v: number) => v.toFixed(1);
  console.table(
    [...results].flatMap(([name, r]) => [
      { path: labels[name], load: `flat out, ${WRITERS} writers`, 'events/s': Math.round(r.flat.throughput), 'p50 ms': ms(r.flat.latency.p50), 'p99 ms': ms(r.flat.latency.p99), 'max ms': ms(r.flat.latency.max) },
      { path: labels[name], load: `fixed ${r.rate}/s`, 'events/s': Math.round(r.rated.throughput), 'p50 ms': ms(r.rated.latency.p50), 'p99 ms': ms(r.rated.latency.p99), 'max ms': ms(r.rated.latency.max) },
    ]),
  );

  console.log('database commands per event (mean time each), writers, relay and consumer together:');
  for (const [name, r] of results) {
    if (!r.commands.flat) continue;
    console.log(`  ${name}, flat out: ${r.commands.flat}`);
    console.log(`  ${name}, at ${r.rate}/s: ${r.commands.rated}`);
  }

  const dual = results.get('dual-write');
  const outbox = results.get('outbox');
  if (dual && outbox) {
    const share = outbox.flat.throughput / dual.flat.throughput;
    const limit = dual.rated.latency.p99 + GOAL_P99_EXTRA_MS;
    console.log(
      `throughput, outbox / dual-write: ${Math.round(outbox.flat.throughput)} / ${Math.round(dual.flat.throughput)} = ${(share * 100).toFixed(0)}%` +
        `   goal ≥ ${GOAL_THROUGHPUT_SHARE * 100}%: ${share >= GOAL_THROUGHPUT_SHARE ? 'met' : 'NOT met'}`,
    );
    console.log(
      `p99 at ${outbox.rate}/s: outbox ${ms(outbox.rated.latency.p99)} ms vs dual-write ${ms(dual.rated.latency.p99)} ms ` +
        `(${outbox.rated.latency.p99 - dual.rated.latency.p99 >= 0 ? '+' : ''}${ms(outbox.rated.latency.p99 - dual.rated.latency.p99)} ms)` +
        `   goal ≤ dual-write + ${GOAL_P99_EXTRA_MS} ms = ${ms(limit)} ms: ${outbox.rated.latency.p99 <= limit ? 'met' : 'NOT met'}`,
    );
  }
  const { loadavg } = await import('node:os');
  console.log(`(load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
