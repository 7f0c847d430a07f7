// The business registry in-process beside the certification service, sharing its Kafka topic prefix:
// business.* events reach certification, certificate.* events reach the registry's badges.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '@hangviet/business-registry/dist/app';
import { loadRegistryConfig } from '@hangviet/business-registry/dist/config';
import { createLogger, ensureDevKeys, mintDevToken, type DevTokenClaims } from '@hangviet/service-kit';
import { testScope } from '@hangviet/testing';
import request from 'supertest';

export async function startRegistryBeside(label: string, topicPrefix: string) {
  const scope = testScope(label);
  const keys = await mkdtemp(join(tmpdir(), 'registry-keys-'));
  await ensureDevKeys(keys);
  const config = {
    ...loadRegistryConfig({
      MONGO_URL: scope.mongoUrl,
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      SEED_DEMO_DATA: 'false',
      AUTH_JWKS_FILE: join(keys, 'jwks.json'),
      OUTBOX_SWEEP_INTERVAL_MS: '200',
      LOG_LEVEL: 'silent',
    }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  };
  const registry = await startRegistry(config, createLogger({ service: 'business-registry-test', level: 'silent' }));
  return {
    registry,
    http: request(`http://127.0.0.1:${registry.httpPort}`),
    grpcAddress: `127.0.0.1:${registry.grpcPort}`,
    keys,
    token: (claims: DevTokenClaims) => mintDevToken(claims, keys),
    async stop() {
      await registry.connection.dropDatabase().catch(() => undefined);
      await registry.stop();
      await rm(keys, { recursive: true, force: true });
    },
  };
}
