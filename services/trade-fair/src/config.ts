// One typed, validated configuration object, read from the environment once at start-up.
import { baseConfigSchema, port } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'trade-fair';
/** Used when MONGO_URL names no database. */
export const DEFAULT_DATABASE = 'hangviet_tradefair';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8083),
  GRPC_PORT: port().default(50053),
  /** Prepended to every topic this service publishes to and consumes, and to its consumer groups: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** The business registry's gRPC address, asked when a business is not in this service's copy yet. */
  BUSINESS_REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  REGISTRY_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** The certification service's gRPC address: a business's valid certificates, asked fresh when ranking. */
  PRODUCT_CERTIFICATION_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50052'),
  CERTIFICATION_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** How long a waitlisted enterprise has to confirm booths offered to it (default 48 h). */
  OFFER_HOLD_MS: z.coerce.number().int().min(1000).default(48 * 3600_000),
  /** How often lapsed offers are looked for (libs/jobs interval: '5s', '1m'…). */
  OFFER_SWEEP_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: "expected a duration such as '5s' or '1m'" }).default('5s'),
  /** How often the fair calendar (RUNNING/CLOSED moves, set-up reminders), the resume of half-applied allocation runs and the day-claim sweeper run. */
  FAIR_CALENDAR_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: "expected a duration such as '5s' or '1m'" }).default('1m'),
  ALLOCATION_RESUME_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: "expected a duration such as '5s' or '1m'" }).default('10s'),
  DAY_CLAIM_SWEEP_EVERY: z.string().regex(/^\d+(ms|s|m|h)$/, { error: "expected a duration such as '5s' or '1m'" }).default('1m'),
  /** A venue-day claim older than this with no fair written is released (default 5 min). */
  DAY_CLAIM_GRACE_MS: z.coerce.number().int().min(1000).default(5 * 60_000),
  /** The per-fair allocation lease (renewed every third while a run goes on): a crashed run is resumed after it. */
  ALLOCATION_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Applications per bulk write when a run is applied. */
  ALLOCATION_APPLY_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  /**
   * Whether a single write's answer waits for its events to reach Kafka (true), or answers once state and
   * outbox are durable while the relay publishes behind it (false). Either way nothing is lost (the outbox).
   */
  AWAIT_PUBLISH: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
  /** Seeds the demo venue and market session into an empty database (as the registry seeds its directory). */
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true').transform((v) => v === 'true'),
});

export type TradeFairConfig = z.infer<typeof configSchema>;
