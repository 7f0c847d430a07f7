// A small service under service-kit's runService: POST /items creates an item and its event in ONE
// single-document write, publishes through the outbox relay and only then answers 201 with the id.
// SIGTERM runs the hooks in this order: stop accepting and drain HTTP, stop the relay (its in-flight
// publishes finish), disconnect the producer, close the database. Each hook prints `hook:<name>` on
// stdout; `ready <port>` once it listens. Env: KAFKA_BROKERS, MONGO_URL (with the database), EVENT_TYPE.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createAuthenticator,
  createHttpApp,
  createLogger,
  createReadiness,
  finishHttpApp,
  runService,
} from '@hangviet/service-kit';
import { MongoClient } from 'mongodb';
import {
  createEventProducer,
  createKafka,
  createOutboxRelay,
  defineEvent,
  outboxEntry,
  outboxUpdate,
  type OutboxFields,
} from '../../src';

interface Item extends OutboxFields {
  _id: string;
  createdAt: Date;
}

const logger = createLogger({
  service: 'items',
  level: process.env.SCENARIO_LOG_LEVEL ?? 'silent',
  // stdout carries only the lines the test reads.
  destination: process.stderr,
});
const say = (line: string) => process.stdout.write(`${line}\n`);

runService({ service: 'items', logger, timeoutMs: 30_000 }, async (lifecycle) => {
  const created = defineEvent(process.env.EVENT_TYPE!, ErrorInfo, 'a test item was created');
  const mongo = await MongoClient.connect(process.env.MONGO_URL!);
  lifecycle.onShutdown('database', async () => {
    await mongo.close();
    say('hook:database');
  });
  const items = mongo.db().collection<Item>('items');

  const kafka = createKafka({ clientId: 'items', brokers: process.env.KAFKA_BROKERS!.split(','), logger });
  const producer = await createEventProducer(kafka);
  lifecycle.onShutdown('producer', async () => {
    await producer.disconnect();
    say('hook:producer');
  });
  await producer.ensureTopics([created.topic]);

  const relay = createOutboxRelay({ collection: items, producer, logger });
  await relay.start();
  lifecycle.onShutdown('outbox relay', async () => {
    await relay.stop();
    say('hook:relay');
  });

  let stopping = false;
  const app = createHttpApp({
    service: 'items',
    logger,
    readiness: createReadiness(),
    // No request carries a token, so no key is ever loaded.
    authenticator: createAuthenticator({ issuer: 'items', audience: 'items' }),
  });
  // A request that reaches a kept-alive connection after shutdown began is refused, never half done.
  app.use((_req, res, next) => {
    if (!stopping) return next();
    res.setHeader('Connection', 'close');
    res.status(503).json({ code: 'SHUTTING_DOWN' });
  });
  app.post('/items', async (_req, res) => {
    const id = randomUUID();
    const entry = outboxEntry(created, id, { reason: 'CREATED', domain: 'test.hangviet.vn', metadata: {} }, {
      source: 'items',
    });
    await items.updateOne({ _id: id }, { $set: { createdAt: new Date() }, ...outboxUpdate([entry]) }, { upsert: true });
    await relay.publish(id);
    res.status(201).json({ id });
  });
  finishHttpApp(app);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  lifecycle.onShutdown('http', async () => {
    stopping = true;
    // Stop accepting; close() calls back once every connection is gone, i.e. every request in flight answered.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections go idle as their last request is answered: close them then rather than at their keep-alive timeout.
    const idle = setInterval(() => server.closeIdleConnections(), 20);
    server.closeIdleConnections();
    await drained;
    clearInterval(idle);
    say('hook:http');
  });
  say(`ready ${(server.address() as AddressInfo).port}`);
});
