// The composition root, callable in-process (tests) or from main.ts:
// database → Kafka producer + outbox relay → HTTP and gRPC servers. stop() undoes it in reverse.
import type { AddressInfo } from 'node:net';
import { createEventProducer, createKafka, createOutboxRelay, topics, type EventProducer } from '@hangviet/events';
import {
  createAuthenticator,
  createGrpcServer,
  createHttpApp,
  createIdempotencyStore,
  createReadiness,
  finishHttpApp,
  type Logger,
} from '@hangviet/service-kit';
import mongoose from 'mongoose';
import type { RegistryDeps } from './application/ports';
import { databaseName, SERVICE_NAME, type RegistryConfig } from './config';
import { BUSINESSES_COLLECTION, businessModel } from './infrastructure/business-model';
import { MongoBusinessRepository } from './infrastructure/mongo-business-repository';
import { seedDemoDirectory } from './infrastructure/seed-data';
import { businessDirectoryService } from './transport/grpc/business-directory-service';
import { businessesRouter } from './transport/http/businesses-router';
import { openApiRouter } from './transport/http/openapi';
import { referenceRouter } from './transport/http/reference-router';

export interface RunningRegistry {
  httpPort: number;
  grpcPort: number;
  deps: RegistryDeps;
  connection: mongoose.Connection;
  stop(): Promise<void>;
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

export async function startRegistry(config: RegistryConfig, logger: Logger): Promise<RunningRegistry> {
  const hooks: { name: string; fn: () => Promise<void> }[] = [];
  const stop = async (): Promise<void> => {
    for (const hook of hooks.splice(0).reverse()) {
      try {
        await hook.fn();
      } catch (err) {
        logger.error({ err, hook: hook.name }, 'shutdown step failed');
      }
    }
  };
  try {
    const connection = await mongoose.createConnection(config.MONGO_URL, { dbName: databaseName(config), autoIndex: false }).asPromise();
    hooks.push({ name: 'mongo', fn: () => connection.close() });
    const db = connection.db;
    if (!db) throw new Error('mongo connection has no database');
    const Businesses = businessModel(connection);
    await Businesses.createIndexes();

    const readiness = createReadiness();
    readiness.add('mongo', async () => void (await db.command({ ping: 1 })));

    const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger });
    const producer = prefixed(await createEventProducer(kafka), config.KAFKA_TOPIC_PREFIX);
    hooks.push({ name: 'kafka producer', fn: () => producer.disconnect() });
    await producer.ensureTopics(topics().filter((t) => t.startsWith('hangviet.registry.')));

    const relay = createOutboxRelay({ collection: db.collection(BUSINESSES_COLLECTION), producer, logger, sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS });
    await relay.start();
    hooks.push({ name: 'outbox relay', fn: () => relay.stop() });

    const deps: RegistryDeps = {
      // Awaited, not fired and forgotten: FerretDB v1 loses one of two concurrent updates of the same
      // document (measured), so the relay's claim/pull must not overlap the caller's next write.
      // It also means a 2xx answer implies the events are on Kafka in the common case.
      businesses: new MongoBusinessRepository(Businesses, { afterWrite: (id) => relay.publish(id) }),
      now: () => new Date(),
    };

    if (config.SEED_DEMO_DATA && (await Businesses.estimatedDocumentCount()) === 0) {
      const created = await seedDemoDirectory(deps);
      logger.info({ created }, 'seeded the demo directory into an empty database');
    }

    const idempotency = createIdempotencyStore(db);
    idempotency.start();
    hooks.push({ name: 'idempotency sweep', fn: async () => idempotency.stop() });

    const authenticator = createAuthenticator({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : {}),
      jwksFile: config.AUTH_JWKS_FILE,
    });

    const app = createHttpApp({ service: SERVICE_NAME, logger, readiness, authenticator });
    app.use(openApiRouter());
    app.use(businessesRouter(deps, idempotency));
    app.use(referenceRouter());
    finishHttpApp(app);
    const http = await new Promise<import('node:http').Server>((resolve, reject) => {
      const server = app.listen(config.HTTP_PORT, (err?: Error) => (err ? reject(err) : resolve(server)));
    });
    hooks.push({
      name: 'http',
      fn: () =>
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeIdleConnections();
        }),
    });

    const grpc = createGrpcServer({ service: SERVICE_NAME, logger, readiness, authenticator, services: [businessDirectoryService(deps)] });
    const grpcPort = await grpc.listen(config.GRPC_PORT);
    hooks.push({ name: 'grpc', fn: () => grpc.shutdown(5000) });

    return { httpPort: (http.address() as AddressInfo).port, grpcPort, deps, connection, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
