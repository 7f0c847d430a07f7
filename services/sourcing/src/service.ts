// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { MeetingRequested, OutcomeRecorded, SourcingRequestSubmitted } from '@hangviet/events/catalog';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { SourcingDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { certificationConsumer } from './consumers/certification.consumer';
import { directoryConsumer } from './consumers/directory.consumer';
import { collectionsOf, dropRetiredIndexes, ensureIndexes } from './infrastructure/collections';
import { MongoMeetings, MongoMeetingSchedule } from './infrastructure/mongo-meetings';
import { MongoOutcomes } from './infrastructure/mongo-outcomes';
import { MongoSourcingRequests } from './infrastructure/mongo-requests';
import { MongoSupplierDirectory } from './infrastructure/mongo-suppliers';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { expireSourcingRequestsJob, outcomeRemindersJob, releaseOrphanClaimsJob } from './jobs/sourcing.jobs';
import { sourcingRequestService } from './transport/grpc/sourcing-request-service';
import { meetingsRouter } from './transport/http/meetings-router';
import { openApiRouter } from './transport/http/openapi';
import { sourcingRequestsRouter } from './transport/http/sourcing-requests-router';

export const sourcingService = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host) {
    const { config, db } = host;
    const c = collectionsOf(db);
    await ensureIndexes(c);
    await dropRetiredIndexes(c);
    // The directory's businesses: copied from events into `known_businesses`, the registry asked over gRPC.
    const knownBusinesses = new MongoKnownBusinessStore(db);
    await knownBusinesses.ensureIndexes();
    const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
    host.onStop('registry client', async () => registry.close());

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [SourcingRequestSubmitted.topic, MeetingRequested.topic, OutcomeRecorded.topic] }));
    const requestRelay = await host.add(outboxRelay(bus, c.requests));
    const meetingRelay = await host.add(outboxRelay(bus, c.meetings));
    const outcomeRelay = await host.add(outboxRelay(bus, c.outcomes));
    const now = () => new Date();
    const suppliers = new MongoSupplierDirectory(c.suppliers, c.postings);
    await suppliers.backfillPostings(c.migrations, now());
    const deps: SourcingDeps = {
      // Each store awaits its relay after a write: a 2xx answer implies the event is on Kafka in the common case.
      requests: new MongoSourcingRequests(c.requests, requestRelay),
      meetings: new MongoMeetings(c.meetings, meetingRelay),
      outcomes: new MongoOutcomes(c.outcomes, outcomeRelay),
      schedule: new MongoMeetingSchedule(c.programmes, c.claims, now),
      suppliers,
      businesses: new KnownBusinesses(knownBusinesses, registry),
      now,
    };

    const groupPrefix = config.KAFKA_TOPIC_PREFIX;
    await host.add(consumers(bus, [directoryConsumer(deps, suppliers, { groupPrefix }), certificationConsumer(suppliers, { groupPrefix })]));
    await host.add(
      createScheduler({
        db,
        logger: host.logger,
        metrics: host.metrics,
        jobs: [
          expireSourcingRequestsJob(deps, config.EXPIRY_EVERY),
          outcomeRemindersJob(deps),
          releaseOrphanClaimsJob(deps, config.CLAIM_SWEEP_EVERY),
          forgetDissolvedBusinessesJob(deps, suppliers),
          idempotencyKeysSweep(host.idempotency),
          rateLimitSweep(host.rateLimits),
        ],
      }),
    );

    host.http(sourcingRequestsRouter(deps, host.idempotency), meetingsRouter(deps, host.idempotency), openApiRouter());
    host.grpc(sourcingRequestService(deps));
    return { ...deps, supplierDirectory: suppliers };
  },
});
