// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { hostname } from 'node:os';
import { ProductCertificationServiceClient } from '@hangviet/contracts/hangviet/certification/v1/product_certification_service';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { tradefairEvents } from '@hangviet/events/catalog';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { forgetDissolvedBusinessesJob, GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { TradeFairDeps } from './application/ports';
import { seedDemoFair } from './application/seed-demo-fair';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { certificationConsumer } from './consumers/certification.consumer';
import { allocationLease, MongoAllocationRuns, MongoBoothHolds } from './infrastructure/mongo-allocation';
import { MongoApplicationRepository } from './infrastructure/mongo-applications';
import { MongoFairRepository } from './infrastructure/mongo-fairs';
import { MongoVenueCalendar, MongoVenueRepository } from './infrastructure/mongo-venues';
import { collections, createIndexes } from './infrastructure/models';
import { ProjectedCertifications } from './infrastructure/product-certifications';
import { fairCalendarJob } from './jobs/fair-calendar.job';
import { lapseOffersJob } from './jobs/lapse-offers.job';
import { releaseStaleDayClaimsJob } from './jobs/release-stale-day-claims.job';
import { resumeAllocationRunsJob } from './jobs/resume-allocation-runs.job';
import { fairService } from './transport/grpc/fair-service';
import { applicationsRouter } from './transport/http/applications-router';
import { fairsRouter } from './transport/http/fairs-router';
import { openApiRouter } from './transport/http/openapi';
import { venuesRouter } from './transport/http/venues-router';
import { floorPlanRouter } from './transport/http/floor-plan-router';

export interface TradeFairSeams {
  now?: () => Date;
}

export const service = (seams: TradeFairSeams = {}) =>
  defineService({
    name: SERVICE_NAME,
    database: DEFAULT_DATABASE,
    config: configSchema,
    async compose(host): Promise<TradeFairDeps & { certifications: ProjectedCertifications }> {
      const { config, db } = host;
      const c = collections(db);
      await createIndexes(c);
      const topics = [...new Set(tradefairEvents.map((e) => e.topic))];
      const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: topics }));
      const fairRelay = await host.add(outboxRelay(bus, c.fairs));
      // Batches as large as a bulk write of an allocation run: its events go out in a few cycles.
      const applicationRelay = await host.add(outboxRelay(bus, c.applications, { batchSize: config.ALLOCATION_APPLY_BATCH }));
      const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
      host.onStop('registry-client', async () => registry.close());
      const knownBusinesses = new MongoKnownBusinessStore(db);
      await knownBusinesses.ensureIndexes();
      const certification = host.grpcClient(ProductCertificationServiceClient, config.PRODUCT_CERTIFICATION_GRPC_ADDRESS, {
        deadlineMs: config.CERTIFICATION_DEADLINE_MS, idempotentMethods: ['ListCertificates'],
      });
      host.onStop('certification-client', async () => certification.close());
      const certifications = new ProjectedCertifications(c, certification, host.logger);
      const now = seams.now ?? (() => new Date());
      const deps = {
        venues: new MongoVenueRepository(c),
        // Awaited after each write: a 2xx answer implies the event is on Kafka in the common case.
        fairs: new MongoFairRepository(c, fairRelay, { awaitPublish: config.AWAIT_PUBLISH }),
        calendar: new MongoVenueCalendar(c),
        applications: new MongoApplicationRepository(c, applicationRelay, { awaitPublish: config.AWAIT_PUBLISH }),
        holds: new MongoBoothHolds(c),
        runs: new MongoAllocationRuns(c),
        allocationLease: allocationLease(db, `${hostname()}:${process.pid}`, config.ALLOCATION_LEASE_MS),
        businesses: new KnownBusinesses(knownBusinesses, registry),
        certification: certifications,
        certifications,
        settings: { offerHoldMs: config.OFFER_HOLD_MS, applyBatch: config.ALLOCATION_APPLY_BATCH },
        now,
      };
      if (config.SEED_DEMO_DATA && (await c.venues.estimatedDocumentCount()) === 0) {
        host.logger.info(await seedDemoFair(deps), 'seeded the demo venue and market session into an empty database');
      }
      const groupPrefix = config.KAFKA_TOPIC_PREFIX;
      await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix }), certificationConsumer(certifications, { groupPrefix })]));
      await host.add(
        createScheduler({
          db, logger: host.logger, metrics: host.metrics,
          jobs: [
            lapseOffersJob(deps, config.OFFER_SWEEP_EVERY), fairCalendarJob(deps, config.FAIR_CALENDAR_EVERY),
            resumeAllocationRunsJob(deps, config.ALLOCATION_RESUME_EVERY), releaseStaleDayClaimsJob(deps, config.DAY_CLAIM_SWEEP_EVERY, config.DAY_CLAIM_GRACE_MS),
            forgetDissolvedBusinessesJob(deps.businesses, { now: deps.now }), idempotencyKeysSweep(host.idempotency), rateLimitSweep(host.rateLimits),
          ],
        }),
      );
      host.http(venuesRouter(deps, host.idempotency));
      host.http(floorPlanRouter(deps));
      host.http(fairsRouter(deps, host.idempotency));
      host.http(applicationsRouter(deps, host.idempotency));
      host.http(openApiRouter());
      host.grpc(fairService(deps));
      return deps;
    },
  });

export const tradeFairService = service();
