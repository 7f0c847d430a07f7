// Through the outbox, at volume: every aggregate's events arrive in the order they were written,
// none missing, none doubled; two relays racing for one document publish each event once.
import { randomUUID } from 'node:crypto';
import type { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createEventConsumer,
  createEventProducer,
  createOutboxRelay,
  outboxEntry,
  outboxUpdate,
  readTopicToEnd,
  headerText,
  type ConsumedEvent,
  type EventProducer,
  type OutboxFields,
} from '../src';
import { eventually, logger, openHarness, retryBusy, widgetData, type Harness } from './support';

jest.setTimeout(180_000);

let h: Harness;
let producer: EventProducer;

beforeAll(async () => {
  h = await openHarness('events_order');
  producer = await createEventProducer(h.kafka);
  await producer.ensureTopics([h.changed.topic], 3);
});

afterAll(async () => {
  await producer.disconnect();
  await h.close();
});

test('1,000 events over 10 aggregates arrive in order per aggregate, none missing, none doubled', async () => {
  const aggregates = Array.from({ length: 10 }, (_, i) => `widget-${i}-${randomUUID()}`);
  const perAggregate = 100;
  const collection = h.db.collection<{ _id: string; seq?: number } & OutboxFields>('widgets');
  const handled: { subject: string; seq: number; id: string }[] = [];
  const consumer = createEventConsumer({
    kafka: h.kafka,
    groupId: h.scope.group('order-consumer'),
    db: h.db,
    logger,
    types: [h.changed],
    handlers: {
      [h.changed.type]: async (event: ConsumedEvent<ErrorInfo>) => {
        handled.push({ subject: event.subject, seq: Number(event.data.metadata.seq), id: event.id });
      },
    },
  });
  await consumer.start();
  const relay = createOutboxRelay({
    collection: h.db.collection('widgets'),
    producer,
    logger,
    sweepIntervalMs: 200,
    graceMs: 500,
  });
  await relay.start();
  try {
    // Ten writers at once, each writing its aggregate's events one update at a time and publishing
    // after each. (Each writer awaits its publish: FerretDB v1 loses one of two concurrent updates
    // to the same document, so a writer and the relay must not write one aggregate at the same time
    // there. MongoDB has no such limit.)
    await Promise.all(
      aggregates.map(async (id) => {
        for (let seq = 1; seq <= perAggregate; seq++) {
          const entry = outboxEntry(h.changed, id, widgetData('CHANGED', { seq: String(seq) }), {
            source: 'test',
          });
          await retryBusy(() =>
            collection.updateOne({ _id: id }, { $set: { seq }, ...outboxUpdate([entry]) }, { upsert: true }),
          );
          await relay.publish(id);
        }
      }),
    );
    await eventually(
      async () => handled.length >= aggregates.length * perAggregate && handled,
      'all events to be consumed',
      150_000,
    );
    await eventually(
      async () => (await collection.countDocuments({ outboxPendingSince: { $exists: true } })) === 0,
      'every outbox to be emptied',
    );
  } finally {
    await relay.stop();
    await consumer.stop();
  }

  expect(handled).toHaveLength(aggregates.length * perAggregate);
  expect(new Set(handled.map((e) => e.id)).size).toBe(handled.length);
  for (const id of aggregates) {
    const seqs = handled.filter((e) => e.subject === id).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: perAggregate }, (_, i) => i + 1));
  }
  // The keys really were spread over the topic's partitions.
  const partitions = new Set<number>();
  await readTopicToEnd(h.kafka, h.changed.topic, async ({ partition }) => {
    partitions.add(partition);
  });
  expect(partitions.size).toBeGreaterThan(1);
});

test('two relays racing on the same document publish each event once, in order', async () => {
  const topic = h.changed.topic;
  const id = `widget-race-${randomUUID()}`;
  const collection = h.db.collection<{ _id: string } & OutboxFields>('raced');
  const relays = ['relay-a', 'relay-b'].map((owner) =>
    createOutboxRelay({
      collection: h.db.collection('raced'),
      producer,
      logger,
      owner,
      sweepIntervalMs: 100,
      graceMs: 200,
    }),
  );
  // Their sweepers race too, and pick up anything a transient database error left behind.
  await Promise.all(relays.map((relay) => relay.start()));
  const written: string[] = [];
  for (let round = 0; round < 20; round++) {
    const entries = Array.from({ length: 5 }, (_, i) =>
      outboxEntry(h.changed, id, widgetData('RACED', { seq: String(round * 5 + i + 1) }), { source: 'test' }),
    );
    written.push(...entries.map((e) => e.id));
    await retryBusy(() =>
      collection.updateOne({ _id: id }, { $set: { round }, ...outboxUpdate(entries) }, { upsert: true }),
    );
    await Promise.all(relays.map((relay) => relay.publish(id)));
  }
  await eventually(
    async () => (await collection.findOne({ _id: id }))?.outbox?.length === 0,
    'the outbox to be emptied',
  );
  await Promise.all(relays.map((relay) => relay.stop()));
  const doc = await collection.findOne({ _id: id });
  expect(doc?.outboxPendingSince).toBeUndefined();
  expect(await h.db.collection('outbox_leases').countDocuments()).toBe(0);

  const published: string[] = [];
  await readTopicToEnd(h.kafka, topic, async ({ message }) => {
    if (headerText(message.headers, 'ce_subject') === id)
      published.push(headerText(message.headers, 'ce_id')!);
  });
  expect(published).toEqual(written);
});
