// Starts the whole service in-process against the real database and Kafka, on ephemeral ports, with
// its own database, topic prefix, consumer group and signing keys; publishes directory events; reads
// what the service published.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';
import { createEventProducer, createKafka, eventType, fromKafkaMessage, toKafkaMessage, type EventProducer, type EventType } from '@hangviet/events';
import { ensureDevKeys, loadConfig, mintDevToken, startService, type DevTokenClaims } from '@hangviet/service-kit';
import { testScope, type TestScope } from '@hangviet/testing';
import type { Consumer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { configSchema } from '../../src/config';
import { {{nameCamel}}Service } from '../../src/service';

// A real database and broker shared with other test files: allow for load.
jest.setTimeout(60_000);

export interface Received {
  type: string;
  subject: string;
  source: string;
  data: Record<string, unknown>;
}

export async function startHarness(label: string) {
  const scope: TestScope = testScope(label);
  const keys = await mkdtemp(join(tmpdir(), '{{name}}-keys-'));
  await ensureDevKeys(keys);
  const config = {
    ...loadConfig(configSchema, {
      MONGO_URL: scope.mongoUrl,
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: scope.topic(''),
      // Nothing listens here: a business unknown to the copy is unknown.
      BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1',
      AUTH_JWKS_FILE: join(keys, 'jwks.json'),
      LOG_LEVEL: 'silent',
    }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  };
  const service = await startService({{nameCamel}}Service, { config });
  const kafka = createKafka({ clientId: `${label}-test`, brokers: scope.kafkaBrokers });
  const producer: EventProducer = await createEventProducer(kafka);

  const received: Received[] = [];
  const consumers: Consumer[] = [];
  /** Collects every event the service publishes on `topic` (unprefixed name) from the beginning. */
  async function listen(topic: string): Promise<void> {
    const consumer = kafka.consumer({ groupId: scope.group(`${label}-listener-${consumers.length}`) });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: scope.topic(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = fromKafkaMessage(message);
        const definition = eventType(envelope.type);
        if (!definition) throw new Error(`unknown event type ${envelope.type}`);
        const data = definition.codec.toJSON(definition.codec.decode(envelope.data)) as Record<string, unknown>;
        received.push({ type: envelope.type, subject: envelope.subject, source: envelope.source, data });
      },
    });
  }

  /** Publishes a directory event about a business, as business-registry would. */
  async function publishBusiness<T>(event: EventType<T>, business: { id: string; status: BusinessStatus; version: number; ownerSubject?: string }, time = new Date()): Promise<void> {
    // Every directory event carries the business's snapshot (the rest of each message stays at its defaults);
    // its owner decides who may act for it.
    const snapshot = BusinessSnapshot.fromPartial({ id: business.id, status: business.status, version: String(business.version), ownerSubject: business.ownerSubject ?? `owner-${business.id}` });
    const data = event.codec.fromJSON({ business: BusinessSnapshot.toJSON(snapshot) });
    await producer.send(scope.topic(event.topic), [
      toKafkaMessage({ id: randomUUID(), type: event.type, source: 'business-registry', subject: business.id, time: time.toISOString(), data }, event.codec),
    ]);
  }

  /** Resolves once `predicate` holds; the test's timeout bounds the wait. */
  async function eventually<T>(probe: () => Promise<T> | T, predicate: (value: T) => boolean): Promise<T> {
    for (;;) {
      const value = await probe();
      if (predicate(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    scope,
    service,
    deps: service.parts,
    http: request(`http://127.0.0.1:${service.httpPort}`),
    token: (claims: DevTokenClaims) => mintDevToken(claims, keys),
    received,
    listen,
    publishBusiness,
    eventually,
    async stop() {
      await Promise.all(consumers.map((c) => c.disconnect()));
      await producer.disconnect();
      await service.stop();
      // Dropped once the service has stopped: its consumer and scheduler would write it anew.
      const client = await MongoClient.connect(scope.mongoUrl);
      await client.db(scope.databaseName).dropDatabase().finally(() => client.close());
      await rm(keys, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });
