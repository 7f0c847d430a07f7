// Rate limits shared by every instance of a service (issue 12, item 11): fixed-window counters in the
// service's own database, one document per (rule, key, window) incremented atomically with $inc, so two
// instances behind a load balancer count together. FerretDB has no TTL index: windows that ended are
// deleted by rateLimitSweep of @hangviet/jobs.
import type { Request, RequestHandler } from 'express';
import type { Collection, Db } from 'mongodb';
import { tooManyRequests } from './errors';
import { isDuplicateKey } from './mongo-errors';

export interface RateLimitStore {
  /** Counts one hit of key in the current window of windowMs; returns the count so far and when the window ends. */
  hit(rule: string, key: string, windowMs: number, now?: Date): Promise<{ count: number; resetAt: Date }>;
  /** The count of key in the current window, without counting a hit. */
  count(rule: string, key: string, windowMs: number, now?: Date): Promise<number>;
  /**
   * Forgets key's current window, but only while its count is at most `ifAtMost`: a sign-in that succeeds
   * clears its own attempts, never a lock that concurrent failures have reached meanwhile.
   */
  release(rule: string, key: string, windowMs: number, ifAtMost: number, now?: Date): Promise<boolean>;
  /** Deletes windows that have ended; returns how many. */
  sweep(now?: Date): Promise<number>;
}

interface WindowRecord {
  _id: string;
  count: number;
  expiresAt: Date;
}

export function createRateLimitStore(db: Db, collectionName = 'rate_limits'): RateLimitStore {
  const collection: Collection<WindowRecord> = db.collection<WindowRecord>(collectionName);
  let indexed: Promise<unknown> | undefined;
  const ensureIndexes = () => (indexed ??= collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_1' }));

  const windowOf = (rule: string, key: string, windowMs: number, now: Date) => {
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    return { id: `${rule}\u0000${key}\u0000${start}`, resetAt: new Date(start + windowMs) };
  };

  async function hit(rule: string, key: string, windowMs: number, now = new Date(), attempt = 0): Promise<{ count: number; resetAt: Date }> {
    await ensureIndexes();
    const { id, resetAt } = windowOf(rule, key, windowMs, now);
    try {
      const doc = await collection.findOneAndUpdate(
        { _id: id },
        { $inc: { count: 1 }, $setOnInsert: { expiresAt: resetAt } },
        { upsert: true, returnDocument: 'after' },
      );
      return { count: doc?.count ?? 1, resetAt };
    } catch (err) {
      // Two first hits of one window raced to insert it: the loser's increment goes to the winner's document.
      if (isDuplicateKey(err) && attempt < 3) return hit(rule, key, windowMs, now, attempt + 1);
      throw err;
    }
  }

  return {
    hit: (rule, key, windowMs, now) => hit(rule, key, windowMs, now),
    async count(rule, key, windowMs, now = new Date()) {
      const doc = await collection.findOne({ _id: windowOf(rule, key, windowMs, now).id });
      return doc?.count ?? 0;
    },
    async release(rule, key, windowMs, ifAtMost, now = new Date()) {
      return (await collection.deleteOne({ _id: windowOf(rule, key, windowMs, now).id, count: { $lte: ifAtMost } })).deletedCount === 1;
    },
    async sweep(now = new Date()) {
      await ensureIndexes();
      return (await collection.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
    },
  };
}

export interface RateLimitRule {
  /** Names the counter (`ip`, `principal`, `registrations`) and appears in the 429's detail. */
  name: string;
  /** Requests allowed per window; 0 turns the rule off. */
  limit: number;
  windowMs: number;
  /** Whose requests count together; undefined: this request is not counted by this rule. */
  key(req: Request): string | undefined;
}

/** Per client address (the socket's, or the forwarded one when express's `trust proxy` is set). */
export const perClientIp = (limit: number, windowMs = 60_000): RateLimitRule => ({
  name: 'client',
  limit,
  windowMs,
  key: (req) => req.ip ?? req.socket.remoteAddress ?? 'unknown',
});

/** Per authenticated principal and tenant: a token's subject, with its business or partner id. */
export const perPrincipal = (limit: number, windowMs = 60_000): RateLimitRule => ({
  name: 'principal',
  limit,
  windowMs,
  key: (req) => principalKey(req),
});

export function principalKey(req: Request): string | undefined {
  const p = req.principal;
  if (!p) return undefined;
  return `${p.subject}\u0000${p.businessId ?? p.partnerId ?? ''}`;
}

/**
 * Counts the request under each rule; past a limit, 429 RATE_LIMITED (problem+json) with Retry-After in
 * seconds until the window ends. A store that fails lets the request through (logged): an outage of the
 * counters must not become an outage of the service.
 */
export function rateLimit(store: RateLimitStore, rules: RateLimitRule[]): RequestHandler {
  const active = rules.filter((r) => r.limit > 0);
  return async (req, _res, next) => {
    for (const rule of active) {
      const key = rule.key(req);
      if (key === undefined) continue;
      let counted: { count: number; resetAt: Date };
      try {
        counted = await store.hit(rule.name, key, rule.windowMs);
      } catch (err) {
        req.log?.error({ err, rule: rule.name }, 'rate limit store unavailable: request let through');
        continue;
      }
      const retryAfter = Math.max(Math.ceil((counted.resetAt.getTime() - Date.now()) / 1000), 1);
      if (counted.count > rule.limit) {
        throw tooManyRequests('RATE_LIMITED', `Too many requests (${rule.name} limit: ${rule.limit} per ${rule.windowMs / 1000} s). Retry after ${retryAfter} s.`, {
          rule: rule.name,
          retryAfterSeconds: String(retryAfter),
        });
      }
    }
    next();
  };
}
