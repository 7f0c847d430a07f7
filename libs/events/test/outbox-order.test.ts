// Through the outbox, at volume: with writers, publishes and the sweeper all working on the same
// documents at once, every aggregate's events arrive in the order they were written, none missing,
// none doubled; two relays racing for one document publish each event once.
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
import { logger, openHarness, widgetData, type Harness } from './support';
import { eventually } from '@hangviet/testing';

// Bounds against a hang, not timings: a shared, busy FerretDB can make this run take minutes.
jest.setTimeout(420_000);

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

/** A widget aggregate: `seq` counts its writes, so a write's sequence number is the `seq` it left. */
interface Widget extends OutboxFields {
  _id: string;
  seq: number;
}

test('1,000 events over 10 aggregates, written by concurrent writers while publishes and the sweeper run, arrive in order per aggregate, none missing, none doubled', async () => {
  const aggregates = Array.from({ length: 10 }, (_, i) => `widget-${i}-${randomUUID()}`);
  const perAggregate = 100;
  const writersPerAggregate = 4;
  const collection = h.db.collection<Widget>('widgets');
  await collection.insertMany(aggregates.map((_id) => ({ _id, seq: 0 })));
  const handled: { subject: string; id: string }[] = [];
  const consumer = createEventConsumer({
    kafka: h.kafka,
    groupId: h.scope.group('order-consumer'),
    db: h.db,
    logger,
    types: [h.changed],
    handlers: {
      [h.changed.type]: async (event: ConsumedEvent<ErrorInfo>) => {
        handled.push({ subject: event.subject, id: event.id });
      },
    },
  });
  await consumer.start();
  const relay = createOutboxRelay({ collection, producer, logger, sweepIntervalMs: 50, graceMs: 100 });
  await relay.start();
  // Event id → the sequence number its write got; filled in from each write's result.
  const seqOf = new Map<string, number>();
  const publishes: Promise<void>[] = [];
  try {
    // Several writers per aggregate at once, none waiting for a publish: each write is ONE update that
    // increments the aggregate's seq and pushes the event, so the seq it returns is the event's place in
    // the outbox. Meanwhile the publishes of earlier writes, and the sweeper, read and pull the outbox.
    const remaining = new Map(aggregates.map((id) => [id, perAggregate]));
    await Promise.all(
      aggregates.flatMap((id) =>
        Array.from({ length: writersPerAggregate }, async (_, writer) => {
          while ((remaining.get(id) ?? 0) > 0) {
            remaining.set(id, remaining.get(id)! - 1);
            const entry = outboxEntry(h.changed, id, widgetData('CHANGED', { writer: String(writer) }), {
              source: 'test',
            });
            const after = await collection.findOneAndUpdate(
              { _id: id },
              { $inc: { seq: 1 }, ...outboxUpdate([entry]) },
              { returnDocument: 'after' },
            );
            if (!after) throw new Error(`aggregate ${id} vanished`);
            seqOf.set(entry.id, after.seq);
            // Every other write leaves its events to a later publish or to the sweeper.
            if (after.seq % 2 === 0) publishes.push(relay.publish(id));
          }
        }),
      ),
    );
    await Promise.all(publishes);
    await eventually(
      async () => handled.length >= aggregates.length * perAggregate && handled,
      'all events to be consumed',
      360_000,
    );
    await eventually(
      async () => (await collection.countDocuments({ outboxPendingSince: { $exists: true } })) === 0,
      'every outbox to be emptied',
    );
  } finally {
    await relay.stop();
    await consumer.stop();
  }

  // Every write got its own sequence number, 1..100 per aggregate.
  expect(seqOf.size).toBe(aggregates.length * perAggregate);
  for (const doc of await collection.find({ _id: { $in: aggregates } }).toArray()) {
    expect(doc.seq).toBe(perAggregate);
    expect(doc.outbox).toEqual([]);
  }
  expect(handled).toHaveLength(aggregates.length * perAggregate);
  expect(new Set(handled.map((e) => e.id)).size).toBe(handled.length);
  const inOrder = Array.from({ length: perAggregate }, (_, i) => i + 1);
  for (const id of aggregates) {
    expect(handled.filter((e) => e.subject === id).map((e) => seqOf.get(e.id))).toEqual(inOrder);
  }
  // On Kafka itself: each aggregate's events once each, in sequence order, spread over the partitions.
  const published = new Map<string, number[]>();
  const partitions = new Set<number>();
  await readTopicToEnd(h.kafka, h.changed.topic, async ({ partition, message }) => {
    const subject = headerText(message.headers, 'ce_subject')!;
    if (!aggregates.includes(subject)) return;
    partitions.add(partition);
    published.set(subject, [...(published.get(subject) ?? []), seqOf.get(headerText(message.headers, 'ce_id')!)!]);
  });
  for (const id of aggregates) expect(published.get(id)).toEqual(inOrder);
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
    await collection.updateOne({ _id: id }, { $set: { round }, ...outboxUpdate(entries) }, { upsert: true });
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
