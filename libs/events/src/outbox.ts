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
 * `_id` = `<collection>:<aggregate id>`. Taken by an insert, because a unique `_id` is the one
 * compare-and-set that FerretDB v1 (SQLite) performs atomically; its conditional updates are not
 * (two concurrent `findOneAndUpdate`s with the same filter can both match).
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
  /** Publishes the document's pending events; call right after the write. Never throws: the sweeper retries. */
  publish(aggregateId: string | ObjectId): Promise<void>;
  /** Creates the sweeper's index and starts sweeping. */
  start(): Promise<void>;
  /** Stops the sweeper and waits for publishes in flight. */
  stop(): Promise<void>;
}

export interface OutboxRelayOptions<T extends OutboxFields = Document> {
  /** The aggregates' collection, typed (`Collection<MyAggregate extends OutboxFields>`) or not. */
  collection: Collection<T>;
  producer: EventProducer;
  logger: Logger;
  /** Names this relay in leases (default host:pid:random). */
  owner?: string;
  /** How often the sweeper looks for stranded events (default 1000 ms). */
  sweepIntervalMs?: number;
  /** How long a claim holds (default 30 s); a relay that dies loses its claim after this. */
  leaseMs?: number;
  /** How old pending events must be before the sweeper takes them (default 1000 ms), leaving fresh ones to publish(). */
  graceMs?: number;
  /** Documents per sweep (default 100). */
  sweepBatch?: number;
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

export function createOutboxRelay<T extends OutboxFields = Document>(opts: OutboxRelayOptions<T>): OutboxRelay {
  const { producer } = opts;
  // The relay touches only _id and the outbox fields; it works on the untyped view of the collection.
  const collection = opts.collection as unknown as Collection<Document>;
  const logger = opts.logger.child({ component: 'outbox-relay', collection: collection.collectionName });
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = opts.leaseMs ?? 30_000;
  const graceMs = opts.graceMs ?? 1000;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 1000;
  const sweepBatch = opts.sweepBatch ?? 100;
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let stopped = false;

  const leases = collection.db.collection<OutboxLease>(OUTBOX_LEASES);
  const leaseKey = (id: unknown) => `${collection.collectionName}:${String(id)}`;
  const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

  /** Takes the aggregate's lease; undefined when another relay holds it. */
  async function acquire(id: unknown): Promise<string | undefined> {
    const _id = leaseKey(id);
    const take = async () => {
      const token = randomBytes(8).toString('hex');
      await leases.insertOne({ _id, owner, token, until: new Date(Date.now() + leaseMs) });
      return token;
    };
    try {
      return await take();
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    const held = await leases.findOne({ _id });
    if (held && held.until.getTime() >= Date.now()) return undefined;
    // Expired (its holder died or stalled): remove exactly that lease, then compete for a new one.
    if (held) await leases.deleteOne({ _id, token: held.token });
    try {
      return await take();
    } catch (error) {
      if (isDuplicate(error)) return undefined;
      throw error;
    }
  }

  /** Claims, sends and pulls once. Returns whether events remain (written while we were sending). */
  async function publishOnce(id: unknown): Promise<boolean> {
    const token = await acquire(id);
    // Another relay holds the claim and will publish.
    if (!token) return false;
    try {
      return await sendPending(id);
    } finally {
      await retrying(() => leases.deleteOne({ _id: leaseKey(id), token }));
    }
  }

  async function sendPending(id: unknown): Promise<boolean> {
    const claimed = await collection.findOne({ _id: id } as Filter<Document>);
    if (!claimed || claimed.outboxPendingSince === undefined) return false;
    const entries = ((claimed.outbox as OutboxEntry[] | undefined) ?? []).slice();
    const sent: OutboxEntry[] = [];
    let failure: unknown;
    try {
      // In array order, one topic run at a time, each acknowledged before the next: a later event
      // of this aggregate is never on Kafka before an earlier one.
      for (const run of sendRuns(entries)) {
        await context.with(contextOf(run.traceparent), () =>
          producer.send(run.topic, run.entries.map(toMessage)),
        );
        sent.push(...run.entries);
      }
    } catch (error) {
      failure = error;
    }
    // Pull exactly what was sent (events written meanwhile stay); the caller then gives the claim back. A crash
    // before this line re-sends the same events later: at-least-once, consumers dedupe by ce_id.
    // Each step is idempotent, so a transient database error is retried rather than leaving the
    // events to be sent again by the sweeper.
    if (sent.length === entries.length && entries.length > 0) {
      // The common case in one write: all sent, and nothing pushed meanwhile (only the claim holder
      // removes entries, so an unchanged size means an unchanged array).
      const done = await retrying(() =>
        collection.updateOne({ _id: id, outbox: { $size: entries.length } } as Filter<Document>, {
          $set: { outbox: [] },
          $unset: { outboxPendingSince: '' },
        }),
      );
      if (done.modifiedCount === 1) {
        logger.debug({ aggregateId: String(id), events: sent.length }, 'outbox published');
        return false;
      }
    }
    // $pullAll of the entries as read (whole-document equality; ids are unique) rather than
    // `$pull: { outbox: { id: { $in } } }`, which FerretDB v1 does not apply to embedded documents.
    const pull = { $pullAll: { outbox: sent } } as unknown as UpdateFilter<Document>;
    if (sent.length) await retrying(() => collection.updateOne({ _id: id } as Filter<Document>, pull));
    // Conditional, so it cannot clear the mark of events pushed after our pull.
    const cleared = await retrying(() =>
      collection.updateOne({ _id: id, outbox: { $size: 0 } } as Filter<Document>, {
        $unset: { outboxPendingSince: '' },
      }),
    );
    if (failure) throw failure;
    if (sent.length) logger.debug({ aggregateId: String(id), events: sent.length }, 'outbox published');
    return cleared.matchedCount === 0;
  }

  async function publishSafely(id: unknown): Promise<void> {
    try {
      // Events written while we held the claim: their writer's publish() found it taken, so take them now.
      for (let round = 0; round < 5 && (await publishOnce(id)); round++);
    } catch (error) {
      logger.warn({ err: error, aggregateId: String(id) }, 'outbox publish failed; the sweeper will retry');
    }
  }

  function track(promise: Promise<void>): Promise<void> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  async function sweep(): Promise<void> {
    const now = new Date();
    const stale = await collection
      .find(
        {
          outboxPendingSince: { $lt: new Date(now.getTime() - graceMs) },
        } as Filter<Document>,
        {
          projection: { _id: 1 },
        },
      )
      .sort({ outboxPendingSince: 1 })
      .limit(sweepBatch)
      .toArray();
    for (const doc of stale) {
      if (stopped) return;
      await track(publishSafely(doc._id));
    }
  }

  function tick(): void {
    if (sweeping || stopped) return;
    sweeping = sweep()
      .catch((error: unknown) => logger.warn({ err: error }, 'outbox sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  }

  return {
    publish(aggregateId) {
      if (stopped) return Promise.resolve();
      return track(publishSafely(aggregateId));
    },
    async start() {
      await collection.createIndex({ outboxPendingSince: 1 }, { name: 'outbox_pending_since' });
      stopped = false;
      timer ??= setInterval(tick, sweepIntervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await sweeping;
      await Promise.allSettled([...inFlight]);
    },
  };
}
