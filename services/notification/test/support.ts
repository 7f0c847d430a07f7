// Shared pieces of the integration tests: a service on ephemeral ports against the real Kafka and
// database of this test file's scope, a local mail sink, local webhook receivers, and dev tokens.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BusinessApproved, BusinessRegistered } from '@hangviet/events/catalog';
import { createEventProducer, createKafka, toKafkaMessage, type EventProducer, type EventType } from '@hangviet/events';
import { createAuthenticator, createLogger, mintDevToken, type Role } from '@hangviet/service-kit';
import { testScope, type TestScope } from '@hangviet/testing';
import { MongoClient } from 'mongodb';
import { loadNotificationConfig, type Config } from '../src/config';
import { startNotificationService, type NotificationService } from '../src/app';
import type { NotificationOverrides } from '../src/service';
import { startMailSink, type MailSink } from '../../../deploy/local/mail-sink/mail-sink';

export const REGISTRY_TOPIC = 'hangviet.registry.business';
export const DELIVERY_TOPIC = 'hangviet.notification.delivery';

export interface Harness {
  scope: TestScope;
  service: NotificationService;
  mail: MailSink;
  producer: EventProducer;
  base: string;
  token(role: Role, extra?: { partnerId?: string; businessId?: string; email?: string; subject?: string }): Promise<string>;
  publish<T>(type: EventType<T>, subject: string, data: T, id?: string): Promise<string>;
  /** Records an ACTIVE business and its owner in the service's copy of the directory, as its approval event would (default owner: the dev token's subject). */
  knowBusiness(businessId: string, ownerSubject?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(label: string, env: Record<string, string> = {}, opts: NotificationOverrides = {}): Promise<Harness> {
  const scope = testScope(label);
  const keysDir = await mkdtemp(join(tmpdir(), 'notification-keys-'));
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const topic = scope.topic(REGISTRY_TOPIC);
  const config: Config = loadNotificationConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGO_URL: scope.mongoUrl,
    KAFKA_BROKERS: scope.kafkaBrokers.join(','),
    // Every catalogue topic under this file's prefix: the registry's events, and the service's own
    // operational events, which it publishes and consumes back.
    KAFKA_TOPIC_PREFIX: scope.topic(''),
    CONSUMER_GROUP: scope.group('notification'),
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    // Nothing listens here: a business unknown to the copy is unknown (the gRPC fallback is tested with the registry).
    BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1',
    WORKER_POLL_INTERVAL: '100ms',
    WORKER_CONCURRENCY: '4',
    ...env,
  });
  config.HTTP_PORT = 0;
  config.GRPC_PORT = 0;
  const logger = createLogger({ service: 'notification-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const authenticator = createAuthenticator({ issuer: 'hangviet-dev', audience: 'hangviet', jwksFile: join(keysDir, 'jwks.json') });
  await mintDevToken({ role: 'staff' }, keysDir); // creates the key pair the authenticator reads
  const service = await startNotificationService(config, { logger, authenticator, host: '127.0.0.1', ...opts });
  const kafka = createKafka({ clientId: `t-${scope.id}`, brokers: scope.kafkaBrokers });
  const producer = await createEventProducer(kafka);
  return {
    scope,
    service,
    mail,
    producer,
    base: `http://127.0.0.1:${service.httpPort}`,
    token: (role, extra = {}) =>
      mintDevToken({ role, ...extra, issuer: 'hangviet-dev', audience: 'hangviet', ...(role === 'partner' && !extra.partnerId ? { partnerId: 'p1' } : {}) }, keysDir),
    async publish(type, subject, data, id = randomUUID()) {
      await producer.send(topic, [
        toKafkaMessage({ id, type: type.type, source: 'business-registry', subject, time: new Date().toISOString(), data }, type.codec),
      ]);
      return id;
    },
    async knowBusiness(businessId, ownerSubject = `dev-enterprise-${businessId}`) {
      await service.deps.businesses.record({ id: businessId, name: businessId, status: 'ACTIVE', provinceCode: '86', ownerSubject, version: 2, updateTime: new Date() });
    },
    async close() {
      await producer.disconnect();
      await service.stop();
      // Dropped after the workers stopped, so none of them recreates a collection afterwards.
      const client = await MongoClient.connect(scope.mongoUrl);
      await client.db().dropDatabase();
      await client.close();
      await mail.close();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

export function approvedEvent(businessId: string, opts: { email?: string; locale?: string; name?: string } = {}) {
  return BusinessApproved.codec.fromJSON({
    business: {
      id: businessId,
      taxCode: '0101234567',
      legalName: 'Công ty TNHH Gốm Bát Tràng',
      tradeName: opts.name ?? 'Gốm Bát Tràng',
      contactEmail: opts.email ?? 'lienhe@gombattrang.vn',
      preferredLocale: opts.locale ?? 'vi',
      status: 'BUSINESS_STATUS_ACTIVE',
      ownerSubject: `dev-enterprise-${businessId}`,
      version: '2',
    },
    actorSubject: 'staff-1',
    occurredTime: new Date().toISOString(),
  });
}

export function registeredEvent(businessId: string) {
  return BusinessRegistered.codec.fromJSON({
    business: { id: businessId, taxCode: '0109999999', legalName: 'HTX Chè Tân Cương', contactEmail: 'htx@chetancuong.vn', preferredLocale: 'vi', ownerSubject: `dev-enterprise-${businessId}`, version: '1' },
    actorSubject: 'owner-1',
  });
}

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A webhook receiver on 127.0.0.1: answers each request with the next status of `statuses` (the last repeats). */
export async function startReceiver(statuses: number[] = [204]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 204;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The receivers a test file starts, closed together in its afterAll. */
export function receiverPool() {
  const open: { close(): Promise<void> }[] = [];
  return {
    async start(statuses?: number[]) {
      const r = await startReceiver(statuses);
      open.push(r);
      return r;
    },
    closeAll: async () => void (await Promise.all(open.splice(0).map((r) => r.close()))),
  };
}

/** Polls until `check` returns a value (not undefined/false) or the bound passes. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function api(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown> & { [k: string]: unknown }) : {}, headers: res.headers };
}
