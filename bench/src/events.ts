// npm run bench:events — outbox → Kafka → idempotent consumer, against raw kafkajs produce → consume
// on the same broker in the same run.
//
// Both paths use the same producer settings (idempotent, acks = all, which the platform requires),
// so the ratio shows what the outbox write, the relay's lease and the consumer's dedupe cost.
//   throughput: BENCH_EVENTS events over BENCH_AGGREGATES aggregates from BENCH_WRITERS concurrent writers;
//   latency:    BENCH_RATE events/s for BENCH_SECONDS, from the start of the write (or send) to the handler.
import { randomBytes } from 'node:crypto';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createEventConsumer,
  createEventProducer,
  createKafka,
  createOutboxRelay,
  defineEvent,
  outboxEntry,
  outboxUpdate,
  type EventConsumer,
  type OutboxFields,
} from '@hangviet/events';
import { requireEnv } from '@hangviet/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { MongoClient, type Collection, type Document } from 'mongodb';
import pino from 'pino';
import { atFixedRate, nowMs, summarize, withConcurrency, type LatencySummary } from './stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const AGGREGATES = Number(process.env.BENCH_AGGREGATES ?? 100);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const run = randomBytes(3).toString('hex');
const logger = pino({ level: 'warn' });

interface BenchAggregate extends OutboxFields {
  _id: string;
  version?: number;
}

interface PathResult {
  throughput: number;
  latency: LatencySummary;
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
    until(count: number, timeoutMs = 120_000): Promise<void> {
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

async function measure(
  tracker: ReturnType<typeof receiptTracker>,
  produce: (i: number) => Promise<void>,
): Promise<PathResult> {
  tracker.reset();
  const begin = nowMs();
  await withConcurrency(WRITERS, EVENTS, produce);
  await tracker.until(EVENTS);
  const throughput = EVENTS / ((tracker.lastReceipt - begin) / 1000);

  tracker.reset();
  const count = RATE * SECONDS;
  await atFixedRate(RATE, count, (i) => produce(EVENTS + i));
  await tracker.until(count);
  return { throughput, latency: summarize(tracker.latencies) };
}

async function rawPath(kafka: Kafka): Promise<PathResult> {
  const topic = `bench.${run}.raw`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const tracker = receiptTracker();
  const consumer: Consumer = kafka.consumer({ groupId: `bench.${run}.raw` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async ({ message }) => tracker.received(String(message.key) + '/' + String(message.value)) });

  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    return await measure(tracker, async (i) => {
      const key = `agg-${i % AGGREGATES}`;
      tracker.sent(`${key}/${i}`, nowMs());
      await producer.send({ topic, acks: -1, messages: [{ key, value: String(i) }] });
    });
  } finally {
    await producer.disconnect();
    await consumer.disconnect();
  }
}

async function outboxPath(kafka: Kafka, mongo: MongoClient): Promise<PathResult> {
  const tick = defineEvent(`hangviet.bench.r${run}.tick.v1`, ErrorInfo, 'a benchmark event');
  const db = mongo.db(`bench_events_${run}`);
  const aggregates: Collection<Document> = db.collection('aggregates');
  const writes = db.collection<BenchAggregate>('aggregates');
  const producer = await createEventProducer(kafka);
  await producer.ensureTopics([tick.topic]);
  // The aggregates exist before the clock starts: the benchmark measures event flow, not creation.
  await writes.insertMany(Array.from({ length: AGGREGATES }, (_, i) => ({ _id: `agg-${i}`, version: 0 })));
  const relay = createOutboxRelay({ collection: aggregates, producer, logger });
  await relay.start();

  const tracker = receiptTracker();
  const consumer: EventConsumer = createEventConsumer({
    kafka,
    groupId: `bench.${run}.outbox`,
    db,
    logger,
    types: [tick],
    topics: [tick.topic],
    handlers: { [tick.type]: async (event) => tracker.received(event.id) },
  });
  await consumer.start();
  try {
    return await measure(tracker, async (i) => {
      const id = `agg-${i % AGGREGATES}`;
      const entry = outboxEntry(tick, id, { reason: 'TICK', domain: 'bench', metadata: { i: String(i) } }, { source: 'bench' });
      tracker.sent(entry.id, nowMs());
      await writes.updateOne({ _id: id }, { $inc: { version: 1 }, ...outboxUpdate([entry]) });
      await relay.publish(id);
    });
  } finally {
    await consumer.stop();
    await relay.stop();
    await producer.disconnect();
    await db.dropDatabase();
  }
}

async function main() {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const kafka = createKafka({ clientId: `bench-${run}`, brokers });
  const mongo = await MongoClient.connect(requireEnv('MONGO_URL'));
  console.log(`bench:events — ${EVENTS} events over ${AGGREGATES} aggregates from ${WRITERS} writers; latency at ${RATE} events/s for ${SECONDS} s`);

  const raw = await rawPath(kafka);
  const outbox = await outboxPath(kafka, mongo);
  await mongo.close();

  const row = (name: string, r: PathResult) => ({
    path: name,
    'events/s': Math.round(r.throughput),
    'p50 ms': r.latency.p50.toFixed(1),
    'p99 ms': r.latency.p99.toFixed(1),
    'max ms': r.latency.max.toFixed(1),
  });
  console.table([row('raw kafkajs produce → consume', raw), row('outbox → Kafka → consumer', outbox)]);

  const ratio = outbox.throughput / raw.throughput;
  const p99Delta = outbox.latency.p99 - raw.latency.p99;
  console.log(`throughput ratio (outbox / raw): ${(ratio * 100).toFixed(0)}%   goal ≥ 50%: ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
  console.log(
    `p99 at ${RATE} events/s: outbox ${outbox.latency.p99.toFixed(1)} ms vs raw ${raw.latency.p99.toFixed(1)} ms (+${p99Delta.toFixed(1)} ms)   goal ≤ +50 ms: ${p99Delta <= 50 ? 'met' : 'NOT met'}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
