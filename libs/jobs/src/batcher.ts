// Group commit for database round trips. Callers ask for one item at a time; the batcher sends what
// has gathered as one request (an insertMany, a bulkWrite, a find by `_id: {$in}`) and, while that
// request is in flight, gathers the next batch. Nothing waits for a batch to fill: an idle batcher
// sends after the current turn of the event loop (so the items one event produces go together), which
// adds no measurable latency at low load and merges work under load.
// On FerretDB v1 every round trip costs about a millisecond of fixed overhead and updates to one
// collection are serialised, so merging is what lets concurrent deliveries share that cost.

export interface BatcherOptions<I, O> {
  /** Most items in one request (FerretDB pushes `_id: {$in}` lists of up to 1000 down to its index). */
  maxBatch: number;
  /**
   * Runs one batch. Returns one result per item, in order: a value, or an Error for that item alone.
   * A thrown error fails every item of the batch.
   */
  run: (items: I[]) => Promise<(O | Error)[]>;
}

export type Batched<I, O> = (item: I) => Promise<O>;

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export function createBatcher<I, O>(opts: BatcherOptions<I, O>): Batched<I, O> {
  let pending: Waiting<I, O>[] = [];
  let busy = false;

  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending.slice(0, opts.maxBatch);
      pending = pending.slice(batch.length);
      try {
        const results = await opts.run(batch.map((w) => w.item));
        if (results.length !== batch.length) throw new Error(`batch of ${batch.length} returned ${results.length} results`);
        batch.forEach((w, i) => {
          const result = results[i];
          if (result instanceof Error) w.reject(result);
          else w.resolve(result as O);
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    busy = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!busy) {
        busy = true;
        setImmediate(() => void flush());
      }
    });
}
