// Shared set-up for the integration tests: a scope of their own (database, topic prefix, groups),
// a Kafka client, a database, a test event type and a way to wait for Kafka to catch up.
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { testScope, type TestScope } from '@hangviet/testing';
import type { Kafka } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import pino from 'pino';
import { createKafka, defineEvent, type EventType } from '../src';

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export interface Harness {
  scope: TestScope;
  kafka: Kafka;
  client: MongoClient;
  db: Db;
  /** `<prefix>.hangviet.test.widget.changed.v1`, data: ErrorInfo (reason, domain, metadata). */
  changed: EventType<ErrorInfo>;
  close(): Promise<void>;
}

export async function openHarness(label: string): Promise<Harness> {
  const scope = testScope(label);
  const kafka = createKafka({ clientId: `test-${label}`, brokers: scope.kafkaBrokers, logger });
  const client = await MongoClient.connect(scope.mongoUrl);
  const db = client.db(scope.databaseName);
  const changed = defineEvent(
    `${scope.topic('hangviet.test.widget')}.changed.v1`,
    ErrorInfo,
    'a test widget changed',
  );
  return {
    scope,
    kafka,
    client,
    db,
    changed,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

export function widgetData(reason: string, metadata: Record<string, string> = {}): ErrorInfo {
  return { reason, domain: 'test.hangviet.vn', metadata };
}

/** Whether a group has committed every partition of a topic up to its current end. */
export async function caughtUp(kafka: Kafka, groupId: string, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    return ends.every((p) => BigInt(p.high) === 0n || (at.get(p.partition) ?? -1n) >= BigInt(p.high));
  } finally {
    await admin.disconnect();
  }
}
