// Composition root: config → database → repositories, guards, channels → jobs → use cases →
// consumer, REST and gRPC servers, in dependency order (the jobs implement the use cases' enqueue
// port). main.ts runs it; tests and the benchmark start it too.
import type { AddressInfo } from 'node:net';
import { EventStreamServiceService } from '@hangviet/contracts/hangviet/notification/v1/event_stream_service';
import { createEventProducer, createKafka, createOutboxRelay, type EventProducer, type EventType } from '@hangviet/events';
import { WebhookAttemptFailing } from '@hangviet/events/catalog';
import {
  createAuthenticator,
  createGrpcServer,
  createHttpApp,
  createIdempotencyStore,
  createReadiness,
  finishHttpApp,
  type Authenticator,
  type Logger,
} from '@hangviet/service-kit';
import { toLocale } from '@hangviet/vn/locale';
import mongoose from 'mongoose';
import type { DeliveryDeps, NotificationDeps } from './application/ports';
import type { Config } from './config';
import type { StaffMember } from './domain/notification-plan';
import { platformEventsConsumer } from './consumers/platform-events.consumer';
import { createEmailSender, createSmsSender, createZaloZnsSender } from './infrastructure/channels';
import { createClaims } from './infrastructure/claims';
import { createEndpointDirectory } from './infrastructure/endpoint-directory';
import { createEventLog } from './infrastructure/event-log';
import { createModels, ensureIndexes, type NotificationModels, type WebhookEndpointDoc } from './infrastructure/models';
import { createDeliveryRepository } from './infrastructure/mongo-delivery-repository';
import { createEndpointRepository } from './infrastructure/mongo-endpoint-repository';
import { createInboxRepository } from './infrastructure/mongo-inbox-repository';
import { createOperationalEventLog } from './infrastructure/mongo-operational-event-log';
import { createPeopleStore } from './infrastructure/people-store';
import { createSsrfGuard, type ResolveAll } from './infrastructure/ssrf-guard';
import { createWebhookClient } from './infrastructure/webhook-client';
import { createWebhookStore } from './infrastructure/webhook-store';
import { eventLogRetentionJob } from './jobs/event-log-retention.job';
import { notificationDeliveryJob } from './jobs/notification-delivery.job';
import { webhookDeliveryJob } from './jobs/webhook-delivery.job';
import { eventStreamService } from './transport/grpc/event-stream-service';
import { notificationRouter } from './transport/http/routes';

export const SERVICE_NAME = 'notification';

export interface StartOptions {
  logger: Logger;
  authenticator?: Authenticator;
  /** Event types outside the platform catalogue to carry too (tests). */
  extraEventTypes?: EventType[];
  /** Replaces DNS for the SSRF guard (tests). */
  resolveAll?: ResolveAll;
  now?: () => Date;
  /** Listen address for both servers (default 0.0.0.0). */
  host?: string;
}

export interface NotificationService {
  httpPort: number;
  grpcPort: number;
  deps: NotificationDeps;
  models: NotificationModels;
  connection: mongoose.Connection;
  /** Runs one retention sweep now (also scheduled). */
  sweepEventLog(): Promise<number>;
  stop(): Promise<void>;
}

function databaseName(url: string, fallback: string): string | undefined {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path ? undefined : fallback;
}

function parseStaff(entries: readonly string[]): StaffMember[] {
  return entries.map((entry) => {
    const [email = '', locale] = entry.split(':');
    return { email, locale: toLocale(locale ?? 'vi') };
  });
}

/** Sends to `<prefix><topic>`: the topic names in the catalogue stay the contract. */
function prefixed(producer: EventProducer, prefix: string): EventProducer {
  if (prefix === '') return producer;
  return {
    send: (topic, messages) => producer.send(`${prefix}${topic}`, messages),
    ensureTopics: (names, partitions) => producer.ensureTopics(names.map((t) => `${prefix}${t}`), partitions),
    disconnect: () => producer.disconnect(),
  };
}

export async function startNotificationService(config: Config, opts: StartOptions): Promise<NotificationService> {
  const { logger } = opts;
  const stops: { name: string; fn: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const { name, fn } of stops.splice(0).reverse()) {
      try {
        await fn();
      } catch (err) {
        logger.error({ err, component: name }, 'failed to stop cleanly');
      }
    }
  };
  const onStop = (name: string, fn: () => Promise<void>) => void stops.push({ name, fn });

  try {
    const dbName = databaseName(config.MONGO_URL, config.MONGO_DATABASE);
    const connection = await mongoose
      .createConnection(config.MONGO_URL, { autoIndex: false, autoCreate: false, ...(dbName ? { dbName } : {}) })
      .asPromise();
    onStop('mongo', () => connection.close());
    const db = connection.db!;
    const models = createModels(connection);
    await ensureIndexes(models);
    const readiness = createReadiness();
    readiness.add('mongo', async () => void (await db.command({ ping: 1 })));

    const kafka = createKafka({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS, logger });
    const producer = prefixed(await createEventProducer(kafka), config.KAFKA_TOPIC_PREFIX);
    onStop('kafka producer', () => producer.disconnect());
    await producer.ensureTopics([WebhookAttemptFailing.topic]);
    const relay = createOutboxRelay({ collection: db.collection<WebhookEndpointDoc>(models.endpoints.collection.collectionName), producer, logger, sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL });
    await relay.start();
    onStop('outbox relay', () => relay.stop());

    const guard = createSsrfGuard({
      allowCidrs: config.WEBHOOK_ALLOW_CIDRS,
      requireHttps: config.WEBHOOK_REQUIRE_HTTPS,
      ...(opts.resolveAll ? { resolveAll: opts.resolveAll } : {}),
    });
    if (config.WEBHOOK_ALLOW_CIDRS.length > 0) {
      logger.warn({ allowCidrs: config.WEBHOOK_ALLOW_CIDRS }, 'webhooks may reach these private or loopback ranges (WEBHOOK_ALLOW_CIDRS)');
    }
    const email = createEmailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
    onStop('smtp', async () => email.close?.());
    const webhookClient = createWebhookClient({ guard, timeoutMs: config.WEBHOOK_TIMEOUT_MS });

    const delivery: DeliveryDeps = {
      logger,
      now: opts.now ?? (() => new Date()),
      staff: parseStaff(config.STAFF_EMAILS),
      deliveryRetryScheduleMs: config.DELIVERY_RETRY_SCHEDULE,
      webhookPolicy: {
        retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE,
        disableAfterMs: config.WEBHOOK_DISABLE_AFTER,
        failingAfterAttempts: config.WEBHOOK_FAILING_AFTER_ATTEMPTS,
      },
      secretOverlapMs: config.WEBHOOK_SECRET_OVERLAP,
      claims: createClaims(models, config.WORKER_LEASE),
      webhookClient,
      webhooks: createWebhookStore(models),
      // Awaited, as in the registry: the relay's claim must not overlap the next write of the endpoint.
      endpoints: createEndpointRepository(models, { afterWrite: (id) => relay.publish(id) }),
      endpointDirectory: createEndpointDirectory(models, config.WEBHOOK_ENDPOINT_CACHE),
      deliveries: createDeliveryRepository(models),
      people: createPeopleStore(models),
      senders: {
        email,
        ...(config.SMS_API_URL ? { sms: createSmsSender({ url: config.SMS_API_URL, ...(config.SMS_API_TOKEN ? { token: config.SMS_API_TOKEN } : {}) }) } : {}),
        ...(config.ZALO_ZNS_API_URL
          ? {
              zalo: createZaloZnsSender({
                url: config.ZALO_ZNS_API_URL,
                templateId: config.ZALO_ZNS_TEMPLATE_ID,
                ...(config.ZALO_ZNS_ACCESS_TOKEN ? { accessToken: config.ZALO_ZNS_ACCESS_TOKEN } : {}),
              }),
            }
          : {}),
      },
      eventLog: createEventLog(models),
    };

    const jobOptions = { pollIntervalMs: config.WORKER_POLL_INTERVAL, logger };
    const webhookJob = webhookDeliveryJob(delivery, { ...jobOptions, concurrency: config.WEBHOOK_CONCURRENCY });
    const deliveryJob = notificationDeliveryJob(delivery, { ...jobOptions, concurrency: Math.max(1, Math.ceil(config.WORKER_CONCURRENCY / 4)) });
    const retention = eventLogRetentionJob(delivery, { retentionMs: config.EVENT_LOG_RETENTION, intervalMs: config.EVENT_LOG_SWEEP_INTERVAL, logger });

    const deps: NotificationDeps = {
      ...delivery,
      guard,
      inbox: createInboxRepository(models),
      operationalEvents: createOperationalEventLog(models),
      enqueue: { delivery: (id) => deliveryJob.enqueue(id), webhook: (id, known) => webhookJob.enqueue(id, undefined, known) },
    };

    const authenticator =
      opts.authenticator ??
      createAuthenticator({
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : { jwksFile: config.AUTH_JWKS_FILE }),
      });
    const idempotency = createIdempotencyStore(db);
    idempotency.start();
    onStop('idempotency sweep', async () => idempotency.stop());

    const app = createHttpApp({ service: SERVICE_NAME, logger, readiness, authenticator });
    app.use(notificationRouter(deps, idempotency));
    finishHttpApp(app);
    const host = opts.host ?? '0.0.0.0';
    const http = await new Promise<import('node:http').Server>((resolve, reject) => {
      const server = app.listen(config.HTTP_PORT, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    });
    onStop('http', () => new Promise<void>((resolve) => (http.close(() => resolve()), http.closeIdleConnections())));

    const grpcServer = createGrpcServer({
      service: SERVICE_NAME,
      logger,
      readiness,
      authenticator,
      services: [
        {
          definition: EventStreamServiceService,
          implementation: eventStreamService({
            eventLog: deps.eventLog,
            authenticator,
            logger,
            pollIntervalMs: Math.min(config.WORKER_POLL_INTERVAL, 250),
            gapWaitMs: config.EVENT_LOG_GAP_WAIT,
          }),
        },
      ],
    });
    const grpcPort = await grpcServer.listen(config.GRPC_PORT, host);
    // Streams never end by themselves: give them a moment, then cut them.
    onStop('grpc', () => grpcServer.shutdown(1000));

    // Due entries for pending messages that have none (written before they existed): in the background.
    const backfill = delivery.webhooks.ensureDueEntries().then(
      (written) => written > 0 && logger.info({ written }, 'webhook due entries written for pending messages'),
      (err: unknown) => logger.error({ err }, 'webhook due entries could not be checked'),
    );
    onStop('due entries', () => backfill.then(() => undefined));
    onStop('webhook connections', async () => webhookClient.close());
    for (const job of [deliveryJob, webhookJob, retention]) {
      job.start();
      onStop('jobs', () => job.stop());
    }

    const consumer = platformEventsConsumer(deps, {
      kafka,
      groupId: config.CONSUMER_GROUP,
      db,
      logger,
      topics: config.EVENT_TOPICS,
      ...(opts.extraEventTypes ? { extraTypes: opts.extraEventTypes } : {}),
    });
    await consumer.start();
    onStop('consumer', () => consumer.stop());

    return { httpPort: (http.address() as AddressInfo).port, grpcPort, deps, models, connection, sweepEventLog: () => retention.runOnce(), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
