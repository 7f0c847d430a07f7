import { Kafka, Partitioners, logLevel, type LogEntry, type Message, type Producer } from 'kafkajs';
import type { Logger } from 'pino';

export interface EventProducer {
  /** Sends the messages in order and resolves once every in-sync replica has them (acks = all). */
  send(topic: string, messages: Message[]): Promise<void>;
  /** Creates the topics that are missing, each with its `<topic>.dlq`. */
  ensureTopics(topics: string[], partitions?: number): Promise<void>;
  disconnect(): Promise<void>;
}

export const DEFAULT_PARTITIONS = 3;
export const dlqTopic = (topic: string): string => `${topic}.dlq`;

/**
 * A kafkajs client whose own logs go to pino at warn and above (kafkajs is chatty at info: every
 * group join and rebalance). Without a logger kafkajs is silenced.
 */
export function createKafka(opts: { clientId: string; brokers: string[]; logger?: Logger }): Kafka {
  const { logger } = opts;
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: logger ? logLevel.WARN : logLevel.NOTHING,
    logCreator: () => (entry: LogEntry) => {
      if (!logger) return;
      const {
        message,
        timestamp: _timestamp,
        logger: _name,
        ...extra
      } = entry.log as LogEntry['log'] & { logger?: string };
      const fields = { kafkajs: entry.namespace, ...extra };
      if (entry.level === logLevel.ERROR) logger.error(fields, message);
      else if (entry.level === logLevel.WARN) logger.warn(fields, message);
      else logger.debug(fields, message);
    },
  });
}

/** Creates the missing topics (and their DLQs); tolerates another process creating them at the same time. */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  partitions = DEFAULT_PARTITIONS,
): Promise<void> {
  const wanted = [...new Set(topics.flatMap((t) => (t.endsWith('.dlq') ? [t] : [t, dlqTopic(t)])))];
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({
          topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
          waitForLeaders: true,
        });
        return;
      } catch (err) {
        // kafkajs' wait for leaders can read metadata before the new topic is in it and throw
        // UNKNOWN_TOPIC_OR_PARTITION (kafkajs #1222, #815): the topic is being created, so look again.
        const type = (err as { type?: string }).type;
        if (attempt >= 5 || (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE')) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * An idempotent producer: the broker drops duplicates of a retried batch, and with one request in
 * flight a retry cannot overtake a later batch, so one key's events keep the order they were sent in.
 */
export async function createEventProducer(kafka: Kafka): Promise<EventProducer> {
  const producer: Producer = kafka.producer({
    // The Java client's murmur2 partitioning (kafkajs' default since 2.0), named so kafkajs does not warn about it.
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  return {
    async send(topic, messages) {
      if (messages.length === 0) return;
      await producer.send({ topic, messages, acks: -1 });
    },
    ensureTopics: (topics, partitions) => ensureTopics(kafka, topics, partitions),
    disconnect: () => producer.disconnect(),
  };
}
