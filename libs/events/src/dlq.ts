// Dead-letter topics: reading them and replaying their letters to the topics they came from.
import { randomBytes } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { headerText } from './envelope';
import { createEventProducer } from './producer';

export interface TopicRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic up to the end it has now (its high watermarks when the call starts), in each partition's
 * order. With `groupId`, it starts at the group's committed offsets and `onRecord` commits each record
 * after it returns; without, it reads everything from the beginning and commits nothing.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onRecord: (record: TopicRecord) => Promise<void>,
  opts: { groupId?: string } = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = opts.groupId ?? `hangviet.read.${randomBytes(6).toString('hex')}`;
  let remaining: Map<number, bigint>;
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const committed = opts.groupId ? await admin.fetchOffsets({ groupId, topics: [topic] }) : [];
    const startOf = new Map(
      committed.flatMap((t) => t.partitions).map((p) => [p.partition, BigInt(p.offset)]),
    );
    remaining = new Map(
      ends
        .filter((p) => BigInt(p.high) > BigInt(p.low) && (startOf.get(p.partition) ?? -1n) < BigInt(p.high))
        .map((p) => [p.partition, BigInt(p.high)]),
    );
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return;

  const consumer = kafka.consumer({ groupId });
  let failure: unknown;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const removeCrash = consumer.on(consumer.events.CRASH, (event) => {
    failure = event.payload.error;
    finish();
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const end = remaining.get(partition);
        if (end === undefined || BigInt(message.offset) >= end) return;
        try {
          await onRecord({ topic, partition, message });
        } catch (error) {
          failure = error;
          finish();
          throw error;
        }
        const next = BigInt(message.offset) + 1n;
        if (opts.groupId) await consumer.commitOffsets([{ topic, partition, offset: next.toString() }]);
        if (next >= end) {
          remaining.delete(partition);
          if (remaining.size === 0) finish();
        }
      },
    });
    await finished;
  } finally {
    removeCrash();
    await consumer.disconnect();
    if (!opts.groupId) {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }
  if (failure) throw failure;
}

export interface DeadLetter {
  partition: number;
  offset: string;
  ceId?: string;
  ceType?: string;
  error?: string;
  consumer?: string;
  originalTopic?: string;
  originalPartition?: string;
  originalOffset?: string;
  failedAt?: string;
}

/** `<topic>.dlq` for a topic; a DLQ name is kept as it is. */
export const deadLetterTopicOf = (topic: string): string => (topic.endsWith('.dlq') ? topic : `${topic}.dlq`);

export function describeDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const h = message.headers;
  return {
    partition,
    offset: message.offset,
    ceId: headerText(h, 'ce_id'),
    ceType: headerText(h, 'ce_type'),
    error: headerText(h, 'dlq_error'),
    consumer: headerText(h, 'dlq_consumer'),
    originalTopic: headerText(h, 'dlq_original_topic'),
    originalPartition: headerText(h, 'dlq_original_partition'),
    originalOffset: headerText(h, 'dlq_original_offset'),
    failedAt: headerText(h, 'dlq_failed_at'),
  };
}

/** Every letter in a dead-letter topic (`topic` or `topic.dlq`), oldest first per partition. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  await readTopicToEnd(kafka, deadLetterTopicOf(topic), async ({ partition, message }) => {
    letters.push(describeDeadLetter(partition, message));
  });
  return letters;
}

export const DEFAULT_REPLAYER_GROUP = 'hangviet.dlq-replayer';

/**
 * Re-publishes each letter not yet replayed to the topic it came from, with its key, value and ce_*
 * headers (same ce_id, so consumers that did handle it skip it), and without the dlq_* headers. The
 * replayer group's committed offsets remember what was replayed; a crash mid-way replays at most one
 * letter twice, which the consumers' dedupe absorbs.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  topic: string,
  opts: { groupId?: string; onReplayed?: (letter: DeadLetter) => void } = {},
): Promise<{ replayed: number }> {
  const producer = await createEventProducer(kafka);
  let replayed = 0;
  try {
    await readTopicToEnd(
      kafka,
      deadLetterTopicOf(topic),
      async ({ partition, message }) => {
        const letter = describeDeadLetter(partition, message);
        if (!letter.originalTopic)
          throw new Error(`letter at ${partition}/${message.offset} has no dlq_original_topic header`);
        const headers: IHeaders = Object.fromEntries(
          Object.entries(message.headers ?? {}).filter(([name]) => !name.startsWith('dlq_')),
        );
        await producer.send(letter.originalTopic, [{ key: message.key, value: message.value, headers }]);
        replayed++;
        opts.onReplayed?.(letter);
      },
      { groupId: opts.groupId ?? DEFAULT_REPLAYER_GROUP },
    );
  } finally {
    await producer.disconnect();
  }
  return { replayed };
}
