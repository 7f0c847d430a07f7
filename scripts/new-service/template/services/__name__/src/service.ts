// Composition root: the service's parts on the shared service host (libs/service-kit), which opens the
// database, readiness, the authenticator, idempotency and the HTTP/gRPC servers, and stops all in reverse.
import { createEventConsumer, createEventProducer, createKafka, createOutboxRelay, type EventProducer } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep } from '@hangviet/jobs';
import { defineService } from '@hangviet/service-kit';
import type { {{Name}}Deps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { BUSINESS_EVENTS, businessStatusHandler } from './consumers/business-status.consumer';
import { MongoBusinessDirectory } from './infrastructure/mongo-business-directory';
import { {{aggregateCamel}}Collection, Mongo{{Aggregate}}Repository } from './infrastructure/mongo-{{aggregate}}-repository';
import { forgetDissolvedBusinessesJob } from './jobs/forget-dissolved-businesses.job';
import { {{aggregateCamel}}Service } from './transport/grpc/{{aggregate}}-service';
import { {{aggregatesCamel}}Router } from './transport/http/{{aggregatesKebab}}-router';

/** Sends to `<prefix><topic>`: the topic names in the catalogue stay the contract. */
function prefixed(producer: EventProducer, prefix: string): EventProducer {
  if (prefix === '') return producer;
  return {
    send: (topic, messages) => producer.send(`${prefix}${topic}`, messages),
    ensureTopics: (names, partitions) => producer.ensureTopics(names.map((t) => `${prefix}${t}`), partitions),
    disconnect: () => producer.disconnect(),
  };
}

export const {{nameCamel}}Service = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host) {
    const { config, logger, db } = host;
    const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
    const producer = prefixed(await createEventProducer(kafka), config.KAFKA_TOPIC_PREFIX);
    host.onStop('kafka producer', () => producer.disconnect());
    await producer.ensureTopics(['{{topic}}']);

    const collection = {{aggregateCamel}}Collection(db);
    const relay = await host.add({ name: 'outbox relay', ...createOutboxRelay({ collection, producer, logger }) });
    const {{aggregatesCamel}} = new Mongo{{Aggregate}}Repository(collection, (id) => relay.publish(id));
    const businesses = new MongoBusinessDirectory(db);
    await Promise.all([{{aggregatesCamel}}.ensureIndexes(), businesses.ensureIndexes()]);
    const deps: {{Name}}Deps = { {{aggregatesCamel}}, businesses, now: () => new Date() };

    await host.add({
      name: 'business events consumer',
      ...createEventConsumer({
        kafka,
        groupId: config.CONSUMER_GROUP,
        db,
        logger,
        topics: [`${config.KAFKA_TOPIC_PREFIX}hangviet.registry.business`],
        handlers: { [BUSINESS_EVENTS]: businessStatusHandler(deps) },
      }),
    });
    await host.add(createScheduler({ db, logger, metrics: host.metrics, jobs: [forgetDissolvedBusinessesJob(deps), idempotencyKeysSweep(host.idempotency)] }));

    host.http({{aggregatesCamel}}Router(deps, host.idempotency));
    host.grpc({{aggregateCamel}}Service(deps));
    return { deps };
  },
});
