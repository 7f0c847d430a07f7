// An HTTP request writes an aggregate with an event in its outbox; the relay publishes it (right away
// for POST /widgets, through the sweeper for POST /widgets/deferred, as after a crash); a consumer handles
// it. Env: KAFKA_BROKERS, MONGO_URL (with the database), EVENT_TYPE, GROUP_ID.
// Prints one JSON line: the requests, what the handler saw and the finished spans.
import { report, spanRecords, telemetry } from './in-memory-telemetry';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createAuthenticator,
  createHttpApp,
  createLogger,
  createReadiness,
  finishHttpApp,
} from '@hangviet/service-kit';
import { currentTraceparent } from '@hangviet/telemetry';
import { MongoClient } from 'mongodb';
import {
  createEventConsumer,
  createEventProducer,
  createKafka,
  createOutboxRelay,
  defineEvent,
  outboxEntry,
  outboxUpdate,
  type ConsumedEvent,
  type OutboxFields,
} from '../../src';

interface Widget extends OutboxFields {
  _id: string;
  name: string;
}

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  // stdout carries only the report.
  const logger = createLogger({
    service: 'events-scenario',
    level: process.env.SCENARIO_LOG_LEVEL ?? 'silent',
    destination: process.stderr,
  });
  const changed = defineEvent(process.env.EVENT_TYPE!, ErrorInfo, 'a test widget changed');
  const mongo = await MongoClient.connect(process.env.MONGO_URL!);
  const widgets = mongo.db().collection<Widget>('widgets');
  const kafka = createKafka({ clientId: 'events-scenario', brokers, logger });
  const producer = await createEventProducer(kafka);
  await producer.ensureTopics([changed.topic], 1);
  const relay = createOutboxRelay({ collection: widgets, producer, logger, sweepIntervalMs: 100, graceMs: 300 });
  await relay.start();

  const handled = new Map<string, { subject: string; activeTraceparent?: string }>();
  let allHandled!: () => void;
  const done = new Promise<void>((resolve) => (allHandled = resolve));
  // Filled once both requests are answered; until then no event completes the wait.
  const expected: string[] = [];
  let requested = false;
  const checkDone = () => {
    if (requested && expected.every((id) => handled.has(id))) allHandled();
  };
  const consumer = createEventConsumer({
    kafka,
    groupId: process.env.GROUP_ID!,
    db: mongo.db(),
    logger,
    types: [changed],
    handlers: {
      [changed.type]: async (event: ConsumedEvent<ErrorInfo>) => {
        const active = currentTraceparent();
        handled.set(event.id, { subject: event.subject, ...(active ? { activeTraceparent: active } : {}) });
        checkDone();
      },
    },
  });
  await consumer.start();

  const app = createHttpApp({
    service: 'events-scenario',
    logger,
    readiness: createReadiness(),
    // No request carries a token, so no key is ever loaded.
    authenticator: createAuthenticator({ issuer: 'events-scenario', audience: 'events-scenario' }),
  });
  const write = async (publishNow: boolean) => {
    const id = `widget-${randomUUID()}`;
    const entry = outboxEntry(changed, id, { reason: 'CREATED', domain: 'test.hangviet.vn', metadata: {} }, {
      source: 'events-scenario',
    });
    await widgets.updateOne({ _id: id }, { $set: { name: 'widget' }, ...outboxUpdate([entry]) }, { upsert: true });
    if (publishNow) await relay.publish(id);
    return { id, eventId: entry.id };
  };
  app.post('/widgets', async (_req, res) => {
    res.status(201).json(await write(true));
  });
  // Leaves the publish to the sweeper, as when the process that wrote died before publishing.
  app.post('/widgets/deferred', async (_req, res) => {
    res.status(201).json(await write(false));
  });
  finishHttpApp(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // fetch (undici) is not instrumented, so each request's server span is the root of its trace.
  const requests: { route: string; status: number; id: string; eventId: string }[] = [];
  for (const route of ['/widgets', '/widgets/deferred']) {
    const response = await fetch(`${base}${route}`, { method: 'POST' });
    const body = (await response.json()) as { id: string; eventId: string };
    requests.push({ route, status: response.status, ...body });
  }
  expected.push(...requests.map((r) => r.eventId));
  requested = true;
  checkDone();
  await done;

  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mongo.db().dropDatabase();
  await mongo.close();
  // Read before shutdown: shutting down the in-memory exporter empties it.
  const spans = await spanRecords();
  await telemetry.shutdown();
  report({ topic: changed.topic, requests, handled: Object.fromEntries(handled), spans });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
