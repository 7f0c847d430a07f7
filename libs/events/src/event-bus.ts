// The events side of the service host (libs/service-kit): Kafka, the outbox relay and the consumers as
// parts, so a composition root lists them and the host starts, checks and stops them with the rest.
import type { ServicePart } from '@hangviet/service-kit';
import type { Admin, Kafka } from 'kafkajs';
import type { Collection, Db, Document, ObjectId } from 'mongodb';
import type { Logger } from 'pino';
import { runConsumer, type DefinedConsumer } from './define-consumer';
import { createOutboxRelay, type OutboxFields, type OutboxRelay, type OutboxRelayOptions } from './outbox';
import { createEventProducer, createKafka, type EventProducer } from './producer';

/** What the parts need of the host: its name, Kafka brokers, logger and database. */
export interface BusHost {
  service: string;
  config: { KAFKA_BROKERS: string[] };
  logger: Logger;
  db: Db;
}

export interface EventBusOptions {
  /** Prepended to every topic the service publishes to or consumes from (tests, shared clusters). */
  topicPrefix?: string;
  /** Topics the service publishes to: created at start, each with its `.dlq`. */
  publishes?: string[];
  /** Kafka client id (default the service name). */
  clientId?: string;
}

export interface EventBus extends ServicePart {
  readonly kafka: Kafka;
  /** Sends to `<prefix><topic>`: the catalogue's topic names stay the contract. */
  readonly producer: EventProducer;
  readonly topicPrefix: string;
  readonly host: BusHost;
}

/** Kafka for a service: a client, the idempotent producer, its topics, and a readiness check. */
export function eventBus(host: BusHost, opts: EventBusOptions = {}): EventBus {
  const topicPrefix = opts.topicPrefix ?? '';
  const kafka = createKafka({ clientId: opts.clientId ?? host.service, brokers: host.config.KAFKA_BROKERS, logger: host.logger });
  let producer: EventProducer | undefined;
  let admin: Admin | undefined;
  const connected = (): EventProducer => {
    if (!producer) throw new Error('the event bus is not started');
    return producer;
  };
  return {
    name: 'kafka',
    kafka,
    topicPrefix,
    host,
    producer: {
      send: (topic, messages) => connected().send(`${topicPrefix}${topic}`, messages),
      ensureTopics: (names, partitions) => connected().ensureTopics(names.map((t) => `${topicPrefix}${t}`), partitions),
      disconnect: async () => producer?.disconnect(),
    },
    async start() {
      producer = await createEventProducer(kafka);
      admin = kafka.admin();
      await admin.connect();
      if (opts.publishes?.length) await producer.ensureTopics(opts.publishes.map((t) => `${topicPrefix}${t}`));
    },
    async ready() {
      // One metadata round trip: the broker answers, so sends and consumer joins can proceed.
      await admin!.describeCluster();
    },
    async stop() {
      await admin?.disconnect();
      await producer?.disconnect();
      producer = undefined;
      admin = undefined;
    },
  };
}

export type OutboxRelayPart = ServicePart & Pick<OutboxRelay, 'publish' | 'publishMany'>;

/** The outbox relay and its sweeper for one collection of aggregates, publishing through the bus. */
export function outboxRelay<T extends OutboxFields = Document>(
  bus: EventBus,
  collection: Collection<T>,
  opts: Omit<OutboxRelayOptions<T>, 'collection' | 'producer' | 'logger'> = {},
): OutboxRelayPart {
  const relay = createOutboxRelay<T>({ ...opts, collection, producer: bus.producer, logger: bus.host.logger });
  return {
    name: `outbox relay (${collection.collectionName})`,
    publish: (id: string | ObjectId) => relay.publish(id),
    publishMany: (ids: readonly (string | ObjectId)[]) => relay.publishMany(ids),
    start: () => relay.start(),
    stop: () => relay.stop(),
  };
}

/** The service's consumers (its `src/consumers/*.consumer.ts`), each in its own group. */
export function consumers(bus: EventBus, defined: DefinedConsumer[], opts: { topics?: string[] } = {}): ServicePart {
  const running = defined.map((consumer) =>
    runConsumer(consumer, {
      kafka: bus.kafka,
      db: bus.host.db,
      logger: bus.host.logger,
      service: bus.host.service,
      topicPrefix: bus.topicPrefix,
      ...(opts.topics?.length ? { topics: opts.topics } : {}),
    }),
  );
  return {
    name: `consumers (${defined.map((c) => c.name).join(', ')})`,
    // One after the other: two consumers creating the same missing topic at once could subscribe before its leaders exist.
    async start() {
      for (const consumer of running) await consumer.start();
    },
    stop: async () => void (await Promise.all(running.map((c) => c.stop()))),
  };
}
