// One typed, validated configuration object, read from the environment once at start-up.
import { baseConfigSchema, loadConfig, port, positiveInt } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'business-registry';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8081),
  GRPC_PORT: port().default(50051),
  /** Used when MONGO_URL names no database. */
  MONGO_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, { error: 'expected a database name' }).default('hangviet_registry'),
  /** Prepended to every topic this service publishes to: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** Seed the demo directory when the database is empty. */
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt('expected a positive number of milliseconds').default(5000),
});

export type RegistryConfig = z.infer<typeof configSchema>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig(configSchema, env);
}

/** The database: the one MONGO_URL names, else MONGO_DATABASE. */
export function databaseName(config: Pick<RegistryConfig, 'MONGO_URL' | 'MONGO_DATABASE'>): string {
  const path = new URL(config.MONGO_URL.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.replace(/^\//, '');
  return path !== '' ? decodeURIComponent(path) : config.MONGO_DATABASE;
}
