// A crash between the write and the publish: the sweeper publishes what the dead process left, and
// an idempotent consumer applies it once, however often Kafka delivers it.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createEventConsumer,
  createEventProducer,
  createOutboxRelay,
  toKafkaMessage,
  type ConsumedEvent,
  type EventConsumer,
  type EventProducer,
  type OutboxFields,
  type OutboxRelay,
} from '../src';
import { swcRequireHook, eventually } from '@hangviet/testing';
import { caughtUp, logger, openHarness, widgetData, type Harness } from './support';

let h: Harness;
let producer: EventProducer;
let consumer: EventConsumer | undefined;
let relay: OutboxRelay | undefined;

jest.setTimeout(60_000);

beforeAll(async () => {
  h = await openHarness('events_crash');
  producer = await createEventProducer(h.kafka);
  await producer.ensureTopics([h.changed.topic]);
});

afterEach(async () => {
  await relay?.stop();
  await consumer?.stop();
  relay = undefined;
  consumer = undefined;
});

afterAll(async () => {
  await producer.disconnect();
  await h.close();
});

function runWriter(
  env: Record<string, string>,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string }> {
  const fixture = join(__dirname, 'fixtures', 'crash-writer.ts');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', swcRequireHook, fixture],
      { env: { ...process.env, ...env }, cwd: __dirname },
      (error, stdout) =>
        resolve({
          signal: error?.signal ?? null,
          code: error?.code === undefined ? 0 : Number(error.code),
          stdout,
        }),
    );
  });
}

/** A handler that is NOT idempotent by itself, so only the consumer's dedupe keeps the count at one. */
function countingConsumer(groupId: string) {
  const effects = h.db.collection('effects');
  return createEventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    logger,
    types: [h.changed],
    handlers: {
      [h.changed.type]: async (event: ConsumedEvent<ErrorInfo>) => {
        await effects.insertOne({ eventId: event.id, subject: event.subject, reason: event.data.reason });
      },
    },
  });
}

test('an event stranded by a crash after the write is published by the sweeper and applied exactly once', async () => {
  const aggregateId = `widget-${randomUUID()}`;
  const eventId = randomUUID();
  const collection = h.db.collection<{ _id: string; name?: string } & OutboxFields>('widgets');

  const child = await runWriter({
    MONGO_URL: h.scope.mongoUrl,
    DB_NAME: h.scope.databaseName,
    COLLECTION: 'widgets',
    AGGREGATE_ID: aggregateId,
    EVENT_TYPE: h.changed.type,
    EVENT_ID: eventId,
    CRASH_AFTER_WRITE: '1',
  });
  expect(child.stdout).toBe('written\n');
  expect(child.signal).toBe('SIGKILL');
  const stranded = await collection.findOne({ _id: aggregateId });
  expect(stranded?.outbox).toHaveLength(1);
  expect(stranded?.outboxPendingSince).toBeInstanceOf(Date);

  const groupId = h.scope.group('crash-consumer');
  consumer = countingConsumer(groupId);
  await consumer.start();
  relay = createOutboxRelay({
    collection: h.db.collection('widgets'),
    producer,
    logger,
    sweepIntervalMs: 100,
    graceMs: 300,
  });
  await relay.start();

  const effects = h.db.collection('effects');
  await eventually(
    async () => (await effects.countDocuments({ eventId })) === 1,
    'the stranded event to be applied',
  );
  const published = await eventually(async () => {
    const doc = await collection.findOne({ _id: aggregateId });
    return doc &&
      doc.outbox?.length === 0 &&
      doc.outboxPendingSince === undefined &&
      (await h.db.collection('outbox_leases').countDocuments()) === 0
      ? doc
      : undefined;
  }, 'the outbox to be emptied');
  expect(published.name).toBe('widget');

  // Redelivery 1: the same event produced again (a relay that died between Kafka's ack and its $pull).
  await producer.send(h.changed.topic, [
    toKafkaMessage(
      {
        id: eventId,
        type: h.changed.type,
        source: 'crash-writer',
        subject: aggregateId,
        time: new Date().toISOString(),
        data: widgetData('CREATED'),
      },
      h.changed.codec,
    ),
  ]);
  await eventually(
    () => caughtUp(h.kafka, groupId, h.changed.topic),
    'the consumer to pass the re-sent copy',
  );

  // Redelivery 2: the group's offsets rewound, as after a consumer crash before its commit.
  await consumer.stop();
  const admin = h.kafka.admin();
  await admin.connect();
  await admin.resetOffsets({ groupId, topic: h.changed.topic, earliest: true });
  expect(await caughtUp(h.kafka, groupId, h.changed.topic)).toBe(false);
  await admin.disconnect();
  consumer = countingConsumer(groupId);
  await consumer.start();
  await eventually(() => caughtUp(h.kafka, groupId, h.changed.topic), 'the consumer to re-read the topic');

  expect(await effects.countDocuments({ eventId })).toBe(1);
  expect(await h.db.collection('processed_events').countDocuments({ consumer: groupId, eventId })).toBe(1);
}, 120_000);

test('the same event delivered twice has one effect', async () => {
  const groupId = h.scope.group('twice-consumer');
  consumer = countingConsumer(groupId);
  await consumer.start();
  const subject = `widget-${randomUUID()}`;
  const envelope = (id: string, reason: string) => ({
    id,
    type: h.changed.type,
    source: 'test',
    subject,
    time: new Date().toISOString(),
    data: widgetData(reason),
  });
  const twice = randomUUID();
  const after = randomUUID();
  await producer.send(h.changed.topic, [toKafkaMessage(envelope(twice, 'TWICE'), h.changed.codec)]);
  await producer.send(h.changed.topic, [toKafkaMessage(envelope(twice, 'TWICE'), h.changed.codec)]);
  await producer.send(h.changed.topic, [toKafkaMessage(envelope(after, 'AFTER'), h.changed.codec)]);

  const effects = h.db.collection('effects');
  // Same key, same partition: once the later event is applied, both copies have been consumed.
  await eventually(async () => (await effects.countDocuments({ eventId: after })) === 1, 'the later event');
  await eventually(() => caughtUp(h.kafka, groupId, h.changed.topic), 'the commit');
  expect(await effects.countDocuments({ eventId: twice })).toBe(1);
}, 60_000);
