// A request to an express app produces a Kafka message, a kafkajs consumer processes it; then a traceparent
// captured in a second request is used by a later, detached task (as the outbox relay does).
// Env: KAFKA_BROKERS, SCENARIO_TOPIC, SCENARIO_GROUP. Prints one JSON line: spans and what was observed.
import { report, spanRecords, telemetry } from './in-memory-telemetry';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { currentTraceparent, injectTraceHeaders, withRemoteParent } from '../../src';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const topic = process.env.SCENARIO_TOPIC ?? '';
const groupId = process.env.SCENARIO_GROUP ?? '';

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'telemetry-scenario', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();

  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });

  const consumed = new Map<string, { traceparent?: string; activeTraceparent?: string }>();
  const allConsumed = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }: { message: KafkaMessage }) => {
        const key = message.key?.toString() ?? '';
        consumed.set(key, {
          ...(message.headers?.traceparent ? { traceparent: message.headers.traceparent.toString() } : {}),
          ...(currentTraceparent() ? { activeTraceparent: currentTraceparent() } : {}),
        });
        if (consumed.has('order-1') && consumed.has('relayed-1')) resolve();
      },
    });
  });

  let captured: string | undefined;
  const app = express();
  app.post('/orders', async (_req, res) => {
    // The handler's traceparent travels in the message headers (the kafkajs instrumentation refines it to the send span).
    await producer.send({ topic, messages: [{ key: 'order-1', value: 'placed', headers: injectTraceHeaders({}) }] });
    res.status(202).json({ accepted: true });
  });
  app.get('/capture', (_req, res) => {
    captured = currentTraceparent();
    res.json({ traceparent: captured });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // fetch (undici) is not instrumented, so each request's server span is the root of its own trace.
  const probe = await fetch(`${base}/healthz`);
  const ordered = await fetch(`${base}/orders`, { method: 'POST' });
  const capturedBody = (await (await fetch(`${base}/capture`)).json()) as { traceparent?: string };

  // A detached task, started after the request ended and outside any span.
  const relay = await new Promise<{ activeBefore?: string }>((resolve, reject) => {
    setTimeout(() => {
      const activeBefore = currentTraceparent();
      withRemoteParent(captured, 'outbox.publish', async () => {
        await producer.send({ topic, messages: [{ key: 'relayed-1', value: 'relayed' }] });
      }).then(() => resolve(activeBefore ? { activeBefore } : {}), reject);
    }, 10);
  });

  await allConsumed;
  await consumer.disconnect();
  await producer.disconnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Read before shutdown: shutting down the in-memory exporter empties it.
  const spans = await spanRecords();
  await telemetry.shutdown();

  report({
    probeStatus: probe.status,
    orderStatus: ordered.status,
    capturedTraceparent: capturedBody.traceparent,
    relay,
    consumed: Object.fromEntries(consumed),
    spans,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
