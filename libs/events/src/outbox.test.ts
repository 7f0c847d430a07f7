import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import type { Collection, Document, UpdateFilter } from 'mongodb';
import type { Logger } from 'pino';
import { createOutboxRelay, outboxEntry, outboxUpdate, type OutboxEntry, type OutboxFields } from './outbox';
import type { EventProducer } from './producer';
import { defineEvent } from './registry';

const painted = defineEvent('hangviet.test.widget.painted.v1', ErrorInfo, 'a widget was painted');
const data: ErrorInfo = { reason: 'PAINTED', domain: 'hangviet.vn', metadata: { colour: 'xanh' } };

describe('outboxEntry', () => {
  it('records the event with its topic, key and encoded data', () => {
    const time = new Date('2025-03-04T05:06:07Z');
    const entry = outboxEntry(painted, 'widget-1', data, { source: 'widget-service', id: 'e-1', time });
    expect(entry).toEqual({
      id: 'e-1',
      type: 'hangviet.test.widget.painted.v1',
      topic: 'hangviet.test.widget',
      key: 'widget-1',
      source: 'widget-service',
      time,
      data: Buffer.from(ErrorInfo.encode(data).finish()),
    });
    expect(ErrorInfo.decode(entry.data)).toEqual(data);
  });

  it('gives each event its own UUID by default', () => {
    const a = outboxEntry(painted, 'widget-1', data, { source: 's' });
    const b = outboxEntry(painted, 'widget-1', data, { source: 's' });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id).not.toBe(b.id);
  });
});

describe('outboxUpdate', () => {
  it('pushes the entries in order and keeps the oldest pending time', () => {
    const early = outboxEntry(painted, 'w', data, { source: 's', time: new Date('2025-01-01T00:00:00Z') });
    const late = outboxEntry(painted, 'w', data, { source: 's', time: new Date('2025-01-02T00:00:00Z') });
    expect(outboxUpdate([late, early])).toEqual({
      $push: { outbox: { $each: [late, early] } },
      $min: { outboxPendingSince: new Date('2025-01-01T00:00:00Z') },
    });
  });

  it('never dates pending events in the future, so the sweeper cannot wait past its grace', () => {
    const future = outboxEntry(painted, 'w', data, { source: 's', time: new Date(Date.now() + 3_600_000) });
    expect(outboxUpdate([future]).$min.outboxPendingSince?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an empty list', () => {
    expect(() => outboxUpdate([])).toThrow(/at least one entry/);
  });
});

/** An aggregate that declares the outbox fields, as a typed collection's schema should. */
interface Widget extends OutboxFields {
  _id: string;
  colour: string;
  version: number;
}

/**
 * Type-level checks, compiled by `npm run typecheck` (tsconfig.json covers src and test) and never called:
 * a call site that needs a cast, or a `@ts-expect-error` that no longer errs, fails the typecheck.
 */
export async function outboxUpdateCallSites(
  typed: Collection<Widget>,
  untyped: Collection<Document>,
  entry: OutboxEntry,
  producer: EventProducer,
  logger: Logger,
): Promise<void> {
  // T is inferred from the update the result is spread into.
  await typed.updateOne({ _id: 'w', version: 1 }, { $set: { colour: 'xanh' }, $inc: { version: 1 }, ...outboxUpdate([entry]) });
  const after = await typed.findOneAndUpdate(
    { _id: 'w' },
    { $inc: { version: 1 }, ...outboxUpdate([entry]) },
    { returnDocument: 'after', upsert: true },
  );
  after?.outbox?.at(-1)?.id.toUpperCase();
  await untyped.updateOne({ name: 'w' }, { $set: { colour: 'do' }, ...outboxUpdate([entry]) });
  await untyped.findOneAndUpdate({ name: 'w' }, { $inc: { seq: 1 }, ...outboxUpdate([entry]) }, { returnDocument: 'after' });
  // Conditionally, as a repository does when a change raised no event.
  const entries: OutboxEntry[] = [];
  await untyped.updateOne({ name: 'w' }, { $set: { colour: 'do' }, ...(entries.length ? outboxUpdate(entries) : {}) });
  // Built apart from the call: name the document type.
  const update: UpdateFilter<Document> = { $set: { colour: 'tim' }, ...outboxUpdate<Document>([entry]) };
  await untyped.updateOne({ name: 'w' }, update);
  const typedUpdate: UpdateFilter<Widget> = { $set: { colour: 'tim' }, ...outboxUpdate<Widget>([entry]) };
  await typed.updateOne({ _id: 'w' }, typedUpdate);
  // The rest of a typed update keeps its checks.
  // @ts-expect-error colour is not numeric
  await typed.updateOne({ _id: 'w' }, { $inc: { colour: 1 }, ...outboxUpdate([entry]) });
  // @ts-expect-error a document type without the outbox fields has no outbox to push to
  outboxUpdate<{ _id: string; colour: string }>([entry]);
  // The relay takes either kind of collection.
  createOutboxRelay({ collection: typed, producer, logger });
  createOutboxRelay({ collection: untyped, producer, logger });
}

describe('outboxUpdate in an update of either kind of collection', () => {
  it('has the same shape whatever document type it is typed for', () => {
    const entry = outboxEntry(painted, 'w', data, { source: 's', time: new Date('2025-01-01T00:00:00Z') });
    const untyped: UpdateFilter<Document> = { $set: { colour: 'do' }, ...outboxUpdate<Document>([entry]) };
    const typed: UpdateFilter<Widget> = { $set: { colour: 'do' }, ...outboxUpdate<Widget>([entry]) };
    const expected = {
      $set: { colour: 'do' },
      $push: { outbox: { $each: [entry] } },
      $min: { outboxPendingSince: new Date('2025-01-01T00:00:00Z') },
    };
    expect(untyped).toEqual(expected);
    expect(typed).toEqual(expected);
  });
});
