// Composition root: config → database → event log, guards, channels → use cases → consumer,
// delivery workers, retention job, REST and gRPC servers. main.ts runs it; tests start it too.
import type { AddressInfo } from 'node:net';
import { EventStreamServiceService } from '@hangviet/contracts/hangviet/notification/v1/event_stream_service';
import { createEventConsumer, createKafka, eventType, type EventConsumer, type EventType } from '@hangviet/events';
import {
  createAuthenticator,
  createGrpcServer,
  createHttpApp,
  createIdempotencyStore,
  createReadiness,
  finishHttpApp,
  type Authenticator,
  type GrpcServer,
  type Logger,
} from '@hangviet/service-kit';
import mongoose from 'mongoose';
import type { Config } from './config';
import type { NotificationDeps } from './application/deps';
import { claimDelivery, deliverNotification, findDueDeliveries } from './application/deliver-notification';
import { claimWebhookMessage, deliverWebhook, findDueWebhookMessages } from './application/deliver-webhook';
import type { KnownMessage } from './application/deps';
import { sweepEventLog } from './application/event-log-retention';
import { handlePlatformEvent } from './application/handle-platform-event';
import { toLocale } from './domain/locale';
import type { StaffMember } from './domain/notification-plan';
import { createEmailSender, createSmsSender, createZaloZnsSender, type ChannelSenders } from './infrastructure/channels';
import { createClaims } from './infrastructure/claims';
import { createEndpointDirectory } from './infrastructure/endpoint-directory';
import { createEventLog } from './infrastructure/event-log';
import { createModels, ensureIndexes, type WebhookMessageDoc } from './infrastructure/models';
import { createPeopleStore } from './infrastructure/people-store';
import { createSsrfGuard, type ResolveAll } from './infrastructure/ssrf-guard';
import { createWebhookClient } from './infrastructure/webhook-client';
import { createWebhookStore } from './infrastructure/webhook-store';
import { createWorkLoop, type WorkLoop } from './infrastructure/work-loop';
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

export async function startNotificationService(config: Config, opts: StartOptions): Promise<NotificationService> {
  const { logger } = opts;
  const stops: { name: string; fn: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const { name, fn } of stops.reverse()) {
      try {
        await fn();
      } catch (err) {
        logger.error({ err, component: name }, 'failed to stop cleanly');
      }
    }
    stops.length = 0;
  };

  try {
    const dbName = databaseName(config.MONGO_URL, config.MONGO_DATABASE);
    const connection = await mongoose
      .createConnection(config.MONGO_URL, { autoIndex: false, autoCreate: false, ...(dbName ? { dbName } : {}) })
      .asPromise();
    stops.push({ name: 'mongo', fn: () => connection.close() });
    const db = connection.db!;
    const models = createModels(connection);
    await ensureIndexes(models);

    const readiness = createReadiness();
    readiness.add('mongo', async () => void (await db.command({ ping: 1 })));

    const guard = createSsrfGuard({
      allowCidrs: config.WEBHOOK_ALLOW_CIDRS,
      requireHttps: config.WEBHOOK_REQUIRE_HTTPS,
      ...(opts.resolveAll ? { resolveAll: opts.resolveAll } : {}),
    });
    if (config.WEBHOOK_ALLOW_CIDRS.length > 0) {
      logger.warn({ allowCidrs: config.WEBHOOK_ALLOW_CIDRS }, 'webhooks may reach these private or loopback ranges (WEBHOOK_ALLOW_CIDRS)');
    }

    const senders: ChannelSenders = { email: createEmailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) };
    stops.push({ name: 'smtp', fn: async () => senders.email?.close?.() });
    if (config.SMS_API_URL) senders.sms = createSmsSender({ url: config.SMS_API_URL, ...(config.SMS_API_TOKEN ? { token: config.SMS_API_TOKEN } : {}) });
    if (config.ZALO_ZNS_API_URL) {
      senders.zalo = createZaloZnsSender({
        url: config.ZALO_ZNS_API_URL,
        templateId: config.ZALO_ZNS_TEMPLATE_ID,
        ...(config.ZALO_ZNS_ACCESS_TOKEN ? { accessToken: config.ZALO_ZNS_ACCESS_TOKEN } : {}),
      });
    }

    // Assigned below, once the deps they need exist.
    const workLoops: { deliveries?: WorkLoop; webhooks?: WorkLoop<KnownMessage> } = {};
    const webhookClient = createWebhookClient({ guard, timeoutMs: config.WEBHOOK_TIMEOUT_MS });
    const deps: NotificationDeps = {
      models,
      eventLog: createEventLog(models),
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
      guard,
      webhookClient,
      webhookStore: createWebhookStore(models),
      endpointDirectory: createEndpointDirectory(models, config.WEBHOOK_ENDPOINT_CACHE),
      senders,
      peopleStore: createPeopleStore(models),
      claims: createClaims(models, config.WORKER_LEASE),
      enqueue: {
        delivery: (id) => workLoops.deliveries?.enqueue(id),
        webhook: (id, known) => workLoops.webhooks?.enqueue(id, undefined, known),
      },
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
    stops.push({ name: 'idempotency sweep', fn: async () => idempotency.stop() });

    const app = createHttpApp({ service: SERVICE_NAME, logger, readiness, authenticator });
    app.use(notificationRouter(deps, idempotency));
    finishHttpApp(app);
    const host = opts.host ?? '0.0.0.0';
    const http = await new Promise<import('node:http').Server>((resolve, reject) => {
      const server = app.listen(config.HTTP_PORT, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    });
    stops.push({
      name: 'http',
      fn: () =>
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeIdleConnections();
        }),
    });

    const grpcServer: GrpcServer = createGrpcServer({
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
    stops.push({ name: 'grpc', fn: () => grpcServer.shutdown(1000) });

    const deliveries = createWorkLoop({
      name: 'notification-deliveries',
      scan: async () => (await findDueDeliveries(deps)).map((id) => ({ id })),
      claim: (id) => claimDelivery(deps, id),
      process: (d) => deliverNotification(deps, d),
      concurrency: Math.max(1, Math.ceil(config.WORKER_CONCURRENCY / 4)),
      pollIntervalMs: config.WORKER_POLL_INTERVAL,
      logger,
    });
    const webhooks = createWorkLoop<WebhookMessageDoc, KnownMessage>({
      name: 'webhook-deliveries',
      scan: (held) => findDueWebhookMessages(deps, held),
      claim: (id, known) => claimWebhookMessage(deps, id, known),
      process: (m) => deliverWebhook(deps, m),
      concurrency: config.WEBHOOK_CONCURRENCY,
      pollIntervalMs: config.WORKER_POLL_INTERVAL,
      logger,
    });
    Object.assign(workLoops, { deliveries, webhooks });
    // Due entries for pending messages that have none (written before they existed): in the background.
    const backfill = deps.webhookStore.ensureDueEntries().then(
      (written) => written > 0 && logger.info({ written }, 'webhook due entries written for pending messages'),
      (err: unknown) => logger.error({ err }, 'webhook due entries could not be checked'),
    );
    stops.push({ name: 'due entries', fn: () => backfill.then(() => undefined) });
    stops.push({ name: 'webhook connections', fn: async () => webhookClient.close() });
    const loops = [deliveries, webhooks];
    loops.forEach((loop) => loop.start());
    stops.push({ name: 'workers', fn: () => Promise.all(loops.map((loop) => loop.stop())).then(() => undefined) });

    const sweep = () => sweepEventLog(deps, config.EVENT_LOG_RETENTION, config.EVENT_LOG_SWEEP_INTERVAL);
    const retention = setInterval(() => {
      sweep().catch((err: unknown) => logger.error({ err }, 'event log retention sweep failed'));
    }, config.EVENT_LOG_SWEEP_INTERVAL);
    retention.unref();
    stops.push({ name: 'retention', fn: async () => clearInterval(retention) });

    const extraTypes = new Map((opts.extraEventTypes ?? []).map((t) => [t.type, t]));
    const kafka = createKafka({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS, logger });
    const consumer: EventConsumer = createEventConsumer({
      kafka,
      groupId: config.CONSUMER_GROUP,
      db,
      logger,
      // Every event in the catalogue, present and future: one wildcard handler.
      handlers: {
        '*': async (event) => {
          const definition = extraTypes.get(event.type) ?? eventType(event.type);
          if (!definition) return;
          await handlePlatformEvent(deps, event, definition.codec as never);
        },
      },
      ...(config.EVENT_TOPICS.length > 0 ? { topics: config.EVENT_TOPICS } : {}),
      ...(opts.extraEventTypes ? { types: opts.extraEventTypes } : {}),
    });
    await consumer.start();
    stops.push({ name: 'consumer', fn: () => consumer.stop() });

    return {
      httpPort: (http.address() as AddressInfo).port,
      grpcPort,
      deps,
      connection,
      sweepEventLog: sweep,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
