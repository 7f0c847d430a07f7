// One typed, validated configuration object, read from the environment once at start-up.
import { baseConfigSchema, port } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'sourcing';
/** Used when MONGO_URL names no database. */
export const DEFAULT_DATABASE = 'hangviet_sourcing';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8086),
  GRPC_PORT: port().default(50056),
  /** Prepended to every topic this service publishes to and consumes, and to its consumer groups: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** The business registry's gRPC address: asked who owns a business its copy cannot answer for. */
  BUSINESS_REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  REGISTRY_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** How often published requests past their closing time are expired, and orphaned meeting claims swept (libs/jobs durations). */
  EXPIRY_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: 'expected a duration such as 5m' }).default('5m'),
  CLAIM_SWEEP_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: 'expected a duration such as 5m' }).default('5m'),
});

export type SourcingConfig = z.infer<typeof configSchema>;
