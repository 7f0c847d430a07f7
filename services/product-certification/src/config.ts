// One typed, validated configuration object, read from the environment once at start-up.
import { baseConfigSchema, port } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'product-certification';
/** Used when MONGO_URL names no database. */
export const DEFAULT_DATABASE = 'hangviet_certification';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8082),
  GRPC_PORT: port().default(50052),
  /** Prepended to every topic this service publishes to and consumes, and to its consumer groups: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** The registry's gRPC address (BusinessDirectoryService), asked when a business is not yet known from events. */
  BUSINESS_REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  REGISTRY_DEADLINE_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
  /** The private EC P-256 JWK that signs QR tokens (production: from the secret store). Unset: a dev pair under QR_DEV_KEYS_DIR. */
  QR_SIGNING_JWK: z.string().optional(),
  QR_DEV_KEYS_DIR: z.string().min(1).default('.local/certification-qr'),
  /** The public page a QR code opens, with ?token=… appended. */
  VERIFY_BASE_URL: z.url().default('http://127.0.0.1:8080/verify'),
  /** Public reports allowed per client per window (shared by every instance, in the database). */
  REPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  REPORT_RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** Seed the demo products and certificates once the registry's demo directory is there (local runs). */
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
  /** When the expiry job runs (cron, Asia/Ho_Chi_Minh). */
  CERTIFICATE_EXPIRY_CRON: z.string().min(1).default('15 1 * * *'),
});

export type ProductCertificationConfig = z.infer<typeof configSchema>;
