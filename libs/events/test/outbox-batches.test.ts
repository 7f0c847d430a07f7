// The relay's publish cycles: many aggregates in one cycle, a publish() asked for the moment another
// resolves, and an aggregate another relay holds. The sweeper is kept out of the way (it would rescue
// anything a cycle left behind), so these tests see publish() alone.
import { randomUUID } from 'node:crypto';
import {
  createEventProducer,
  createOutboxRelay,
  headerText,
  outboxEntry,
  outboxUpdate,
  readTopicToEnd,
  type EventProducer,
  type OutboxFields,
} from '../src';
import { logger, openHarness, widgetData, type Harness } from './support';

let h: Harness;
let producer: EventProducer;

beforeAll(async () => {
  h = await openHarness('events_batches');
  producer = await createEventProducer(h.kafka);
  await producer.ensureTopics([h.changed.topic], 3);
});

afterAll(async () => {
  await producer.disconnect();
  await h.close();
});

type Widget = { _id: string } & OutboxFields;
const NO_SWEEP = { sweepIntervalMs: 3_600_000 };

async function write(collection: ReturnType<Harness['db']['collection']>, id: string, count = 1): Promise<string[]> {
  const entries = Array.from({ length: count }, (_, i) =>
    outboxEntry(h.changed, id, widgetData('CHANGED', { i: String(i) }), { source: 'test' }),
  );
  await collection.updateOne({ _id: id } as never, { ...outboxUpdate(entries) }, { upsert: true });
  return entries.map((e) => e.id);
}

async function publishedFor(ids: Set<string>): Promise<Map<string, string[]>> {
  const bySubject = new Map<string, string[]>();
  await readTopicToEnd(h.kafka, h.changed.topic, async ({ message }) => {
    const subject = headerText(message.headers, 'ce_subject')!;
    if (ids.has(subject)) bySubject.set(subject, [...(bySubject.get(subject) ?? []), headerText(message.headers, 'ce_id')!]);
  });
  return bySubject;
}

test('publishes 150 aggregates asked for at once, each its events in order, and empties their outboxes', async () => {
  const collection = h.db.collection<Widget>('many');
  const relay = createOutboxRelay({ collection, producer, logger, ...NO_SWEEP });
  await relay.start();
  const ids = Array.from({ length: 150 }, (_, i) => `many-${i}-${randomUUID()}`);
  const written = new Map<string, string[]>();
  for (const id of ids) written.set(id, await write(h.db.collection('many'), id, 3));
  // More than one cycle's worth (batchSize 100): the rest go in the next.
  await Promise.all(ids.map((id) => relay.publish(id)));
  await relay.stop();

  expect(await publishedFor(new Set(ids))).toEqual(written);
  expect(await collection.countDocuments({ outboxPendingSince: { $exists: true } })).toBe(0);
  expect(await h.db.collection('outbox_leases').countDocuments()).toBe(0);
});

test('a publish() asked for as another resolves is published too', async () => {
  const collection = h.db.collection<Widget>('chained');
  const relay = createOutboxRelay({ collection, producer, logger, ...NO_SWEEP });
  await relay.start();
  const [first, second] = [`chained-1-${randomUUID()}`, `chained-2-${randomUUID()}`];
  const written = new Map([
    [first, await write(h.db.collection('chained'), first)],
    [second, await write(h.db.collection('chained'), second)],
  ]);
  // Asked for in the same tick the first resolves: it must start a new cycle, not wait for the sweeper.
  await relay.publish(first).then(() => relay.publish(second));
  await relay.stop();

  expect(await publishedFor(new Set([first, second]))).toEqual(written);
});

test('leaves an aggregate another relay holds to that relay', async () => {
  const collection = h.db.collection<Widget>('held');
  const relay = createOutboxRelay({ collection, producer, logger, ...NO_SWEEP });
  await relay.start();
  const [free, held] = [`free-${randomUUID()}`, `held-${randomUUID()}`];
  const written = await write(h.db.collection('held'), free);
  await write(h.db.collection('held'), held);
  await h.db
    .collection<{ _id: string; owner: string; token: string; until: Date }>('outbox_leases')
    .insertOne({ _id: `held:${held}`, owner: 'another relay', token: 't', until: new Date(Date.now() + 60_000) });
  await Promise.all([relay.publish(free), relay.publish(held)]);
  await relay.stop();

  expect(await publishedFor(new Set([free, held]))).toEqual(new Map([[free, written]]));
  expect((await collection.findOne({ _id: held }))?.outbox).toHaveLength(1);
  expect(await h.db.collection('outbox_leases').countDocuments({ _id: `held:${held}` as never })).toBe(1);
});
