// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { {{Aggregate}}Created } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { {{Name}}Deps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { {{aggregateCamel}}Collection, {{aggregateCamel}}Model } from './infrastructure/{{aggregate}}-model';
import { Mongo{{Aggregate}}Repository } from './infrastructure/mongo-{{aggregate}}-repository';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { {{aggregateCamel}}Service } from './transport/grpc/{{aggregate}}-service';
import { {{aggregatesCamel}}Router } from './transport/http/{{aggregatesKebab}}-router';
import { openApiRouter } from './transport/http/openapi';

export const {{nameCamel}}Service = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<{{Name}}Deps> {
    const { config, db } = host;
    // The models declare each collection's schema and indexes; repositories use the driver's typed collections.
    await {{aggregateCamel}}Model(host.connection).createIndexes();
    // The directory's businesses: copied from events into `known_businesses`, the registry asked over gRPC.
    const knownBusinesses = new MongoKnownBusinessStore(db);
    await knownBusinesses.ensureIndexes();
    const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
    host.onStop('registry client', async () => registry.close());
    const stored{{AggregatePlural}} = {{aggregateCamel}}Collection(db);

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [{{Aggregate}}Created.topic] }));
    const relay = await host.add(outboxRelay(bus, stored{{AggregatePlural}}));
    const deps: {{Name}}Deps = {
      // Awaited after each write: a 2xx answer implies the event is on Kafka in the common case.
      {{aggregatesCamel}}: new Mongo{{Aggregate}}Repository(stored{{AggregatePlural}}, (id) => relay.publish(id)),
      businesses: new KnownBusinesses(knownBusinesses, registry),
      now: () => new Date(),
    };

    await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(
      createScheduler({ db, logger: host.logger, metrics: host.metrics, jobs: [forgetDissolvedBusinessesJob(deps), idempotencyKeysSweep(host.idempotency), rateLimitSweep(host.rateLimits)] }),
    );

    host.http({{aggregatesCamel}}Router(deps, host.idempotency), openApiRouter());
    host.grpc({{aggregateCamel}}Service(deps));
    return deps;
  },
});
