// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { SourcingRequestCreated } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { SourcingDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { sourcingRequestCollection, sourcingRequestModel } from './infrastructure/sourcing-request-model';
import { MongoSourcingRequestRepository } from './infrastructure/mongo-sourcing-request-repository';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { sourcingRequestService } from './transport/grpc/sourcing-request-service';
import { sourcingRequestsRouter } from './transport/http/sourcing-requests-router';
import { openApiRouter } from './transport/http/openapi';

export const sourcingService = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<SourcingDeps> {
    const { config, db } = host;
    // The models declare each collection's schema and indexes; repositories use the driver's typed collections.
    await sourcingRequestModel(host.connection).createIndexes();
    // The directory's businesses: copied from events into `known_businesses`, the registry asked over gRPC.
    const knownBusinesses = new MongoKnownBusinessStore(db);
    await knownBusinesses.ensureIndexes();
    const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
    host.onStop('registry client', async () => registry.close());
    const storedSourcingRequests = sourcingRequestCollection(db);

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [SourcingRequestCreated.topic] }));
    const relay = await host.add(outboxRelay(bus, storedSourcingRequests));
    const deps: SourcingDeps = {
      // Awaited after each write: a 2xx answer implies the event is on Kafka in the common case.
      sourcingRequests: new MongoSourcingRequestRepository(storedSourcingRequests, (id) => relay.publish(id)),
      businesses: new KnownBusinesses(knownBusinesses, registry),
      now: () => new Date(),
    };

    await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(
      createScheduler({ db, logger: host.logger, metrics: host.metrics, jobs: [forgetDissolvedBusinessesJob(deps), idempotencyKeysSweep(host.idempotency), rateLimitSweep(host.rateLimits)] }),
    );

    host.http(sourcingRequestsRouter(deps, host.idempotency), openApiRouter());
    host.grpc(sourcingRequestService(deps));
    return deps;
  },
});
