// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { {{Aggregate}}Created } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep } from '@hangviet/jobs';
import { defineService } from '@hangviet/service-kit';
import type { {{Name}}Deps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { MongoBusinessDirectory } from './infrastructure/mongo-business-directory';
import { {{aggregateCamel}}Collection, Mongo{{Aggregate}}Repository } from './infrastructure/mongo-{{aggregate}}-repository';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { {{aggregateCamel}}Service } from './transport/grpc/{{aggregate}}-service';
import { {{aggregatesCamel}}Router } from './transport/http/{{aggregatesKebab}}-router';

export const {{nameCamel}}Service = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<{{Name}}Deps> {
    const { config, db } = host;
    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [{{Aggregate}}Created.topic] }));
    const collection = {{aggregateCamel}}Collection(db);
    const relay = await host.add(outboxRelay(bus, collection));
    const {{aggregatesCamel}} = new Mongo{{Aggregate}}Repository(collection, (id) => relay.publish(id));
    const businesses = new MongoBusinessDirectory(db);
    await Promise.all([{{aggregatesCamel}}.ensureIndexes(), businesses.ensureIndexes()]);
    const deps: {{Name}}Deps = { {{aggregatesCamel}}, businesses, now: () => new Date() };

    await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(
      createScheduler({ db, logger: host.logger, metrics: host.metrics, jobs: [forgetDissolvedBusinessesJob(deps), idempotencyKeysSweep(host.idempotency)] }),
    );

    host.http({{aggregatesCamel}}Router(deps, host.idempotency));
    host.grpc({{aggregateCamel}}Service(deps));
    return deps;
  },
});
