// The business registry in-process beside the certification service, sharing its Kafka topic prefix:
// business.* events reach certification, certificate.* events reach the registry's badges.
import { businessRegistry } from '@hangviet/business-registry/dist/service';
import { startServiceHarness } from '@hangviet/service-testing';

export async function startRegistryBeside(label: string, topicPrefix: string) {
  const h = await startServiceHarness(businessRegistry, { label, env: { KAFKA_TOPIC_PREFIX: topicPrefix, OUTBOX_SWEEP_INTERVAL_MS: '200' } });
  return Object.assign(h, { grpcAddress: `127.0.0.1:${h.service.grpcPort}` });
}
