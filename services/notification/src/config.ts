// The notification service's configuration: one typed object from the environment, checked at start.
import { baseConfigSchema, loadConfig, port, positiveInt } from '@hangviet/service-kit';
import { z } from 'zod';
import type { NotificationPolicy } from './application/ports';
import { parseStaff } from './domain/notification-plan';
import { parseDuration, parseRetrySchedule } from './domain/retry-schedule';
import { parseAllowlist, parseTargetAllowlist } from './domain/ssrf-policy';

export const SERVICE_NAME = 'notification';
/** The database when MONGO_URL names none. */
export const DEFAULT_DATABASE = 'hangviet_notification';

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'expected a duration such as 500ms, 5s, 5m, 2h or 5d' });
        return z.NEVER;
      }
      return ms;
    });

const schedule = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return parseRetrySchedule(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `expected durations separated by commas: ${(err as Error).message}` });
        return z.NEVER;
      }
    });

const optionalList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === 'true' || value === '1'));

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8084),
  GRPC_PORT: port().default(50054),
  CONSUMER_GROUP: z.string().min(1).default('notification'),
  /** The business registry's gRPC address: who owns a business this service's copy cannot answer for (inbox, preferences). */
  BUSINESS_REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  REGISTRY_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** Topics to consume instead of every topic in the event catalogue (tests use prefixed topics). */
  EVENT_TOPICS: optionalList,
  /** Prepended to every topic this service publishes to (its operational events): lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
  /** How often the outbox sweeper looks for operational events a crash left unpublished. */
  OUTBOX_SWEEP_INTERVAL: duration('5s'),
  IDEMPOTENCY_SWEEP_INTERVAL: duration('10m'),

  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, { error: 'expected an smtp:// or smtps:// URL' }).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Hàng Việt <no-reply@hangviet.local>'),
  SMS_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  SMS_API_TOKEN: z.string().min(1).optional(),
  ZALO_ZNS_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  ZALO_ZNS_ACCESS_TOKEN: z.string().min(1).optional(),
  ZALO_ZNS_TEMPLATE_ID: z.string().min(1).default('hangviet_notice'),
  /** Staff who receive "new registration to review"; `email` or `email:en`. */
  STAFF_EMAILS: optionalList,
  DELIVERY_RETRY_SCHEDULE: schedule('0,30s,2m,10m,1h,6h'),

  WEBHOOK_RETRY_SCHEDULE: schedule('0,5s,5m,30m,2h,5h,10h,10h'),
  WEBHOOK_TIMEOUT_MS: positiveInt().default(15_000),
  WEBHOOK_DISABLE_AFTER: duration('5d'),
  WEBHOOK_FAILING_AFTER_ATTEMPTS: positiveInt().default(4),
  WEBHOOK_SECRET_OVERLAP: duration('24h'),
  /** CIDR ranges webhooks may reach although private or loopback (npm start allows loopback). */
  WEBHOOK_ALLOW_CIDRS: optionalList.refine(
    (list) => {
      try {
        parseAllowlist(list);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'expected IP addresses or CIDR ranges separated by commas' },
  ),
  /**
   * Exact `address:port` receivers webhooks may reach although private or loopback (`127.0.0.1:9000,[::1]:9000`):
   * what local runs use. WEBHOOK_ALLOW_CIDRS opens every port of a range (the platform's own services too): tests only.
   */
  WEBHOOK_ALLOW_TARGETS: optionalList.refine(
    (list) => {
      try {
        parseTargetAllowlist(list);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'expected address:port entries separated by commas, e.g. 127.0.0.1:9000' },
  ),
  /** Webhook endpoints one owner may have (a partner organisation, or a staff member). */
  WEBHOOK_ENDPOINTS_PER_OWNER: positiveInt().default(20),
  /** Production refuses plain-http webhook URLs. */
  WEBHOOK_REQUIRE_HTTPS: bool(false),

  WORKER_CONCURRENCY: positiveInt().default(16),
  /**
   * Webhook attempts in progress at once: their POSTs run concurrently and their database reads and
   * writes are merged into shared round trips, so this is also the most one round trip carries.
   */
  WEBHOOK_CONCURRENCY: positiveInt().default(128),
  /**
   * How long the consumer waits for a webhook's first attempt, which it makes itself; a slower one is handed to the
   * workers while it runs (claimed, its message written pending), so one slow partner does not hold the others' events.
   */
  WEBHOOK_FIRST_ATTEMPT_BUDGET: duration('1s'),
  /** How long the fan-out may use its copy of the active endpoints (changes made through this instance apply at once). */
  WEBHOOK_ENDPOINT_CACHE: duration('1s'),
  /** How often one worker scans the database for due work it was not handed (retries of a crashed instance). */
  WORKER_POLL_INTERVAL: duration('2s'),
  /**
   * A delivery attempt's claim: renewed every third of it while the attempt runs, so it need not outlast the slowest
   * attempt; a crashed instance's attempts are taken over one to two leases after it died.
   */
  WORKER_LEASE: duration('5s'),
  EVENT_LOG_RETENTION: duration('7d'),
  EVENT_LOG_SWEEP_INTERVAL: duration('1h'),
  /** How long a stream waits for a missing sequence number before skipping it (its writer died). */
  EVENT_LOG_GAP_WAIT: duration('5s'),
});

export type Config = z.infer<typeof configSchema>;

export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(configSchema, env);
  if (env.WEBHOOK_REQUIRE_HTTPS === undefined && config.NODE_ENV === 'production') config.WEBHOOK_REQUIRE_HTTPS = true;
  return config;
}

/** The delivery rules the use cases follow, from the configuration. */
export function notificationPolicy(config: Config): NotificationPolicy {
  return {
    staff: parseStaff(config.STAFF_EMAILS),
    deliveryRetryScheduleMs: config.DELIVERY_RETRY_SCHEDULE,
    webhookPolicy: {
      retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE,
      disableAfterMs: config.WEBHOOK_DISABLE_AFTER,
      failingAfterAttempts: config.WEBHOOK_FAILING_AFTER_ATTEMPTS,
    },
    secretOverlapMs: config.WEBHOOK_SECRET_OVERLAP,
  };
}
