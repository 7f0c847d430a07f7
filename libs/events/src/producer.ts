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

/**
 * Creates the missing topics (and their DLQs) and returns once every one has a leader for each partition;
 * tolerates another process creating them at the same time.
 */
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
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
        }
        // A topic another instance has just created is listed before its metadata reaches every broker view:
        // subscribing then fails with UNKNOWN_TOPIC_OR_PARTITION (kafkajs #1222, #815). Wait for the leaders.
        const { topics: described } = await admin.fetchTopicMetadata({ topics: wanted });
        if (described.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
        if (attempt >= 10) throw new Error(`topics without a leader after ${attempt} attempts: ${wanted.join(', ')}`);
      } catch (err) {
        const type = (err as { type?: string }).type;
        if (attempt >= 10 || (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE')) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 1000)));
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the broker can name `groupId`'s coordinator. On a fresh broker the group coordinator is not there until
 * `__consumer_offsets` exists and has leaders, which a loaded machine takes longer to reach than kafkajs' own retries
 * wait for a joining consumer (it then crashes with NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE, and the service
 * fails to start). Bounded by `timeoutMs`; the last error is thrown after it.
 */
export async function waitForGroupCoordinator(kafka: Kafka, groupId: string, timeoutMs = 120_000): Promise<void> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  const deadline = Date.now() + timeoutMs;
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.describeGroups([groupId]);
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
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
