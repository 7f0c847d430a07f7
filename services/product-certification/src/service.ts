// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { CertificateIssued, ProductRegistered, ReportReceived, ApplicationSubmitted } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { forgetDissolvedBusinessesJob, GrpcBusinessRegistry, KnownBusinesses, MongoKnownBusinessStore } from '@hangviet/known-businesses';
import { defineService } from '@hangviet/service-kit';
import type { ProductCertificationDeps, RateLimiter } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { businessStatusConsumer } from './consumers/business-status.consumer';
import { sniffContentType } from './domain/content-type';
import { DatabaseDocumentStorage } from './infrastructure/document-storage';
import { collections, createIndexes } from './infrastructure/models';
import { createQrSigner } from './infrastructure/qr-signer';
import { MongoApplicationRepository, MongoCertificateRepository, MongoProductRepository, MongoReportRepository } from './infrastructure/repositories';
import { certificateExpiryJob, issueMissingCertificatesJob, seedDemoDataJob } from './jobs/certification.jobs';
import { productCertificationService as grpcService } from './transport/grpc/product-certification-service';
import { applicationsRouter } from './transport/http/applications-router';
import { certificatesRouter } from './transport/http/certificates-router';
import { ocopCriteriaRouter } from './transport/http/ocop-criteria-router';
import { openApiRouter } from './transport/http/openapi';
import { productsRouter } from './transport/http/products-router';
import { reportsRouter } from './transport/http/reports-router';

export const productCertificationService = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<ProductCertificationDeps> {
    const { config, db } = host;
    await createIndexes(host.connection);
    const c = collections(db);

    const topics = [ProductRegistered, ApplicationSubmitted, CertificateIssued, ReportReceived].map((e) => e.topic);
    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: topics }));
    // One relay per aggregate collection; awaited after each write, so a 2xx implies the event is on Kafka in the common case.
    const relay = async (collection: (typeof c)['products']) => {
      const part = await host.add(outboxRelay(bus, collection));
      return (id: string) => part.publish(id);
    };
    const registry = new GrpcBusinessRegistry(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
    const knownBusinesses = new MongoKnownBusinessStore(db);
    await knownBusinesses.ensureIndexes();
    host.onStop('registry client', async () => registry.close());
    // Reports count in the host's shared rate-limit windows (libs/service-kit rate-limit.ts), swept by rateLimitSweep.
    const reportLimiter: RateLimiter = {
      hit: async (clientKey, now) => (await host.rateLimits.hit('reports', clientKey, config.REPORT_RATE_WINDOW_MS, now)).count <= config.REPORT_RATE_LIMIT,
    };
    const deps: ProductCertificationDeps = {
      products: new MongoProductRepository(c, await relay(c.products)),
      applications: new MongoApplicationRepository(c, await relay(c.applications)),
      certificates: new MongoCertificateRepository(c, await relay(c.certificates)),
      reports: new MongoReportRepository(c, await relay(c.reports)),
      businesses: new KnownBusinesses(knownBusinesses, registry),
      registry,
      documents: new DatabaseDocumentStorage(c),
      sniff: async (bytes) => sniffContentType(bytes),
      qr: await createQrSigner({ ...(config.QR_SIGNING_JWK ? { privateJwk: config.QR_SIGNING_JWK } : {}), devKeysDir: config.QR_DEV_KEYS_DIR }),
      reportLimiter,
      verifyBaseUrl: config.VERIFY_BASE_URL,
      now: () => new Date(),
    };

    await host.add(consumers(bus, [businessStatusConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(
      createScheduler({
        db,
        logger: host.logger,
        metrics: host.metrics,
        jobs: [
          certificateExpiryJob(deps, config.CERTIFICATE_EXPIRY_CRON),
          issueMissingCertificatesJob(deps),
          forgetDissolvedBusinessesJob(deps.businesses, { now: deps.now }),
          rateLimitSweep(host.rateLimits),
          idempotencyKeysSweep(host.idempotency),
          ...(config.SEED_DEMO_DATA ? [seedDemoDataJob(deps)] : []),
        ],
      }),
    );

    host.http(productsRouter(deps, host.idempotency), applicationsRouter(deps, host.idempotency), certificatesRouter(deps), reportsRouter(deps), ocopCriteriaRouter(), openApiRouter(deps.now));
    host.grpc(grpcService(deps));
    return deps;
  },
});
