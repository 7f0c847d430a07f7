// One typed, validated configuration object, read from the environment once at start-up.
import { baseConfigSchema, port } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'campaign-results';
/** Used when MONGO_URL names no database. */
export const DEFAULT_DATABASE = 'hangviet_campaign';

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8085),
  GRPC_PORT: port().default(50055),
  /** Prepended to every topic this service publishes to and consumes, and to its consumer groups: lets tests and shared clusters isolate. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, { error: 'expected letters, digits, . _ -' }).default(''),
});

export type CampaignResultsConfig = z.infer<typeof configSchema>;
