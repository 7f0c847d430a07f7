// A service's integration tests start it with this: the whole service in-process (its definition on the shared
// host) against the real database and Kafka, on ephemeral ports, with this test file's own database, topic
// prefix, consumer groups and signing keys; tokens for every role from those keys and the default issuer; what
// the service publishes collected from Kafka; events published to it as another service would.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';
import { createEventProducer, createKafka, eventType, fromKafkaMessage, toKafkaMessage, type EventProducer, type EventType } from '@hangviet/events';
import '@hangviet/events/catalog'; // decodes whatever the service publishes
import {
  ensureDevKeys,
  loadConfig,
  mintDevToken,
  startService,
  type DevTokenClaims,
  type RunningService,
  type ServiceDefinition,
  type StartOptions,
} from '@hangviet/service-kit';
import { testScope, type TestScope } from '@hangviet/testing';
import type { Consumer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import type { z } from 'zod';

// A real database and broker shared with other test files: allow for load. (The preset's testTimeout does not
// reach files run through the root multi-project config.)
jest.setTimeout(60_000);

export interface ServiceHarnessOptions<C> {
  /** Names this test file's database, topic prefix and consumer groups. */
  label: string;
  /**
   * Settings over the harness's (its database, brokers, topic prefix, keys, silent logs, no demo data); a function
   * of the scope and the keys' directory when a setting names them.
   */
  env?: Record<string, string> | ((given: { scope: TestScope; keys: string }) => Record<string, string>);
  /**
   * Another harness's scope (database, topic prefix) or signing keys, for a second service in this process beside
   * it: what is shared is that harness's to clean up.
   */
  share?: { scope?: TestScope; keys?: string };
  /** The rest of startService's options (a logger, an authenticator, a listen address). */
  start?: Omit<StartOptions<C>, 'config'>;
}

/** An event the service published, decoded with the catalogue. */
export interface ReceivedEvent {
  type: string;
  subject: string;
  source: string;
  data: Record<string, unknown>;
}

/** A business as the directory's events describe it (the rest of its snapshot stays at the defaults). */
export interface TestBusiness {
  id: string;
  status: BusinessStatus;
  version: number;
  name?: string;
  provinceCode?: string;
  /** The registry's owner decides who may act for the business; `owner-<id>` (the default enterprise token's subject) unless named. */
  ownerSubject?: string;
}

export interface ServiceHarness<C, R> {
  scope: TestScope;
  config: C;
  service: RunningService<C, R>;
  /** What the service's compose returned (its use cases' dependencies). */
  parts: R;
  /** `http://127.0.0.1:<port>` */
  base: string;
  http: ReturnType<typeof request>;
  /** The directory of the signing keys the service trusts. */
  keys: string;
  /** Mints a token the service accepts (the configured issuer and audience). */
  token(claims: DevTokenClaims): Promise<string>;
  /** Ready tokens of each role. */
  tokens: {
    staff: string;
    admin: string;
    partner: string;
    /** A service calling over gRPC (subject `test-service`). */
    service: string;
    enterprise(businessId: string, subject?: string): Promise<string>;
  };
  producer: EventProducer;
  /** Every event collected by listen(), in order of arrival. */
  received: ReceivedEvent[];
  /** Collects every event published on `topic` (unprefixed) from the beginning into `received`. */
  listen(topic: string): Promise<void>;
  /** Publishes an event to the service's prefixed topic, as `source` would; resolves to its ce_id. */
  publish<T>(event: EventType<T>, subject: string, data: T, opts?: { id?: string; source?: string; time?: Date }): Promise<string>;
  /** Publishes a directory event about a business, as business-registry would. */
  publishBusiness<T>(event: EventType<T>, business: TestBusiness, time?: Date, extra?: Record<string, unknown>): Promise<void>;
  /** Stops the service and the harness's Kafka clients, then drops the database. */
  stop(): Promise<void>;
}

export async function startServiceHarness<S extends z.ZodObject, R>(
  definition: ServiceDefinition<S, R>,
  opts: ServiceHarnessOptions<z.infer<S>>,
): Promise<ServiceHarness<z.infer<S>, R>> {
  type C = z.infer<S>;
  const { label } = opts;
  const scope = opts.share?.scope ?? testScope(label);
  const keys = opts.share?.keys ?? (await mkdtemp(join(tmpdir(), `${definition.name}-keys-`)));
  await ensureDevKeys(keys);
  const config = {
    ...loadConfig(definition.config, {
      MONGO_URL: scope.mongoUrl,
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: scope.topic(''),
      AUTH_JWKS_FILE: join(keys, 'jwks.json'),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SEED_DEMO_DATA: 'false',
      ...(typeof opts.env === 'function' ? opts.env({ scope, keys }) : opts.env),
    }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  } as C;
  const service = await startService(definition, { ...opts.start, config });
  const kafka = createKafka({ clientId: `${label}-test`, brokers: scope.kafkaBrokers });
  const producer = await createEventProducer(kafka);
  const prefix = (config as { KAFKA_TOPIC_PREFIX?: string }).KAFKA_TOPIC_PREFIX ?? '';
  const { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = config as { AUTH_ISSUER: string; AUTH_AUDIENCE: string };
  const token = (claims: DevTokenClaims) => mintDevToken({ issuer, audience, ...claims }, keys);

  const received: ReceivedEvent[] = [];
  const consumers: Consumer[] = [];
  async function listen(topic: string): Promise<void> {
    const consumer = kafka.consumer({ groupId: scope.group(`${label}-listener-${consumers.length}`) });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}${topic}`, fromBeginning: true });
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

  async function publish<T>(event: EventType<T>, subject: string, data: T, o: { id?: string; source?: string; time?: Date } = {}): Promise<string> {
    const id = o.id ?? randomUUID();
    const time = (o.time ?? new Date()).toISOString();
    await producer.send(`${prefix}${event.topic}`, [toKafkaMessage({ id, type: event.type, source: o.source ?? 'business-registry', subject, time, data }, event.codec)]);
    return id;
  }

  async function publishBusiness<T>(event: EventType<T>, business: TestBusiness, time = new Date(), extra: Record<string, unknown> = {}): Promise<void> {
    // Every directory event carries the business's snapshot (the rest of each message stays at its defaults).
    const snapshot = BusinessSnapshot.fromPartial({
      id: business.id,
      status: business.status,
      version: String(business.version),
      tradeName: business.name ?? `Cơ sở ${business.id.slice(0, 6)}`,
      address: { provinceCode: business.provinceCode ?? '86' },
      ownerSubject: business.ownerSubject ?? `owner-${business.id}`,
    });
    await publish(event, business.id, event.codec.fromJSON({ business: BusinessSnapshot.toJSON(snapshot), ...extra }), { time });
  }

  return {
    scope,
    config,
    service,
    parts: service.parts,
    base: `http://127.0.0.1:${service.httpPort}`,
    http: request(`http://127.0.0.1:${service.httpPort}`),
    keys,
    token,
    tokens: {
      staff: await token({ role: 'staff', subject: 'staff-1' }),
      admin: await token({ role: 'admin', subject: 'admin-1' }),
      partner: await token({ role: 'partner', partnerId: 'portal', subject: 'partner-1' }),
      service: await token({ role: 'service', service: 'test-service' }),
      enterprise: (businessId, subject = `owner-${businessId}`) => token({ role: 'enterprise', businessId, subject }),
    },
    producer,
    received,
    listen,
    publish,
    publishBusiness,
    async stop() {
      await Promise.all(consumers.map((c) => c.disconnect()));
      await producer.disconnect();
      await service.stop();
      if (!opts.share?.keys) await rm(keys, { recursive: true, force: true });
      if (opts.share?.scope) return;
      // Dropped once the service has stopped: its consumers and jobs would write it anew.
      const client = await MongoClient.connect(scope.mongoUrl);
      await client.db(scope.databaseName).dropDatabase().finally(() => client.close());
    },
  };
}
