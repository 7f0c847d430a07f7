// The gateway's configuration, read once from the environment (a bad variable stops the start, named).
import { baseConfigSchema, port, positiveInt } from '@hangviet/service-kit';
import { z } from 'zod';

export const SERVICE_NAME = 'gateway';
export const DEFAULT_DATABASE = 'hangviet_gateway';

const json = <T extends z.ZodType>(schema: T, rule: string) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: rule });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const configSchema = baseConfigSchema.extend({
  HTTP_PORT: port().default(8080),
  /** The public origin the browser sees (sign-in redirects, the OIDC issuer's base). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('http://127.0.0.1:8080'),
  /** Added to each declared service's port to reach it (npm start's second copy). */
  HANGVIET_PORT_OFFSET: z.coerce.number({ error: 'expected a whole number' }).int().default(0),
  /** Overrides where a service is reached, by folder: {"business-registry":"http://registry:8081"}. */
  UPSTREAMS: json(z.record(z.string(), z.url()), 'expected a JSON object of folder → URL').default({}),
  /** Browser origins other than PUBLIC_URL allowed to call /v1 (comma-separated). */
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .default([]),
  /** How often expired OIDC records (sessions, codes, interactions) are deleted. */
  OIDC_SWEEP_INTERVAL_MS: positiveInt().default(600_000),
  /** Largest request body passed on (CSV imports); JSON bodies are capped at 100kb by the host. */
  MAX_BODY_BYTES: positiveInt().default(10 * 1024 * 1024),
  /** How long a proxied request may take before 504. */
  UPSTREAM_TIMEOUT_MS: positiveInt().default(30_000),
  /** Built console (services/console/dist), served at /. */
  CONSOLE_DIR: z.string().default('services/console/dist'),
  /** The identity service (oidc-provider) inside the gateway; off when another OIDC provider is used. */
  IDENTITY_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** The private signing key set of the identity (dev: the key pair under .local/auth). */
  IDENTITY_PRIVATE_JWK_FILE: z.string().default('.local/auth/private.jwk'),
  /** Secrets that sign the identity's cookies (comma-separated; rotate by prepending). */
  IDENTITY_COOKIE_KEYS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .default(['dev-only-cookie-key-change-me']),
  /** Sign-in attempts per account and client address before that client is locked out of it, and the window (the longest lock). */
  IDENTITY_LOCKOUT_ATTEMPTS: positiveInt().default(5),
  IDENTITY_LOCKOUT_MS: positiveInt().default(15 * 60_000),
  /** Failures on one account (every address) / from one address (every account) per window before checks are delayed, doubling up to the ceiling. */
  IDENTITY_BACKOFF_ACCOUNT_AFTER: positiveInt().default(10),
  IDENTITY_BACKOFF_ADDRESS_AFTER: positiveInt().default(20),
  IDENTITY_BACKOFF_MAX_MS: positiveInt().default(8_000),
  /** Sign-in form posts per client address per minute (argon2 is costly: a flood stops here). */
  IDENTITY_SIGNIN_PER_CLIENT: positiveInt().default(30),
  /** Mails one address may receive, and sign-ups / reset requests per client address and per endpoint in all, per IDENTITY_MAIL_WINDOW_MS. */
  IDENTITY_MAIL_PER_ADDRESS: positiveInt().default(5),
  IDENTITY_MAIL_ENDPOINT_PER_CLIENT: positiveInt().default(10),
  IDENTITY_MAIL_ENDPOINT_TOTAL: positiveInt().default(1000),
  IDENTITY_MAIL_WINDOW_MS: positiveInt().default(3600_000),
  /** Where verification and reset mail goes (dev: the mail sink). */
  SMTP_URL: z.string().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('hangviet <no-reply@hangviet.local>'),
  /** Accounts created at start when missing: [{"email","password","roles":["staff"]}] (dev, demo). */
  IDENTITY_SEED_ACCOUNTS: json(
    z.array(z.object({ email: z.email(), password: z.string().min(8), name: z.string().default(''), roles: z.array(z.enum(['staff', 'admin'])) })),
    'expected a JSON array of {email,password,roles}',
  ).default([]),
  /** The business registry's gRPC address: at each token issuance the identity asks which business the account owns. */
  BUSINESS_REGISTRY_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  REGISTRY_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** When another OIDC provider issues the tokens: its issuer and where the console signs in. */
  OIDC_CLIENT_ID: z.string().default('hangviet-console'),
});

export type GatewayConfig = z.infer<typeof configSchema>;
