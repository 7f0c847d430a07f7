// A service's consumers are files: `src/consumers/<purpose>.consumer.ts`, each one defineConsumer
// naming what it consumes and a thin handler that calls a use case. Running it (group, database,
// retries, DLQ) is the same createEventConsumer for every service; on the service host it is one part.
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { createEventConsumer, type ConsumedEvent, type EventConsumer, type EventConsumerOptions } from './consumer';
import { matchesEventType } from './event-type-pattern';
import { topics as catalogueTopics, topicsForPattern, type EventType } from './registry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any definition, whatever its message type
type AnyEventType = EventType<any>;

/** The data a handler receives: the message type of each listed definition; unknown for a pattern. */
type DataOf<E> = E extends EventType<infer T> ? T : unknown;

/** Per-consumer knobs of createEventConsumer (retries, backoff, chunking, where a new group starts). */
export type ConsumerTuning = Pick<
  EventConsumerOptions,
  'retries' | 'backoffMs' | 'maxBackoffMs' | 'fromBeginning' | 'partitionsConsumedConcurrently' | 'chunkSize' | 'partitions' | 'handleBatch'
>;

export interface ConsumerDefinition<E extends AnyEventType | string> extends ConsumerTuning {
  /** What the consumer is for, kebab-case: `certificate-badges`. Names its group unless `group` does. */
  name: string;
  /** The Kafka consumer group and the dedupe scope of its marks (default `<service>.<name>`). */
  group?: string;
  /** Catalogue definitions (`BusinessApproved`), or patterns: `hangviet.registry.business.*`, `*` (every event). */
  events: readonly E[];
  /** Event types outside the platform catalogue it can decode (tests). */
  types?: readonly EventType[];
  /**
   * MUST be idempotent (an effect keyed by the event id, or its mark in the same update as the effect).
   * The event carries its catalogue `definition` and its protobuf `bytes`.
   */
  handle(event: ConsumedEvent<DataOf<E>>): Promise<void>;
}

export interface DefinedConsumer extends ConsumerTuning {
  readonly name: string;
  readonly group: string | undefined;
  /** Exact ce_types and patterns, as createEventConsumer's handler keys. */
  readonly patterns: readonly string[];
  readonly types: readonly EventType[];
  handle(event: ConsumedEvent): Promise<void>;
  /** The catalogue topics these patterns need (before any prefix). */
  topics(): string[];
}

const CONSUMER_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function defineConsumer<E extends AnyEventType | string>(definition: ConsumerDefinition<E>): DefinedConsumer {
  if (!CONSUMER_NAME.test(definition.name)) throw new Error(`consumer name '${definition.name}' must be kebab-case`);
  if (definition.events.length === 0) throw new Error(`consumer '${definition.name}' names no events`);
  const { name, group, events, types = [], handle, ...tuning } = definition;
  const patterns = [...new Set(events.map((e) => (typeof e === 'string' ? e : e.type)))];
  // The definitions it lists decode without the catalogue's registry; patterns need the catalogue loaded.
  const listed = events.filter((e): e is Exclude<E, string> => typeof e !== 'string');
  return Object.freeze({
    ...tuning,
    name,
    group,
    patterns,
    types: [...types, ...listed],
    handle: handle as (event: ConsumedEvent) => Promise<void>,
    topics() {
      const found = new Set<string>();
      for (const pattern of patterns) {
        if (pattern === '*') catalogueTopics().forEach((t) => found.add(t));
        else topicsForPattern(pattern).forEach((t) => found.add(t));
        for (const t of types) if (matchesEventType(pattern, t.type)) found.add(t.topic);
      }
      if (found.size === 0) throw new Error(`consumer '${name}': ${patterns.join(', ')} names no topic; load the catalogue (import '@hangviet/events/catalog')`);
      return [...found].sort();
    },
  });
}

export interface ConsumerRuntime {
  kafka: Kafka;
  /** Holds the consumer's processed_events marks: the service's own database. */
  db: Db;
  logger: Logger;
  /** The service, for the default group `<service>.<name>`. */
  service: string;
  /** Prepended to every subscribed topic (tests, shared clusters), as the producer's prefix. */
  topicPrefix?: string;
  /** Replaces the subscribed topics (e.g. an operator's list), before the prefix. */
  topics?: string[];
}

/** The running form of a defined consumer: createEventConsumer with the definition's handler under its patterns. */
export function runConsumer(consumer: DefinedConsumer, runtime: ConsumerRuntime): EventConsumer {
  const prefix = runtime.topicPrefix ?? '';
  const { name: _name, group, patterns, types, handle, topics, ...tuning } = consumer;
  return createEventConsumer({
    ...tuning,
    kafka: runtime.kafka,
    db: runtime.db,
    logger: runtime.logger.child({ consumer: consumer.name }),
    groupId: group ?? `${runtime.service}.${consumer.name}`,
    handlers: Object.fromEntries(patterns.map((pattern) => [pattern, handle])),
    types: [...types],
    topics: (runtime.topics ?? topics()).map((t) => `${prefix}${t}`),
  });
}
