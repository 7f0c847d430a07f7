// Duplicate keys are results, not failures, wherever a unique _id is the idempotency or the claim:
// a message already queued, a mark already written, a lease someone else holds. Recognised by code,
// never by instanceof: the error may come from another copy of the driver (mongoose's).

export const DUPLICATE_KEY = 11000;

/** Whether a single write failed because the key is taken. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

interface IndexedWriteError {
  index: number;
  code?: number;
}

function writeErrorsOf(err: unknown): IndexedWriteError[] | undefined {
  // The driver gives one error object, or an array of them, depending on how many items failed.
  const found = (err as { writeErrors?: unknown } | null)?.writeErrors;
  if (found === undefined || found === null) return undefined;
  return (Array.isArray(found) ? found : [found]) as IndexedWriteError[];
}

/**
 * Awaits an unordered bulk write (insertMany / bulkWrite with `ordered: false`, which goes on past a
 * failed item) and returns the indexes of the items refused for a duplicate key. Any other failure is thrown.
 */
export async function duplicateKeyIndexes(write: Promise<unknown>): Promise<Set<number>> {
  try {
    await write;
    return new Set();
  } catch (err) {
    const errors = writeErrorsOf(err);
    if (!errors || errors.length === 0 || errors.some((e) => e.code !== DUPLICATE_KEY)) throw err;
    return new Set(errors.map((e) => e.index));
  }
}

/** The driver's (and mongoose's) names for "the database cannot be reached right now". */
const UNREACHABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
]);

/** What the driver's network errors say: a pooled connection closed under it, refused, reset or timed out. */
const CONNECTION_LOST = /^connection \S+ to \S+ (closed|timed out)|ECONNREFUSED|ECONNRESET|EPIPE/;

function hasWriteErrors(e: object): boolean {
  const errors = (e as { writeErrors?: unknown }).writeErrors;
  return Array.isArray(errors) ? errors.length > 0 : Boolean(errors);
}

/**
 * Whether a failure means the database is unreachable for now (a restart, a failover, a network cut), so the
 * caller should answer 503 and be retried rather than report a 500: by name along the cause chain, the
 * driver's retryable labels, or mongoose's buffering time-out. Recognised by name, never by instanceof.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: unknown; message?: unknown; cause?: unknown; hasErrorLabel?: unknown } | null, depth = 0; e && depth < 5; depth += 1) {
    if (typeof e.name === 'string' && UNREACHABLE.has(e.name)) return true;
    if (typeof e.hasErrorLabel === 'function' && (e.hasErrorLabel as (l: string) => boolean).call(e, 'ResetPool')) return true;
    if (typeof e.message === 'string' && /buffering timed out after/.test(e.message)) return true;
    // A network error met inside a bulk write comes back as a MongoBulkWriteError that keeps its message but not its
    // type (mongodb's bulk/common.ts): no write error, and the connection's own words.
    if (e.name === 'MongoBulkWriteError' && !hasWriteErrors(e) && typeof e.message === 'string' && CONNECTION_LOST.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Runs an idempotent write until the database answers: retried while it is unreachable (a restart, a failover; see
 * isDatabaseUnavailable), backing off from 100 ms to 1 s, for up to `forMs`; any other error is thrown at once. For the
 * write that records something already done outside the database (a webhook sent, a mail handed over): giving up on
 * it leaves the work to be done again, so a database restart of a second would send the same message twice.
 */
export async function whenDatabaseAnswers<T>(write: () => Promise<T>, forMs = 30_000): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let wait = 100; ; wait = Math.min(1000, wait * 2)) {
    try {
      return await write();
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() + wait > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
