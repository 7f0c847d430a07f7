// The composition root: the service's parts on the shared service host (libs/service-kit). The host
// reads the config, opens the database, serves HTTP and gRPC and stops everything in reverse.
import { ReportPublished, SubmissionSubmitted } from '@hangviet/events/catalog';
import { consumers, eventBus, outboxRelay } from '@hangviet/events';
import { createScheduler, idempotencyKeysSweep, rateLimitSweep } from '@hangviet/jobs';
import { defineService } from '@hangviet/service-kit';
import type { CampaignResultsDeps } from './application/ports';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { indicatorProjectionConsumer } from './consumers/indicator-projection.consumer';
import { ensureProjectionIndexes, MongoProjection } from './infrastructure/mongo-projection';
import { rollupsRefresh } from './infrastructure/mongo-rollups';
import { MongoPublishedReports, publishedReportCollection } from './infrastructure/mongo-published-reports';
import { MongoSubmissionRepository } from './infrastructure/mongo-submission-repository';
import { submissionCollection, submissionModel } from './infrastructure/submission-model';
import { submissionService } from './transport/grpc/submission-service';
import { indicatorsRouter } from './transport/http/indicators-router';
import { openApiRouter } from './transport/http/openapi';
import { submissionsRouter } from './transport/http/submissions-router';

export const campaignResultsService = defineService({
  name: SERVICE_NAME,
  database: DEFAULT_DATABASE,
  config: configSchema,
  async compose(host): Promise<CampaignResultsDeps> {
    const { config, db } = host;
    // The models declare each collection's schema and indexes; repositories use the driver's typed collections.
    await submissionModel(host.connection).createIndexes();
    await ensureProjectionIndexes(db);
    const storedSubmissions = submissionCollection(db);
    const storedReports = publishedReportCollection(db);

    const bus = await host.add(eventBus(host, { topicPrefix: config.KAFKA_TOPIC_PREFIX, publishes: [SubmissionSubmitted.topic, ReportPublished.topic] }));
    const submissionRelay = await host.add(outboxRelay(bus, storedSubmissions));
    const reportRelay = await host.add(outboxRelay(bus, storedReports));
    const projection = MongoProjection.of(db);
    const deps: CampaignResultsDeps = {
      // Awaited after each write: a 2xx answer implies the event is on Kafka in the common case.
      submissions: new MongoSubmissionRepository(storedSubmissions, (id) => submissionRelay.publish(id)),
      reports: new MongoPublishedReports(storedReports, (id) => reportRelay.publish(id)),
      projection,
      now: () => new Date(),
    };

    await host.add(consumers(bus, [indicatorProjectionConsumer(deps, { groupPrefix: config.KAFKA_TOPIC_PREFIX })]));
    await host.add(createScheduler({ db, logger: host.logger, metrics: host.metrics, jobs: [idempotencyKeysSweep(host.idempotency), rateLimitSweep(host.rateLimits), rollupsRefresh(projection.rollups)] }));

    host.http(indicatorsRouter(deps), submissionsRouter(deps, host.idempotency), openApiRouter());
    host.grpc(submissionService(deps));
    return deps;
  },
});
