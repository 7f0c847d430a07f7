// Idempotent Kafka consumers: per-partition order, a fast skip for redeliveries, bounded retries,
// then the dead-letter topic, and offsets committed only once a message is handled or dead-lettered.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  propagation,
  trace,
  type TextMapGetter,
} from '@opentelemetry/api';
import { duplicateKeyIndexes } from '@hangviet/service-kit/mongo-errors';
import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { fromKafkaMessage, headerText, type EventEnvelope } from './envelope';
import { createEventProducer, dlqTopic, ensureTopics, waitForGroupCoordinator, type EventProducer } from './producer';
import { matchesEventType } from './event-type-pattern';
import {
  eventType,
  topics as catalogueTopics,
  topicsForPattern,
  type EventType,
} from './registry';

export interface ConsumedEvent<T = unknown> extends EventEnvelope<T> {
  topic: string;
  partition: number;
  offset: string;
  /** The event's catalogue definition (codec, topic, description): no handler looks the type up again. */
  definition: EventType<T>;
  /** The protobuf bytes as received: for storing or forwarding them, no handler re-encodes `data`. */
  bytes: Uint8Array;
}

/** MUST be idempotent by design (a keyed effect, or the mark written in the same update as the effect). */
export type EventHandler<T = unknown> = (event: ConsumedEvent<T>) => Promise<void>;

/**
 * Handles a chunk of one partition's events at once, in their order (a consumer that gains from shared round
 * trips). MUST be idempotent like EventHandler: when it throws, every event of the chunk goes through its
 * handler one at a time (retries, then the dead-letter topic), as without it.
 */
export type BatchEventHandler = (events: ConsumedEvent[]) => Promise<void>;

export interface EventConsumer {
  /** Subscribes and resolves once the consumer has joined its group. */
  start(): Promise<void>;
  /** Finishes the message in hand (a handler waiting to retry gives up; its message is redelivered later) and disconnects. */
  stop(): Promise<void>;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  /** The consuming service (and its use of the events): the Kafka group and the dedupe scope. */
  groupId: string;
  /** Holds processed_events. */
  db: Db;
  /** By exact ce_type or a pattern (see matchesEventType): `hangviet.registry.business.*`, `*`. */
  handlers: Record<string, EventHandler<never>>;
  logger: Logger;
  /** Handler attempts in total before the event is dead-lettered (default 5). */
  retries?: number;
  /** The first retry's delay, doubled at each attempt (default 200 ms). */
  backoffMs?: number;
  /** The longest delay between attempts (default 10 s). */
  maxBackoffMs?: number;
  /** Where a new group starts (default true: a new consumer sees the retained history, nothing is missed). */
  fromBeginning?: boolean;
  /** Topics to subscribe to (default: derived from the handler keys and the catalogue). */
  topics?: string[];
  /** Event types outside the platform catalogue this consumer can decode (e.g. in tests). */
  types?: EventType[];
  /** Partitions handled at the same time, each in order (default 3). */
  partitionsConsumedConcurrently?: number;
  /** A chunk's decodable events not handled yet, handed over together first (see BatchEventHandler). */
  handleBatch?: BatchEventHandler;
  /**
   * How long the group waits for a silent member before handing its partitions to the others (default 10 s;
   * kafkajs' own default is 30 s). A restarted instance joins only once its killed predecessor's session ended.
   */
  sessionTimeoutMs?: number;
  /**
   * Messages of a partition handled per chunk (default 100): one read of their marks before, one write of
   * the new marks and one offset commit after.
   */
  chunkSize?: number;
  /** Partitions for topics this consumer has to create (default 3). */
  partitions?: number;
}

export const PROCESSED_EVENTS = 'processed_events';

/** A consumer group's mark that it handled an event. */
export interface ProcessedEvent {
  /** `JSON.stringify([consumer, eventId])`. */
  _id: string;
  consumer: string;
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: string;
  processedAt: Date;
}
const MAX_ERROR_HEADER = 1000;

const headerGetter: TextMapGetter<IHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => headerText(carrier, key),
};

export function createEventConsumer(opts: EventConsumerOptions): EventConsumer {
  const { kafka, groupId, db } = opts;
  const logger = opts.logger.child({ component: 'event-consumer', groupId });
  const attempts = Math.max(1, opts.retries ?? 5);
  const backoffMs = opts.backoffMs ?? 200;
  const maxBackoffMs = opts.maxBackoffMs ?? 10_000;
  const chunkSize = Math.max(1, opts.chunkSize ?? 100);
  const handlers = Object.entries(opts.handlers) as [string, EventHandler][];
  const localTypes = new Map((opts.types ?? []).map((t) => [t.type, t]));
  const processed = db.collection<ProcessedEvent>(PROCESSED_EVENTS);
  // The mark's _id is the (consumer, event) pair itself: FerretDB v1 answers an _id lookup from its primary
  // key, while a filter on other fields reads the whole collection, which only grows.
  const markId = (eventId: string) => JSON.stringify([groupId, eventId]);
  const tracer = trace.getTracer('@hangviet/events');

  let consumer: Consumer | undefined;
  let producer: EventProducer | undefined;
  let stopping = false;
  const stopSignal = new AbortController();

  function subscribedTopics(): string[] {
    if (opts.topics) return opts.topics;
    const found = new Set<string>();
    for (const [pattern] of handlers) {
      if (pattern === '*') catalogueTopics().forEach((t) => found.add(t));
      else topicsForPattern(pattern).forEach((t) => found.add(t));
      for (const t of localTypes.values()) if (matchesEventType(pattern, t.type)) found.add(t.topic);
    }
    return [...found].sort();
  }

  /** An exact handler wins; otherwise the most specific (longest) matching pattern. */
  function handlerFor(type: string): EventHandler | undefined {
    const exact = opts.handlers[type] as EventHandler | undefined;
    if (exact) return exact;
    return handlers
      .filter(([pattern]) => pattern.includes('*') && matchesEventType(pattern, type))
      .sort(([a], [b]) => b.length - a.length)[0]?.[1];
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (stopSignal.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopSignal.signal.removeEventListener('abort', done);
        resolve();
      }
      stopSignal.signal.addEventListener('abort', done);
    });
  }

  async function deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
  ): Promise<void> {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const headers: IHeaders = {
      ...message.headers,
      dlq_error: text.length > MAX_ERROR_HEADER ? `${text.slice(0, MAX_ERROR_HEADER - 1)}…` : text,
      dlq_consumer: groupId,
      dlq_original_topic: topic,
      dlq_original_partition: String(partition),
      dlq_original_offset: message.offset,
      dlq_failed_at: new Date().toISOString(),
    };
    await producer!.send(dlqTopic(topic), [{ key: message.key, value: message.value, headers }]);
    logger.error(
      {
        topic,
        partition,
        offset: message.offset,
        ceId: headerText(message.headers, 'ce_id'),
        ceType: headerText(message.headers, 'ce_type'),
        err: error,
      },
      'event dead-lettered',
    );
  }

  async function runHandler(
    handler: EventHandler,
    event: ConsumedEvent,
    heartbeat: () => Promise<void>,
  ): Promise<unknown> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await handler(event);
        return undefined;
      } catch (error) {
        lastError = error;
        logger.warn(
          { err: error, ceId: event.id, ceType: event.type, attempt, of: attempts },
          'event handler failed',
        );
        if (attempt < attempts) {
          await sleep(Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)));
          if (stopping) throw new Interrupted();
          await heartbeat();
        }
      }
    }
    return lastError ?? new Error('handler failed');
  }

  /**
   * Handles one message of a chunk. `done` holds the marks of the chunk's events already handled (read
   * before the chunk, or handled earlier in it); a handled event's mark is added to `marks`, written
   * after the chunk.
   */
  async function handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    done: Set<string>,
    marks: ProcessedEvent[],
  ): Promise<void> {
    let raw: EventEnvelope<Uint8Array>;
    try {
      raw = fromKafkaMessage(message);
    } catch (error) {
      await deadLetter(topic, partition, message, error);
      return;
    }
    const handler = handlerFor(raw.type);
    if (!handler) return;
    const definition = localTypes.get(raw.type) ?? eventType(raw.type);
    if (!definition) {
      // A type this build does not know (e.g. a newer version): tolerate it, as a reader of a growing catalogue must.
      logger.warn({ topic, ceType: raw.type, ceId: raw.id }, 'event type not in the catalogue; skipped');
      return;
    }
    if (done.has(markId(raw.id))) return;
    let data: unknown;
    try {
      data = definition.codec.decode(raw.data);
    } catch (error) {
      await deadLetter(topic, partition, message, error);
      return;
    }
    const event: ConsumedEvent = { ...raw, data, definition, bytes: raw.data, topic, partition, offset: message.offset };
    const parent = propagation.extract(ROOT_CONTEXT, message.headers ?? {}, headerGetter);
    const failure = await tracer.startActiveSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': groupId,
          'messaging.message.id': raw.id,
          'messaging.kafka.offset': Number(message.offset),
          'cloudevents.event_type': raw.type,
        },
      },
      parent,
      async (span) => {
        try {
          const error = await runHandler(handler, event, heartbeat);
          if (error)
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: error instanceof Error ? error.message : String(error),
            });
          return error;
        } finally {
          span.end();
        }
      },
    );
    if (failure) {
      await deadLetter(topic, partition, message, failure);
      return;
    }
    done.add(markId(raw.id));
    marks.push({
      _id: markId(raw.id),
      consumer: groupId,
      eventId: raw.id,
      type: raw.type,
      topic,
      partition,
      offset: message.offset,
      processedAt: new Date(),
    });
  }

  /** The marks among these messages' events that are already written: one read per chunk. */
  async function alreadyDone(messages: KafkaMessage[]): Promise<Set<string>> {
    const ids = [
      ...new Set(
        messages.flatMap((message) => {
          const id = headerText(message.headers, 'ce_id');
          return id ? [markId(id)] : [];
        }),
      ),
    ];
    if (ids.length === 0) return new Set();
    const found = await processed.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((mark) => mark._id));
  }

  /** After the effects, never before: a crash in between redelivers, and the idempotent handlers absorb it. */
  async function writeMarks(marks: ProcessedEvent[]): Promise<void> {
    if (marks.length === 0) return;
    // Duplicates are marks another member of the group wrote for the same events after a rebalance.
    await duplicateKeyIndexes(processed.insertMany(marks, { ordered: false }));
  }

  /**
   * Handles a chunk of one partition's messages in order; returns how many it finished (handled,
   * skipped or dead-lettered): fewer than all only when stopping interrupted a handler.
   */
  /**
   * The chunk's events through handleBatch, when the consumer has one: the decodable events with a handler and
   * no mark are handed over at once, and on success marked done. Anything else (undecodable, unknown, or the
   * whole chunk when handleBatch throws) is left to the one-at-a-time path, which dead-letters what must be.
   * The group heartbeat is kept while it runs (a batch may wait on slow partners); a rebalance announced
   * meanwhile waits for it to finish, and the offset commit after it, before the partition moves (kafkajs
   * rejoins only when eachBatch returns).
   */
  async function handleBatchOf(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
    done: Set<string>,
    marks: ProcessedEvent[],
  ): Promise<void> {
    const events: ConsumedEvent[] = [];
    const seen = new Set<string>();
    for (const message of messages) {
      let raw: EventEnvelope<Uint8Array>;
      try {
        raw = fromKafkaMessage(message);
      } catch {
        continue;
      }
      // A redelivery within the chunk is handed over once, as the one-at-a-time path skips it once handled.
      if (done.has(markId(raw.id)) || seen.has(raw.id) || !handlerFor(raw.type)) continue;
      const definition = localTypes.get(raw.type) ?? eventType(raw.type);
      if (!definition) continue;
      let data: unknown;
      try {
        data = definition.codec.decode(raw.data);
      } catch {
        continue;
      }
      seen.add(raw.id);
      events.push({ ...raw, data, definition, bytes: raw.data, topic, partition, offset: message.offset });
    }
    if (events.length === 0) return;
    const beat = setInterval(() => void heartbeat().catch(() => undefined), 1000);
    try {
      await tracer.startActiveSpan(
        `process ${topic}`,
        { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'process', 'messaging.destination.name': topic, 'messaging.consumer.group.name': groupId, 'messaging.batch.message_count': events.length } },
        async (span) => {
          try {
            await opts.handleBatch!(events);
          } finally {
            span.end();
          }
        },
      );
    } catch (error) {
      logger.warn({ err: error, topic, partition, events: events.length }, 'batch handler failed; handling the events one at a time');
      return;
    } finally {
      clearInterval(beat);
    }
    const processedAt = new Date();
    for (const event of events) {
      if (done.has(markId(event.id))) continue;
      done.add(markId(event.id));
      marks.push({ _id: markId(event.id), consumer: groupId, eventId: event.id, type: event.type, topic, partition, offset: event.offset, processedAt });
    }
  }

  async function handleChunk(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<number> {
    const done = await alreadyDone(messages);
    const marks: ProcessedEvent[] = [];
    let finished = 0;
    try {
      if (opts.handleBatch) await handleBatchOf(topic, partition, messages, heartbeat, done, marks);
      for (const message of messages) {
        await handle(topic, partition, message, heartbeat, done, marks);
        finished++;
        // Cheap: kafkajs sends one only when the heartbeat interval has passed.
        await heartbeat();
      }
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
    } finally {
      await writeMarks(marks);
    }
    return finished;
  }

  return {
    async start() {
      const subscribed = subscribedTopics();
      if (subscribed.length === 0)
        throw new Error(`consumer ${groupId}: its handlers name no known topic; pass topics`);
      await processed.createIndex({ consumer: 1, eventId: 1 }, { unique: true, name: 'consumer_event' });
      await ensureTopics(kafka, subscribed, opts.partitions);
      await waitForGroupCoordinator(kafka, groupId);
      producer = await createEventProducer(kafka);
      consumer = kafka.consumer({ groupId, sessionTimeout: opts.sessionTimeoutMs ?? 10_000, heartbeatInterval: 1_000 });
      // Resolves on the first group join; a crash before that (e.g. an unknown topic) fails start().
      const joined = new Promise<void>((resolve, reject) => {
        const removeJoin = consumer!.on(consumer!.events.GROUP_JOIN, () => {
          removeJoin();
          removeCrash();
          resolve();
        });
        const removeCrash = consumer!.on(consumer!.events.CRASH, (event) => {
          removeJoin();
          removeCrash();
          reject(event.payload.error);
        });
      });
      await consumer.connect();
      await consumer.subscribe({ topics: subscribed, fromBeginning: opts.fromBeginning ?? true });
      await consumer.run({
        // Committed explicitly below, after each chunk is handled or dead-lettered and its marks written.
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 3,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          const { topic, partition } = batch;
          for (let start = 0; start < batch.messages.length; start += chunkSize) {
            if (!isRunning() || isStale()) return;
            const chunk = batch.messages.slice(start, start + chunkSize);
            const finished = await handleChunk(topic, partition, chunk, heartbeat);
            if (finished > 0) {
              const last = chunk[finished - 1]!;
              await consumer!.commitOffsets([{ topic, partition, offset: (BigInt(last.offset) + 1n).toString() }]);
              resolveOffset(last.offset);
            }
            // Interrupted: the rest is not committed, and the next owner re-reads it.
            if (finished < chunk.length) return;
          }
        },
      });
      await joined;
      logger.info({ topics: subscribed }, 'event consumer started');
    },
    async stop() {
      stopping = true;
      stopSignal.abort();
      await consumer?.disconnect();
      await producer?.disconnect();
      consumer = undefined;
      producer = undefined;
    },
  };
}

class Interrupted extends Error {
  override readonly name = 'Interrupted';
}
