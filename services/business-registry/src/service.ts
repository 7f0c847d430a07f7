// The composition root: the registry's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { BusinessRegistered } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, defineJob, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { defineService } from '@hangviet/service-kit';
import type { RegistryDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { BUSINESSES_COLLECTION, businessModel, migrateTaxCodeClaims } from './infrastructure/business-model';
import { MongoDirectoryEntries } from './infrastructure/directory-entries';
import { MongoBusinessRepository } from './infrastructure/mongo-business-repository';
import { MongoEvidenceStore } from './infrastructure/mongo-evidence-store';
import { seedDemoDirectoryIfEmpty } from './infrastructure/seed-data';
import { certificateBadgesConsumer } from './consumers/certificate-badges.consumer';
import { MongoCertificateBadges } from './infrastructure/mongo-certificate-badges';
import { businessDirectoryService } from './transport/grpc/business-directory-service';
import { businessesRouter } from './transport/http/businesses-router';
import { openApiRouter } from './transport/http/openapi';
import { referenceRouter } from './transport/http/reference-router';

export const businessRegistry = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<RegistryDeps> {
    const { config } = host;
    const Businesses = businessModel(host.connection);
    await migrateTaxCodeClaims(Businesses);
    await Businesses.createIndexes();

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [BusinessRegistered.topic] }));
    const relay = await host.add(outboxRelay(bus, host.db.collection(BUSINESSES_COLLECTION), { sweepIntervalMs: config.OUTBOX_SWEEP_INTERVAL_MS }));
    const badges = new MongoCertificateBadges(host.db);
    await badges.createIndexes();
    const directory = new MongoDirectoryEntries(host.db);
    await directory.createIndexes();
    // Awaited, not fired and forgotten: FerretDB v1 loses one of two concurrent updates of the same
    // document (measured), so the relay's claim/pull must not overlap the caller's next write.
    // It also means a 2xx answer implies the events are on Kafka in the common case.
    const businesses = new MongoBusinessRepository(Businesses, { directory, afterWrite: (id) => relay.publish(id) });
    await businesses.backfillDirectoryEntries();
    const deps: RegistryDeps = {
      badges,
      businesses,
      evidence: new MongoEvidenceStore(host.db),
      now: () => new Date(),
    };
    if (config.SEED_DEMO_DATA) await seedDemoDirectoryIfEmpty(Businesses, deps, host.logger);
    await host.add(consumers(bus, [certificateBadgesConsumer(badges, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));

    await host.add(
      createScheduler({
        db: host.db,
        logger: host.logger,
        metrics: host.metrics,
        jobs: [
          idempotencyKeysSweep(host.idempotency, config.IDEMPOTENCY_SWEEP_INTERVAL_MS),
          rateLimitSweep(host.rateLimits),
          // A write that crashed between a business and its directory entry: repaired once its mark is a minute old.
          defineJob({
            name: 'directory-entries-sweep',
            schedule: { every: config.DIRECTORY_SWEEP_INTERVAL_MS },
            run: async () => {
              await businesses.repairDirectoryEntries(new Date(Date.now() - 60_000));
            },
          }),
        ],
      }),
    );

    host.http(
      openApiRouter(),
      businessesRouter(deps, host.idempotency, { store: host.rateLimits, perAccountPerDay: config.REGISTRATIONS_PER_ACCOUNT_PER_DAY }),
      referenceRouter(),
    );
    host.grpc(businessDirectoryService(deps));
    return deps;
  },
});
