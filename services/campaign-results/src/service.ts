// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { SubmissionCreated } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { CampaignResultsDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { submissionCollection, submissionModel } from './infrastructure/submission-model';
import { MongoSubmissionRepository } from './infrastructure/mongo-submission-repository';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { submissionService } from './transport/grpc/submission-service';
import { submissionsRouter } from './transport/http/submissions-router';
import { openApiRouter } from './transport/http/openapi';

export const campaignResultsService = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<CampaignResultsDeps> {
    const { config, db } = host;
    // The models declare each collection's schema and indexes; repositories use the driver's typed collections.
    await submissionModel(host.connection).createIndexes();
    // The directory's businesses: copied from events into `known_businesses`, the registry asked over gRPC.
    const knownBusinesses = new MongoKnownBusinessStore(db);
    await knownBusinesses.ensureIndexes();
    const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
    host.onStop('registry client', async () => registry.close());
    const storedSubmissions = submissionCollection(db);

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [SubmissionCreated.topic] }));
    const relay = await host.add(outboxRelay(bus, storedSubmissions));
    const deps: CampaignResultsDeps = {
      // Awaited after each write: a 2xx answer implies the event is on Kafka in the common case.
      submissions: new MongoSubmissionRepository(storedSubmissions, (id) => relay.publish(id)),
      businesses: new KnownBusinesses(knownBusinesses, registry),
      now: () => new Date(),
    };

    await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(
      createScheduler({ db, logger: host.logger, metrics: host.metrics, jobs: [forgetDissolvedBusinessesJob(deps), idempotencyKeysSweep(host.idempotency), rateLimitSweep(host.rateLimits)] }),
    );

    host.http(submissionsRouter(deps, host.idempotency), openApiRouter());
    host.grpc(submissionService(deps));
    return deps;
  },
});
