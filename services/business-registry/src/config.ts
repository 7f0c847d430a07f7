// One typed, validated configuration object, read from the environment once at start-up (the service
// host fails fast on a bad variable, naming it).
import { baseConfigSchema, loadConfig, port, positiveInt } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'business-registry';
/** Used when MONGO_URL names no database in its path. */
export const DEFAULT_DATABASE = 'hangviet_registry';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8081),
  GRPC_PORT: port().default(50051),
  /** Prepended to every topic this service publishes to: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** Seed the demo directory when the database is empty. */
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt('expected a positive number of milliseconds').default(5000),
  /** How often the directory entries a crashed write left behind are rewritten (a scheduled job, one instance at a time). */
  DIRECTORY_SWEEP_INTERVAL_MS: positiveInt('expected a positive number of milliseconds').default(60_000),
  /** How often expired Idempotency-Key records are deleted (a scheduled job, one instance at a time). */
  IDEMPOTENCY_SWEEP_INTERVAL_MS: positiveInt('expected a positive number of milliseconds').default(600_000),
  /** Registrations one enterprise account may submit per day (issue 12: tax-code squatting); 0 turns it off. */
  REGISTRATIONS_PER_ACCOUNT_PER_DAY: z.coerce.number({ error: 'expected a whole number ≥ 0' }).int().min(0).default(3),
});

export type RegistryConfig = z.infer<typeof configSchema>;

export function loadRegistryConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return loadConfig(configSchema, env);
}
