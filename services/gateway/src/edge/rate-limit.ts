// Requests per client per window: a signed-in subject is counted by its subject, anyone else by address.
// SEAM (shared rate limits): express-rate-limit's default store counts per instance. The platform's shared
// store comes from service-kit ("service-kit: shared rate limits", issue 12); until it lands here each
// gateway instance counts on its own, so N instances allow N times the limit.
import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { problemOf, sendProblem } from '@hangviet/service-kit';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  /** The store shared across instances; undefined = this instance's memory (see the seam above). */
  store?: Store;
}

export function apiRateLimit(opts: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(opts.store ? { store: opts.store } : {}),
    keyGenerator: (req) => (req.principal ? `sub:${req.principal.subject}` : `ip:${ipKeyGenerator(req.ip ?? '')}`),
    handler: (req, res) => {
      sendProblem(res, problemOf(req, 429, 'RATE_LIMITED', 'Too many requests; slow down and retry after the time in Retry-After.'));
    },
  });
}
