// The composition root: the notification service's parts on the shared service host, in dependency
// order — stores, the delivery jobs (which implement the use cases' enqueue port), the use cases'
// deps, the consumer, REST and gRPC. main.ts runs it; app.ts starts it in-process (tests, the benchmark).
import { EventStreamServiceService } from '@hangviet/contracts/hangviet/notification/v1/event_stream_service';
import { consumers, eventBus, eventTypes, outboxRelay, type EventType } from '@hangviet/events';
import { WebhookAttemptFailing } from '@hangviet/events/catalog';
import { createLimiter, createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { forgetDissolvedBusinessesJob, GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { DeliveryDeps, NotificationDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, notificationPolicy, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { platformEventsConsumer } from './consumers/platform-events.consumer';
import { createChannelSenders } from './infrastructure/channels';
import { createModels, ensureIndexes, type NotificationModels, type WebhookEndpointDoc } from './infrastructure/models';
import { createSsrfGuard, type ResolveAll } from './infrastructure/ssrf-guard';
import { createPartnerGrants } from './infrastructure/mongo-partner-grants';
import { createStores } from './infrastructure/stores';
import { createWebhookClient } from './infrastructure/webhook-client';
import { dueEntriesBackfill } from './jobs/due-entries-backfill.job';
import { eventLogRetentionJob } from './jobs/event-log-retention.job';
import { notificationDeliveryJob } from './jobs/notification-delivery.job';
import { webhookDeliveryJob } from './jobs/webhook-delivery.job';
import { eventStreamService } from './transport/grpc/event-stream-service';
import { openApiRouter } from './transport/http/openapi';
import { notificationRouter } from './transport/http/routes';

export { SERVICE_NAME };

/** What tests replace: DNS for the SSRF guard, the clock, event types outside the catalogue. */
export interface NotificationOverrides {
  resolveAll?: ResolveAll;
  now?: () => Date;
  extraEventTypes?: EventType[];
  /** Event types endpoints may subscribe to beyond the catalogue (tests queueing made-up types directly). */
  subscribableTypes?: string[];
}

export interface NotificationParts {
  deps: NotificationDeps;
  models: NotificationModels;
}

export function notificationService(overrides: NotificationOverrides = {}) {
  return defineService({
    name: SERVICE_NAME,
    database: DEFAULT_DATABASE,
    config: configSchema,
    // Partner streams never end by themselves: give them a moment, then cut them.
    grpcDrainMs: 1000,
    async compose(host): Promise<NotificationParts> {
      const { config, logger } = host;
      const models = createModels(host.connection);
      await ensureIndexes(models);
      const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [WebhookAttemptFailing.topic] }));
      const endpointsCollection = host.db.collection<WebhookEndpointDoc>(models.endpoints.collection.collectionName);
      const relay = await host.add(outboxRelay(bus, endpointsCollection, { sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL }));
      const stores = createStores(host.db, models, {
        leaseMs: config.WORKER_LEASE,
        endpointCacheMs: config.WEBHOOK_ENDPOINT_CACHE,
        afterEndpointWrite: (id) => relay.publish(id),
      });

      const guard = createSsrfGuard({ allowCidrs: config.WEBHOOK_ALLOW_CIDRS, allowTargets: config.WEBHOOK_ALLOW_TARGETS, requireHttps: config.WEBHOOK_REQUIRE_HTTPS, ...(overrides.resolveAll ? { resolveAll: overrides.resolveAll } : {}) });
      if (config.WEBHOOK_ALLOW_TARGETS.length > 0) logger.warn({ allowTargets: config.WEBHOOK_ALLOW_TARGETS }, 'webhooks may reach these private or loopback receivers (WEBHOOK_ALLOW_TARGETS)');
      if (config.WEBHOOK_ALLOW_CIDRS.length > 0) logger.warn({ allowCidrs: config.WEBHOOK_ALLOW_CIDRS }, 'webhooks may reach these private or loopback ranges (WEBHOOK_ALLOW_CIDRS)');
      const webhookClient = createWebhookClient({ guard, timeoutMs: config.WEBHOOK_TIMEOUT_MS });
      host.onStop('webhook connections', async () => webhookClient.close());
      const senders = createChannelSenders(config);
      host.onStop('smtp', async () => senders.email.close?.());
      const delivery: DeliveryDeps = { ...stores, ...notificationPolicy(config), logger, now: overrides.now ?? (() => new Date()), webhookClient, senders };

      const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
      host.onStop('registry client', async () => registry.close());
      const knownBusinesses = new MongoKnownBusinessStore(host.db);
      await knownBusinesses.ensureIndexes();
      const businesses = new KnownBusinesses(knownBusinesses, registry);

      const loops = { pollIntervalMs: config.WORKER_POLL_INTERVAL, logger };
      const webhookJob = await host.add(webhookDeliveryJob(delivery, { ...loops, concurrency: config.WEBHOOK_CONCURRENCY }));
      const deliveryJob = await host.add(notificationDeliveryJob(delivery, { ...loops, concurrency: Math.max(1, Math.ceil(config.WORKER_CONCURRENCY / 4)) }));
      const retention = eventLogRetentionJob(delivery, { retentionMs: config.EVENT_LOG_RETENTION, intervalMs: config.EVENT_LOG_SWEEP_INTERVAL });
      await host.add(createScheduler({ db: host.db, logger, metrics: host.metrics, jobs: [retention, forgetDissolvedBusinessesJob(businesses, { now: delivery.now }), idempotencyKeysSweep(host.idempotency, config.IDEMPOTENCY_SWEEP_INTERVAL), rateLimitSweep(host.rateLimits)] }));
      await host.add(dueEntriesBackfill(delivery.webhooks, logger));

      const partnerGrants = createPartnerGrants(host.db);
      const deps: NotificationDeps = {
        ...delivery,
        businesses,
        guard,
        maxEndpointsPerOwner: config.WEBHOOK_ENDPOINTS_PER_OWNER,
        partnerGrants,
        knownEventTypes: () => [...eventTypes.keys(), ...(overrides.extraEventTypes ?? []).map((t) => t.type), ...(overrides.subscribableTypes ?? [])],
        inbox: stores.inbox,
        operationalEvents: stores.operationalEvents,
        enqueue: { delivery: (id) => deliveryJob.enqueue(id), webhook: (id, known, at) => webhookJob.enqueue(id, at, known) },
        firstAttempts: { limit: createLimiter(config.WEBHOOK_CONCURRENCY), budgetMs: config.WEBHOOK_FIRST_ATTEMPT_BUDGET },
      };
      const platformEvents = platformEventsConsumer(deps, { group: config.CONSUMER_GROUP, ...(overrides.extraEventTypes ? { extraTypes: overrides.extraEventTypes } : {}) });
      await host.add(consumers(bus, [platformEvents], { topics: config.EVENT_TOPICS }));
      await host.add(consumers(bus, [businessStatusConsumer(businesses, { group: `${config.CONSUMER_GROUP}.business-status` })]));

      host.http(openApiRouter(), notificationRouter(deps, host.idempotency));
      const streamOptions = { pollIntervalMs: Math.min(config.WORKER_POLL_INTERVAL, 250), gapWaitMs: config.EVENT_LOG_GAP_WAIT };
      host.grpc({ definition: EventStreamServiceService, implementation: eventStreamService({ eventLog: deps.eventLog, authenticator: host.authenticator, partnerGrants, logger, ...streamOptions }) });
      return { deps, models };
    },
  });
}

export const notification = notificationService();
