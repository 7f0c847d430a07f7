// Starts the whole service in-process against the real database and Kafka, on ephemeral ports,
// with its own database, topic prefix and signing keys; mints tokens for every role.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, ensureDevKeys, mintDevToken } from '@hangviet/service-kit';
import { testScope, type TestScope } from '@hangviet/testing';
import request from 'supertest';
import { startRegistry, type RunningRegistry } from '../../src/app';
import { loadRegistryConfig, type RegistryConfig } from '../../src/config';

// These tests talk to a real database and broker shared with other test files: allow for load.
// (The preset's testTimeout does not reach files run through the root multi-project config.)
jest.setTimeout(60_000);

export interface Harness {
  scope: TestScope;
  registry: RunningRegistry;
  config: RegistryConfig;
  http: ReturnType<typeof request>;
  /** Topic this service publishes to, with the test's prefix. */
  topic: string;
  tokens: {
    staff: string;
    admin: string;
    partner: string;
    /** An enterprise user whose business id is allocated but not registered yet. */
    newEnterprise(subject: string, businessId: string): Promise<string>;
    enterprise(businessId: string, subject?: string): Promise<string>;
  };
  stop(): Promise<void>;
}

export async function startHarness(label: string, env: Record<string, string> = {}): Promise<Harness> {
  const scope = testScope(label);
  const keys = await mkdtemp(join(tmpdir(), 'registry-keys-'));
  await ensureDevKeys(keys);
  const config: RegistryConfig = {
    ...loadRegistryConfig({
      MONGO_URL: scope.mongoUrl,
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: scope.topic(''),
      SEED_DEMO_DATA: 'false',
      AUTH_JWKS_FILE: join(keys, 'jwks.json'),
      OUTBOX_SWEEP_INTERVAL_MS: '200',
      LOG_LEVEL: 'silent',
      ...env,
    }),
    HTTP_PORT: 0,
    GRPC_PORT: 0,
  };
  const logger = createLogger({ service: 'business-registry-test', level: 'silent' });
  const registry = await startRegistry(config, logger);
  const mint = (claims: Parameters<typeof mintDevToken>[0]) => mintDevToken(claims, keys);
  const tokens: Harness['tokens'] = {
    staff: await mint({ role: 'staff', subject: 'staff-1' }),
    admin: await mint({ role: 'admin', subject: 'admin-1' }),
    partner: await mint({ role: 'partner', partnerId: 'portal', subject: 'partner-1' }),
    newEnterprise: (subject, businessId) => mint({ role: 'enterprise', businessId, subject }),
    enterprise: (businessId, subject = `owner-of-${businessId}`) => mint({ role: 'enterprise', businessId, subject }),
  };
  return {
    scope,
    registry,
    config,
    http: request(`http://127.0.0.1:${registry.httpPort}`),
    topic: scope.topic('hangviet.registry.business'),
    tokens,
    async stop() {
      await registry.connection.dropDatabase().catch(() => undefined);
      await registry.stop();
      await rm(keys, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });
