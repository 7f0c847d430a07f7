import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Collection, Db } from 'mongodb';
import { AppError, conflict, invalid } from './errors';
import { isDuplicateKey } from './mongo-errors';

/** What a finished request left behind, to replay for a retry with the same key. */
export interface StoredResponse {
  status: number;
  contentType?: string;
  location?: string;
  body: string;
}

export type BeginResult =
  | { outcome: 'started' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' };

export interface IdempotencyStore {
  /** Claims (scope, key) for a request with this fingerprint, or says why not. */
  begin(scope: string, key: string, fingerprint: string): Promise<BeginResult>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed, so the client may retry with the same key. */
  release(scope: string, key: string): Promise<void>;
  /** Deletes expired records; returns how many. */
  sweep(now?: Date): Promise<number>;
  /** Sweeps every intervalMs (default 10 min) until stop(). */
  start(intervalMs?: number): void;
  stop(): void;
}

interface IdempotencyRecord {
  _id: string;
  scope: string;
  key: string;
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response?: StoredResponse;
  createdAt: Date;
  /** In flight: the claim lapses here (a crashed instance must not block the key forever). */
  lockedUntil: Date;
  expiresAt: Date;
}

export interface IdempotencyStoreOptions {
  /** How long a key is remembered (default 24 h). */
  ttlMs?: number;
  /** How long an unfinished request holds its key before another may take it over (default 60 s). */
  lockMs?: number;
  collection?: string;
}

/**
 * Keys live in one collection with an ordinary index on expiresAt; a periodic sweep deletes them
 * (FerretDB has no TTL indexes, and an explicit sweep behaves the same on MongoDB).
 */
export function createIdempotencyStore(db: Db, opts: IdempotencyStoreOptions = {}): IdempotencyStore {
  const ttlMs = opts.ttlMs ?? 24 * 60 * 60 * 1000;
  const lockMs = opts.lockMs ?? 60_000;
  const collection: Collection<IdempotencyRecord> = db.collection<IdempotencyRecord>(opts.collection ?? 'idempotency_keys');
  let indexed: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const ensureIndexes = () => (indexed ??= collection.createIndex({ expiresAt: 1 }, { name: 'expiresAt_1' }));
  const idOf = (scope: string, key: string) => `${scope}\u0000${key}`;

  async function begin(scope: string, key: string, fingerprint: string, attempt = 0): Promise<BeginResult> {
    await ensureIndexes();
    const now = new Date();
    const _id = idOf(scope, key);
    try {
      await collection.insertOne({
        _id,
        scope,
        key,
        fingerprint,
        state: 'in_flight',
        createdAt: now,
        lockedUntil: new Date(now.getTime() + lockMs),
        expiresAt: new Date(now.getTime() + ttlMs),
      });
      return { outcome: 'started' };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await collection.findOne({ _id });
    if (!existing) return attempt < 2 ? begin(scope, key, fingerprint, attempt + 1) : { outcome: 'in_flight' };
    if (existing.expiresAt <= now) {
      // Expired but not swept yet: behaves as if it were gone.
      await collection.deleteOne({ _id, expiresAt: existing.expiresAt });
      return attempt < 2 ? begin(scope, key, fingerprint, attempt + 1) : { outcome: 'in_flight' };
    }
    if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (existing.state === 'completed' && existing.response) return { outcome: 'replay', response: existing.response };
    if (existing.lockedUntil <= now) {
      // The first attempt never finished (crash, lost instance): take the claim over atomically.
      const taken = await collection.updateOne(
        { _id, state: 'in_flight', lockedUntil: existing.lockedUntil },
        { $set: { lockedUntil: new Date(now.getTime() + lockMs) } },
      );
      if (taken.modifiedCount === 1) return { outcome: 'started' };
    }
    return { outcome: 'in_flight' };
  }

  return {
    begin: (scope, key, fingerprint) => begin(scope, key, fingerprint),
    async complete(scope, key, response) {
      await collection.updateOne({ _id: idOf(scope, key), state: 'in_flight' }, { $set: { state: 'completed', response } });
    },
    async release(scope, key) {
      await collection.deleteOne({ _id: idOf(scope, key), state: 'in_flight' });
    },
    async sweep(now = new Date()) {
      await ensureIndexes();
      const result = await collection.deleteMany({ expiresAt: { $lte: now } });
      return result.deletedCount;
    },
    start(intervalMs = 10 * 60 * 1000) {
      if (timer) return;
      timer = setInterval(() => {
        // A failed sweep is retried next tick; expired keys are also ignored on read meanwhile.
        this.sweep().catch(() => undefined);
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Idempotency-Key for creating POST routes (Novu's behaviour): the first request runs; a retry with the
 * same key and body replays the stored status and body with `Idempotency-Replayed: true`; a retry while
 * the first is still running gets 409 IDEMPOTENCY_IN_FLIGHT; the same key with another body gets
 * 422 IDEMPOTENCY_KEY_REUSED. Keys are scoped by principal, tenant (business or partner id) and route
 * (method and path), so one caller's key never reaches another's response (issue 12, item 6); anonymous
 * callers share one principal scope, still per route.
 * Responses with status ≥ 500 are not stored: the client may retry them with the same key.
 */
export function idempotent(store: IdempotencyStore): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw invalid(
        [{ field: 'Idempotency-Key', code: 'INVALID_FORMAT', message: 'Expected 1–255 visible ASCII characters.' }],
        'The Idempotency-Key header is not valid.',
      );
    }
    const scope = idempotencyScope(req);
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.baseUrl}${req.path}\n`)
      .update(JSON.stringify(req.body ?? null))
      .digest('hex');
    const begun = await store.begin(scope, key, fingerprint);
    switch (begun.outcome) {
      case 'replay':
        return replay(res, begun.response);
      case 'in_flight':
        throw conflict('IDEMPOTENCY_IN_FLIGHT', 'A request with this Idempotency-Key is still being processed.');
      case 'mismatch':
        throw new AppError(
          'invalid',
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request; use a new key for a new request.',
        );
      case 'started':
        break;
    }
    let settled: Promise<void> | undefined;
    const settle = (status: number, body: string): Promise<void> =>
      (settled ??= (
        status < 500
          ? store.complete(scope, key, {
              status,
              body,
              ...(res.get('content-type') ? { contentType: String(res.get('content-type')) } : {}),
              ...(res.get('location') ? { location: String(res.get('location')) } : {}),
            })
          : store.release(scope, key)
      ).catch((err: unknown) => {
        req.log?.error({ err }, 'idempotency record not updated');
      }));
    const send = res.send.bind(res);
    // res.json and res.send(object) end in res.send(string): store that final body BEFORE the client
    // sees it, so a retry sent right after the response always finds it.
    res.send = ((payload?: unknown) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return send(payload);
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      void settle(res.statusCode, text).then(() => send(payload));
      return res;
    }) as Response['send'];
    // Responses that bypass res.send (res.end(), streams). A client that hangs up changes nothing: the
    // handler still finishes and its response is stored; a handler that never answers lapses after lockMs.
    res.on('finish', () => void settle(res.statusCode, ''));
    next();
  };
}

/** principal | tenant | route: each part length-prefixed so no two different triples spell one scope. */
export function idempotencyScope(req: Pick<Request, 'principal' | 'method' | 'baseUrl' | 'path'>): string {
  const p = req.principal;
  const tenant = p?.businessId !== undefined ? `business:${p.businessId}` : p?.partnerId !== undefined ? `partner:${p.partnerId}` : 'none';
  const parts = [p ? `sub:${p.subject}` : 'anonymous', tenant, `${req.method} ${req.baseUrl}${req.path}`];
  return parts.map((part) => `${part.length}:${part}`).join('|');
}

function replay(res: Response, stored: StoredResponse): void {
  res.setHeader('Idempotency-Replayed', 'true');
  if (stored.location) res.setHeader('Location', stored.location);
  if (stored.contentType) res.setHeader('Content-Type', stored.contentType);
  res.status(stored.status).send(stored.body);
}
