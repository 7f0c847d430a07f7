// Unordered bulk writes (insertMany / bulkWrite with ordered: false) go on past a failed item and
// report each failure with its index. A duplicate key there means "already written" — a message
// already queued, a claim someone else holds — which callers treat as a result, not an error.

const DUPLICATE_KEY = 11000;

interface IndexedWriteError {
  index: number;
  code?: number;
}

function writeErrorsOf(err: unknown): IndexedWriteError[] | undefined {
  const found = (err as { writeErrors?: unknown } | null)?.writeErrors;
  if (found === undefined || found === null) return undefined;
  return (Array.isArray(found) ? found : [found]) as IndexedWriteError[];
}

/**
 * Awaits an unordered bulk write and returns the indexes of the items refused for a duplicate key.
 * Any other failure is thrown.
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
