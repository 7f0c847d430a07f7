import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { bearerToken, requireBusinessAccess, requireRole, type Authenticator, type Principal, type Role } from './auth';
import { requestContext } from './context';
import { AppError } from './errors';
import type { Logger } from './logging';
import { pathEncodingGuard, textGuard, unparsedBodyMarker } from './input-guards';
import { GENERIC_INTERNAL_DETAIL, problemFromAppError, problemOf, sendProblem } from './problem';
import { isDatabaseUnavailable } from './mongo-errors';
import { perClientIp, perPrincipal, rateLimit, type RateLimitStore } from './rate-limit';
import type { Readiness } from './readiness';

export { createReadiness, type Readiness, type ReadinessReport } from './readiness';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    requestId: string;
  }
}

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  readiness: Readiness;
  authenticator: Authenticator;
  /** JSON body limit, e.g. '100kb' (default) or '1mb'. */
  bodyLimit?: string;
  /** Registry for /metrics; a fresh one per app by default so several apps can live in one process. */
  metricsRegistry?: Registry;
  /** Shared rate limits: client rules count before authentication, principal rules after it. */
  rateLimits?: { store: RateLimitStore; perClient: number; perPrincipal: number; windowMs: number };
  /** express's `trust proxy` setting (the gateway in front forwards the client's address). */
  trustProxy?: string;
  /** false: no /metrics on this app (served on an internal listener instead, or not at all). */
  serveMetrics?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const LOGGER = Symbol('hangviet.logger');

type AppWithLogger = express.Express & { [LOGGER]?: Logger };

/**
 * The express app every service starts from. Add routers, then call finishHttpApp(app) last.
 * Probes and /metrics come before body parsing and auth, so a bad header never fails a probe.
 */
export function createHttpApp(opts: HttpAppOptions): express.Express {
  const app = express() as AppWithLogger;
  app[LOGGER] = opts.logger;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Only the listed proxies' X-Forwarded-* count (TRUST_PROXY); by default none, and req.ip is the socket's.
  if (opts.trustProxy) app.set('trust proxy', opts.trustProxy.split(',').map((s) => s.trim()).filter(Boolean));

  const register = opts.metricsRegistry ?? new Registry();
  register.setDefaultLabels({ service: opts.service });
  collectDefaultMetrics({ register });
  const duration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    const stop = duration.startTimer();
    res.on('finish', () => {
      // The route template, never the raw URL: ids in paths would explode the label set.
      const route = req.route?.path !== undefined ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    requestContext.run({ requestId: req.requestId }, next);
  });

  app.use(
    pinoHttp({
      logger: opts.logger,
      genReqId: (req) => (req as Request).requestId,
      customLogLevel: (req, res, err) => {
        if (err || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return isProbe(req.url) ? 'debug' : 'info';
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      wrapSerializers: false,
    }),
  );
  app.use(helmet());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await opts.readiness.check();
    res.status(report.ok ? 200 : 503).json({ status: report.ok ? 'ok' : 'unavailable', checks: report.checks });
  });
  if (opts.serveMetrics !== false) {
    app.get('/metrics', async (_req, res) => {
      res.type(register.contentType).send(await register.metrics());
    });
  }

  const limits = opts.rateLimits;
  if (limits) app.use(rateLimit(limits.store, [perClientIp(limits.perClient, limits.windowMs)]));
  app.use(pathEncodingGuard);
  app.use(express.json({ limit: opts.bodyLimit ?? '100kb', type: ['application/json', 'application/*+json'] }));
  app.use(unparsedBodyMarker);
  app.use(textGuard);

  app.use(async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req.get('authorization'));
      if (token !== undefined) req.principal = await opts.authenticator.verify(token);
      next();
    } catch (err) {
      next(err);
    }
  });
  if (limits) app.use(rateLimit(limits.store, [perPrincipal(limits.perPrincipal, limits.windowMs)]));

  return app;
}

/** Express middleware form of requireRole: 401 without a principal, 403 ROLE_REQUIRED without the role. */
export function roleGuard(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    requireRole(req.principal, ...roles);
    next();
  };
}

/** Express middleware form of requireBusinessAccess for routes with a business id parameter. */
export function businessGuard(param = 'businessId'): RequestHandler {
  return (req, _res, next) => {
    requireBusinessAccess(req.principal, String(req.params[param] ?? ''));
    next();
  };
}

/** Adds the 404 handler and the error handler; call after every route. */
export function finishHttpApp(app: express.Express): void {
  const logger = (app as AppWithLogger)[LOGGER];
  app.use((req: Request, res: Response) => {
    sendProblem(res, problemOf(req, 404, 'ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}.`));
  });
  const onError: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof AppError) {
      if (err.kind === 'internal' || err.kind === 'unavailable') (req.log ?? logger)?.error({ err }, err.message);
      const retryAfter = err.kind === 'too_many_requests' ? err.meta?.retryAfterSeconds : undefined;
      if (retryAfter) res.setHeader('Retry-After', retryAfter);
      return sendProblem(res, problemFromAppError(req, err));
    }
    const parserError = bodyParserProblem(err);
    if (parserError) return sendProblem(res, problemOf(req, parserError.status, parserError.code, parserError.detail));
    if (isDatabaseUnavailable(err)) {
      // A database restart or failover: retryable, not a bug (nothing was half-written: writes are single-document).
      (req.log ?? logger)?.warn({ err }, 'database unavailable');
      res.setHeader('Retry-After', '1');
      return sendProblem(res, problemOf(req, 503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached right now; retry shortly.'));
    }
    (req.log ?? logger)?.error({ err }, 'unhandled error');
    sendProblem(res, problemOf(req, 500, 'INTERNAL', GENERIC_INTERNAL_DETAIL));
  };
  app.use(onError);
}

/** body-parser signals its failures with a `type`; each gets a precise status and a stable code. */
function bodyParserProblem(err: unknown): { status: number; code: string; detail: string } | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than this endpoint accepts.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_ENCODING', detail: 'The request body encoding or charset is not supported.' };
    case 'request.aborted':
      return { status: 400, code: 'REQUEST_ABORTED', detail: 'The request was aborted by the client.' };
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return { status: 400, code: 'BAD_REQUEST_BODY', detail: 'The request body could not be read.' };
    default:
      break;
  }
  // body-parser turns a failed inflate (Content-Encoding: gzip over a body that is not gzip) into a 400
  // without a type; zlib's own code says which.
  const e = err as { status?: unknown; expose?: unknown; code?: unknown } | null;
  if (e && e.status === 400 && e.expose === true) {
    const zlib = typeof e.code === 'string' && /^(Z_|ERR_BROTLI|ERR__ERROR_FORMAT)/.test(e.code);
    return zlib
      ? { status: 400, code: 'CONTENT_ENCODING_INVALID', detail: 'The request body is not encoded as its Content-Encoding says.' }
      : { status: 400, code: 'BAD_REQUEST_BODY', detail: 'The request body could not be read.' };
  }
  return undefined;
}

function isProbe(url: string | undefined): boolean {
  return url === '/healthz' || url === '/readyz' || url === '/metrics';
}
