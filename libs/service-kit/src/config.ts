import { z } from 'zod';
import { DEFAULT_ISSUER } from './auth';

/** Thrown by loadConfig: one line per bad variable, naming the variable and the rule. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const PORT_RULE = 'expected a port number 1–65535';

/** A TCP port from an environment string. */
export const port = () =>
  z.coerce.number({ error: PORT_RULE }).int({ error: PORT_RULE }).min(1, { error: PORT_RULE }).max(65535, { error: PORT_RULE });

/** A positive integer from an environment string, e.g. a timeout in milliseconds. */
export const positiveInt = (rule = 'expected a positive whole number') =>
  z.coerce.number({ error: rule }).int({ error: rule }).positive({ error: rule });

/** A comma-separated list, e.g. KAFKA_BROKERS=a:9092,b:9092. */
export const commaList = (rule = 'expected a comma-separated list') =>
  z
    .string({ error: rule })
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, { error: rule }));

export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { error: 'expected one of development, test, production' }).default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /** Listen address of the HTTP and gRPC servers: loopback unless an operator opens it (HOST=0.0.0.0 in a container). */
  HOST: z.string().regex(/^[0-9A-Za-z.:-]{1,253}$/, { error: 'expected a host name or IP address' }).default('127.0.0.1'),
  HTTP_PORT: port().default(8080),
  GRPC_PORT: port().default(50051),
  KAFKA_BROKERS: commaList('expected host:port[,host:port…]').default(['127.0.0.1:9092']),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, { error: 'expected a mongodb:// or mongodb+srv:// URL' })
    .default('mongodb://127.0.0.1:27017'),
  AUTH_ISSUER: z.string().min(1, { error: 'expected a non-empty issuer' }).default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().min(1, { error: 'expected a non-empty audience' }).default('hangviet'),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  AUTH_JWKS_FILE: z.string().min(1, { error: 'expected a file path' }).default('.local/auth/jwks.json'),
  /** Requests per RATE_LIMIT_WINDOW_MS from one client address / one principal, counted across instances; 0 turns it off. */
  RATE_LIMIT_PER_CLIENT: z.coerce.number({ error: 'expected a whole number ≥ 0' }).int().min(0).default(1200),
  RATE_LIMIT_PER_PRINCIPAL: z.coerce.number({ error: 'expected a whole number ≥ 0' }).int().min(0).default(600),
  RATE_LIMIT_WINDOW_MS: positiveInt('expected a positive number of milliseconds').default(60_000),
  /**
   * The proxies whose X-Forwarded-* headers are believed, listed explicitly (express's `trust proxy` as
   * addresses, subnets or `loopback`/`linklocal`/`uniquelocal`, comma-separated); unset: none, the socket's
   * address is the client. `true` (anyone) is refused: a client could then name any address it likes (a hop count likewise trusts whoever connects).
   */
  TRUST_PROXY: z
    .string()
    .refine((v) => !/^\s*(true|\*|\d+)\s*$/i.test(v), { error: 'expected the trusted proxies listed (addresses, subnets, loopback), not "true" or a hop count' })
    .optional(),
  /** Serves /metrics on this separate port (an internal listener) instead of the public one. */
  METRICS_PORT: port().optional(),
  /** This service's token for its gRPC calls to others (role `service`); unset in development: minted from the dev key. */
  SERVICE_TOKEN: z.string().regex(/^[A-Za-z0-9._~+/=-]+$/, { error: 'expected a JWT' }).optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt('expected a positive number of milliseconds').default(10_000),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Parses the environment; empty strings count as unset so `FOO=` falls back to the default. */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = issue.path.length ? issue.path.map(String).join('.') : '(environment)';
    if (problems.has(name)) continue; // the first rule broken is the one to fix
    const raw = input[name];
    problems.set(name, raw === undefined ? `${name}: required, not set` : `${name}: ${issue.message}, got ${shown(name, raw)}`);
  }
  throw new ConfigError([...problems.values()]);
}

// The message goes to logs: never echo a secret, nor credentials inside a URL.
function shown(name: string, raw: string): string {
  if (/SECRET|PASSWORD|TOKEN|KEY/i.test(name)) return '(hidden)';
  return `'${raw.replace(/\/\/[^/@\s]*@/, '//***@')}'`;
}
