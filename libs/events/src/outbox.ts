// Outbox without transactions: the events a write raises are pushed into the aggregate document in
// the same single-document update as the change itself, so both happen or neither does. The relay
// then publishes them and pulls them out; the sweeper catches what a crash left behind.
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ROOT_CONTEXT, context, propagation, type Context } from '@opentelemetry/api';
import {
  Binary,
  type Collection,
  type Document,
  type Filter,
  type ObjectId,
  type UpdateFilter,
} from 'mongodb';
import { duplicateKeyIndexes, isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Message } from 'kafkajs';
import type { Logger } from 'pino';
import { encodedToKafkaMessage } from './envelope';
import type { EventProducer } from './producer';
import type { EventType } from './registry';

export interface OutboxEntry {
  /** The event's ce_id. */
  id: string;
  type: string;
  topic: string;
  /** The Kafka key: the aggregate id (ce_subject). */
  key: string;
  source: string;
  time: Date;
  /** The protobuf-encoded data. */
  data: Buffer;
  traceparent?: string;
}

/** The fields the outbox adds to an aggregate document. */
export interface OutboxFields {
  outbox?: OutboxEntry[];
  /** Set while the outbox is not empty: when its oldest unpublished event was written. */
  outboxPendingSince?: Date;
}

/**
 * Who may publish an aggregate's outbox, until when: one document per aggregate in `outbox_leases`,
 * `_id` = `<collection>:<aggregate id>`. Taken by an insert: a unique `_id` is a compare-and-set that
 * every database here performs atomically. Conditional single-document updates are atomic on MongoDB
 * natively, but on FerretDB v1 only with the project's per-statement lock (patch 0001 in
 * deploy/local/ferretdb/patches/); upstream, two concurrent `findOneAndUpdate`s with the same filter can
 * both match.
 */
export interface OutboxLease {
  _id: string;
  owner: string;
  token: string;
  until: Date;
}

export const OUTBOX_LEASES = 'outbox_leases';

/** The traceparent of the active span, if telemetry is on. */
function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

export function outboxEntry<T>(
  event: EventType<T>,
  subject: string,
  data: T,
  opts: { source: string; id?: string; time?: Date },
): OutboxEntry {
  const traceparent = activeTraceparent();
  return {
    id: opts.id ?? randomUUID(),
    type: event.type,
    topic: event.topic,
    key: subject,
    source: opts.source,
    time: opts.time ?? new Date(),
    data: Buffer.from(event.codec.encode(data).finish()),
    ...(traceparent ? { traceparent } : {}),
  };
}

/**
 * What outboxUpdate returns: `{ $push: { outbox: { $each: entries } }, $min: { outboxPendingSince } }`,
 * typed as the `$push`/`$min` of the collection's own `UpdateFilter`, so it spreads into an update of a
 * typed `Collection<T extends OutboxFields>` and of an untyped `Collection<Document>` alike. (A fixed
 * `{ $push: { outbox: ... } }` type does not fit `UpdateFilter<Document>`: the driver's typings refuse
 * every `$push` key on `Document`.)
 */
export type OutboxUpdate<T extends OutboxFields = OutboxFields> = Required<Pick<UpdateFilter<T>, '$push' | '$min'>>;

/**
 * The part of the aggregate's update that records its events, e.g.
 * `updateOne({ _id, version }, { $set: {...}, ...outboxUpdate([entry]) })`.
 * `$min` keeps the oldest pending time when events are already waiting.
 *
 * `T` is inferred from the update it is spread into; name it when the update is built apart from the call,
 * e.g. `const update: UpdateFilter<Document> = { ...outboxUpdate<Document>(entries) }`.
 */
export function outboxUpdate<T extends OutboxFields = OutboxFields>(entries: OutboxEntry[]): OutboxUpdate<T> {
  if (entries.length === 0) throw new Error('outboxUpdate needs at least one entry');
  const oldest = entries.reduce((min, e) => (e.time < min ? e.time : min), entries[0]!.time);
  // The time of the write, not of the events, decides when the sweeper steps in.
  const since = new Date(Math.min(Date.now(), oldest.getTime()));
  // The driver cannot relate these literal keys to a generic T's operators; the shape is right for any T.
  return { $push: { outbox: { $each: entries } }, $min: { outboxPendingSince: since } } as unknown as OutboxUpdate<T>;
}

export interface OutboxRelay {
  /**
   * Publishes the aggregate's pending events; call right after the write. Resolves once a publish cycle
   * that included the aggregate has sent them (they are on Kafka unless Kafka or the database failed, or
   * another relay holds the aggregate), or after `publishWaitMs` at most; the cycle's clean-up (emptying the
   * outbox, releasing the lease) goes on after it. Never throws: the sweeper retries.
   */
  publish(aggregateId: string | ObjectId): Promise<void>;
  /** publish() for many aggregates at once (a bulk write): they go out in cycles of `batchSize`. */
  publishMany(aggregateIds: readonly (string | ObjectId)[]): Promise<void>;
  /** Creates the sweeper's index, sweeps once and keeps sweeping. */
  start(): Promise<void>;
  /** Stops the sweeper and publishes what was already asked for. */
  stop(): Promise<void>;
}

export interface OutboxRelayOptions<T extends OutboxFields = Document> {
  /** The aggregates' collection, typed (`Collection<MyAggregate extends OutboxFields>`) or not. */
  collection: Collection<T>;
  producer: EventProducer;
  logger: Logger;
  /** Names this relay in leases (default host:pid:random). */
  owner?: string;
  /** How often the sweeper looks for stranded events (default 5000 ms). */
  sweepIntervalMs?: number;
  /** How long a claim holds (default 30 s); a relay that dies loses its claim after this. */
  leaseMs?: number;
  /** How old pending events must be before the sweeper takes them (default 1000 ms), leaving fresh ones to publish(). */
  graceMs?: number;
  /** Aggregates per publish cycle, and per sweep (default 100). */
  batchSize?: number;
  /**
   * How long publish() waits for the send at most (default 1000 ms). While Kafka is down a write still answers
   * within this bound; its events stay in the outbox for the next cycle or the sweeper, never lost.
   */
  publishWaitMs?: number;
}

/** Runs an idempotent database step, retrying a few times with a short backoff. */
async function retrying<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  // Read back through the driver, binary data is a BSON Binary (duck-typed: mongoose may bring its own bson copy).
  if (data instanceof Binary || (data as Binary | null)?._bsontype === 'Binary') {
    const view = (data as Binary).value();
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  }
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new Error('outbox entry data is not binary');
}

function toMessage(entry: OutboxEntry): Message {
  const time = entry.time instanceof Date ? entry.time.toISOString() : String(entry.time);
  return encodedToKafkaMessage({
    id: entry.id,
    type: entry.type,
    source: entry.source,
    subject: entry.key,
    time,
    data: toBuffer(entry.data),
    ...(entry.traceparent ? { traceparent: entry.traceparent } : {}),
  });
}

/**
 * Splits entries into runs of the same topic and the same trace context, keeping their order. One send
 * is one context: an instrumented kafkajs parents every message's send span on the active context and
 * rewrites its traceparent header with it, so entries of different requests go in separate sends.
 */
function sendRuns(entries: OutboxEntry[]): { topic: string; traceparent?: string; entries: OutboxEntry[] }[] {
  const runs: { topic: string; traceparent?: string; entries: OutboxEntry[] }[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last && last.topic === entry.topic && last.traceparent === entry.traceparent) last.entries.push(entry);
    else runs.push({ topic: entry.topic, traceparent: entry.traceparent, entries: [entry] });
  }
  return runs;
}

/**
 * The context to send an entry in: that of the request that wrote it (its traceparent), so the send, and
 * the consumer's handling after it, join that request's trace even when the sweeper publishes much later.
 */
function contextOf(traceparent: string | undefined): Context {
  if (!traceparent) return context.active();
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The claims by the number of entries each read. */
function bySize(claims: Claimed[]): Map<number, Claimed[]> {
  const groups = new Map<number, Claimed[]>();
  for (const claim of claims) groups.set(claim.entries.length, [...(groups.get(claim.entries.length) ?? []), claim]);
  return groups;
}

/** One aggregate's part in a publish cycle. */
interface Claimed {
  id: unknown;
  entries: OutboxEntry[];
  /** How many of entries, from the first, Kafka acknowledged. */
  sent: number;
}

/**
 * The relay publishes in cycles: each takes up to `batchSize` aggregates that publish() or the sweeper
 * named, and spends a fixed number of round trips on all of them: one insert of their leases, one read of
 * their outboxes, the Kafka sends, one bulk write that empties the outboxes, one delete of the leases.
 * Writes that arrive during a cycle are taken by the next, so under load each cycle carries more. One
 * cycle at a time: overlapping cycles (tried, up to 4 at once) made batches smaller, 40–100 % more
 * database commands per event at the same rate, on a database that is the bottleneck (bench/README.md).
 */
export function createOutboxRelay<T extends OutboxFields = Document>(opts: OutboxRelayOptions<T>): OutboxRelay {
  const { producer } = opts;
  // The relay touches only _id and the outbox fields; it works on the untyped view of the collection.
  const collection = opts.collection as unknown as Collection<Document>;
  const logger = opts.logger.child({ component: 'outbox-relay', collection: collection.collectionName });
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = opts.leaseMs ?? 30_000;
  const graceMs = opts.graceMs ?? 1000;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 5000;
  const batchSize = opts.batchSize ?? 100;
  const publishWaitMs = opts.publishWaitMs ?? 1000;
  const leases = collection.db.collection<OutboxLease>(OUTBOX_LEASES);
  const leaseKey = (id: unknown) => `${collection.collectionName}:${String(id)}`;

  /** Aggregates waiting for the next cycle, by String(id), with the publish() calls waiting on them. */
  const due = new Map<string, { id: unknown; waiters: (() => void)[] }>();
  let draining: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let stopped = false;

  function request(id: unknown, waiter?: () => void): void {
    const key = String(id);
    const item = due.get(key) ?? { id, waiters: [] };
    if (waiter) item.waiters.push(waiter);
    due.set(key, item);
    draining ??= drain();
  }

  async function drain(): Promise<void> {
    try {
      while (due.size > 0) {
        const batch = [...due.values()].slice(0, batchSize);
        for (const item of batch) due.delete(String(item.id));
        const settle = () => {
          for (const item of batch) item.waiters.splice(0).forEach((resolve) => resolve());
        };
        try {
          const again = await cycle(batch.map((item) => item.id), settle);
          // Written by another process while we held them: its publish() found them taken.
          for (const id of again) request(id);
        } catch (error) {
          logger.warn({ err: error, aggregates: batch.length }, 'outbox publish failed; the sweeper will retry');
        } finally {
          settle();
        }
      }
    } finally {
      // In the same tick as the loop's last check, before any waiter resumes: a request() after it starts a new drain.
      draining = undefined;
    }
  }

  /** Takes the leases it can; returns the ids it holds and the token they carry. */
  async function acquire(ids: unknown[]): Promise<{ held: unknown[]; token: string }> {
    const token = randomBytes(8).toString('hex');
    const until = new Date(Date.now() + leaseMs);
    // A unique _id is the one compare-and-set FerretDB v1 performs atomically: a duplicate is a held lease.
    const refused = await duplicateKeyIndexes(
      leases.insertMany(ids.map((id) => ({ _id: leaseKey(id), owner, token, until })), { ordered: false }),
    );
    const held = ids.filter((_, index) => !refused.has(index));
    if (refused.size === 0) return { held, token };
    // Expired leases (their holder died or stalled): remove exactly those, then compete again.
    const contested = [...refused].map((index) => leaseKey(ids[index]));
    const expired = await leases.find({ _id: { $in: contested }, until: { $lt: new Date() } }).toArray();
    for (const lease of expired) {
      await leases.deleteOne({ _id: lease._id, token: lease.token });
      try {
        await leases.insertOne({ _id: lease._id, owner, token, until });
        held.push(ids.find((id) => leaseKey(id) === lease._id));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return { held, token };
  }

  /** One publish cycle; `sent` is called once its Kafka sends are done. Returns the ids still pending after it. */
  async function cycle(ids: unknown[], sent: () => void): Promise<unknown[]> {
    const { held, token } = await acquire(ids);
    if (held.length === 0) return [];
    try {
      return await publishHeld(held, sent);
    } finally {
      await retrying(() => leases.deleteMany({ _id: { $in: held.map(leaseKey) }, token }));
    }
  }

  async function publishHeld(ids: unknown[], sent: () => void): Promise<unknown[]> {
    const docs = await collection
      .find({ _id: { $in: ids } } as Filter<Document>, { projection: { outbox: 1, outboxPendingSince: 1 } })
      .toArray();
    const claimed: Claimed[] = docs
      .filter((doc) => doc.outboxPendingSince !== undefined)
      .map((doc) => ({ id: doc._id, entries: ((doc.outbox as OutboxEntry[] | undefined) ?? []).slice(), sent: 0 }));
    const failure = await send(claimed);
    // The events are on Kafka (or the send failed and the sweeper will retry): publish() need not wait
    // for the clean-up, which the next cycle of these aggregates waits for anyway.
    sent();
    const leftOver = await clear(claimed);
    if (failure) throw failure;
    const published = claimed.reduce((n, c) => n + c.sent, 0);
    if (published) logger.debug({ aggregates: claimed.length, events: published }, 'outbox published');
    return pendingAmong(leftOver);
  }

  /**
   * Sends every claimed aggregate's entries in order: its runs (sendRuns) one after another, each
   * acknowledged before the next, so a later event of an aggregate is never on Kafka before an earlier
   * one. Runs of different aggregates go together: round r sends the r-th run of each, one send per
   * (topic, trace context). Returns the first failure; an aggregate that failed sends nothing more.
   */
  async function send(claimed: Claimed[]): Promise<unknown> {
    const plans = claimed.map((c) => ({ claim: c, runs: sendRuns(c.entries), failed: false }));
    let failure: unknown;
    for (let round = 0; ; round++) {
      const groups = new Map<string, { topic: string; traceparent?: string; parts: { plan: (typeof plans)[number]; entries: OutboxEntry[] }[] }>();
      for (const plan of plans) {
        const run = plan.runs[round];
        if (!run || plan.failed) continue;
        const key = `${run.topic}\u0000${run.traceparent ?? ''}`;
        const group = groups.get(key) ?? { topic: run.topic, traceparent: run.traceparent, parts: [] };
        group.parts.push({ plan, entries: run.entries });
        groups.set(key, group);
      }
      if (groups.size === 0) return failure;
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            await context.with(contextOf(group.traceparent), () =>
              producer.send(group.topic, group.parts.flatMap((part) => part.entries.map(toMessage))),
            );
            for (const part of group.parts) part.plan.claim.sent += part.entries.length;
          } catch (error) {
            failure ??= error;
            for (const part of group.parts) part.plan.failed = true;
          }
        }),
      );
    }
  }

  /**
   * Removes what was sent. The common case is one bulk write: each aggregate's outbox still holds exactly
   * what was read (only the lease holder removes entries, so an unchanged size is an unchanged array),
   * and is emptied, by one `updateMany` per outbox size rather than one update per aggregate: a statement
   * or two instead of dozens, so the collection (whose writers queue on FerretDB's per-collection lock) is
   * held for less time. Otherwise (events pushed meanwhile, or a failed send) the sent entries are pulled one
   * by one and the pending mark cleared only where nothing remains. A crash before this re-sends the same
   * events later: at-least-once, consumers dedupe by ce_id. Each step is idempotent and retried on a
   * transient database error, rather than leaving the events to be sent again by the sweeper.
   * Returns the aggregates that did not take the common case: only they can have events left.
   */
  async function clear(claimed: Claimed[]): Promise<Claimed[]> {
    const complete = claimed.filter((c) => c.entries.length > 0 && c.sent === c.entries.length);
    if (complete.length) {
      const emptied = await retrying(() =>
        collection.bulkWrite(
          [...bySize(complete)].map(([size, group]) => ({
            updateMany: {
              filter: { _id: { $in: group.map((c) => c.id) }, outbox: { $size: size } } as Filter<Document>,
              update: { $set: { outbox: [] }, $unset: { outboxPendingSince: '' } },
            },
          })),
          { ordered: false },
        ),
      );
      if (emptied.matchedCount === complete.length) {
        claimed = claimed.filter((c) => !complete.includes(c));
      }
    }
    const partial = claimed.filter((c) => c.sent > 0);
    if (partial.length) {
      // $pullAll of the entries as read (whole-document equality; ids are unique) rather than
      // `$pull: { outbox: { id: { $in } } }`, which FerretDB v1 does not apply to embedded documents.
      await retrying(() =>
        collection.bulkWrite(
          partial.map((c) => ({
            updateOne: {
              filter: { _id: c.id } as Filter<Document>,
              update: { $pullAll: { outbox: c.entries.slice(0, c.sent) } } as unknown as UpdateFilter<Document>,
            },
          })),
          { ordered: false },
        ),
      );
    }
    if (claimed.length) {
      // Conditional, so it cannot clear the mark of events pushed after our pull.
      await retrying(() =>
        collection.updateMany({ _id: { $in: claimed.map((c) => c.id) }, outbox: { $size: 0 } } as Filter<Document>, {
          $unset: { outboxPendingSince: '' },
        }),
      );
    }
    return claimed;
  }

  /** Those of the aggregates whose outbox is not empty now: written to while we held them, or not all sent. */
  async function pendingAmong(claimed: Claimed[]): Promise<unknown[]> {
    if (claimed.length === 0) return [];
    const pending = await collection
      .find({ _id: { $in: claimed.map((c) => c.id) }, outboxPendingSince: { $exists: true } } as Filter<Document>, {
        projection: { _id: 1 },
      })
      .toArray();
    return pending.map((doc) => doc._id);
  }

  async function sweep(): Promise<void> {
    const stale = await collection
      .find({ outboxPendingSince: { $lt: new Date(Date.now() - graceMs) } } as Filter<Document>, {
        projection: { _id: 1 },
      })
      .sort({ outboxPendingSince: 1 })
      .limit(batchSize)
      .toArray();
    if (stale.length === 0 || stopped) return;
    await Promise.all(stale.map((doc) => new Promise<void>((resolve) => request(doc._id, resolve))));
  }

  function tick(): void {
    if (sweeping || stopped) return;
    sweeping = sweep()
      .catch((error: unknown) => logger.warn({ err: error }, 'outbox sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  }

  function publish(aggregateId: unknown): Promise<void> {
    if (stopped) return Promise.resolve();
    return new Promise((resolve) => {
      // Bounded: with Kafka down the caller answers after publishWaitMs and the sweeper publishes later.
      const timer = setTimeout(resolve, publishWaitMs);
      timer.unref();
      request(aggregateId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  return {
    publish,
    async publishMany(aggregateIds) {
      await Promise.all(aggregateIds.map(publish));
    },
    async start() {
      await collection.createIndex({ outboxPendingSince: 1 }, { name: 'outbox_pending_since' });
      stopped = false;
      tick();
      timer ??= setInterval(tick, sweepIntervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await sweeping;
      while (draining) await draining;
    },
  };
}
