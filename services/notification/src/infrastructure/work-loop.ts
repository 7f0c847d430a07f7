// Runs due work from the database. Work this instance creates is handed to its workers in memory
// (enqueue), retries are re-enqueued by a timer for their due time, and one worker scans the
// database every poll interval as the fallback: for work left by a crashed or other instance. The
// scan only discovers ids; every worker claims an item (see claims.ts) before touching it, so two
// instances — or a scan and an enqueue — never process the same attempt twice. On FerretDB a scan
// is a full collection read, so keeping it off the hot path is what makes throughput possible.
import type { Logger } from '@hangviet/service-kit';

export interface WorkLoop {
  start(): void;
  /** Hands an item to the local workers, now or at `at`. */
  enqueue(id: string, at?: Date): void;
  /** Wakes the scanning worker (e.g. after a bulk change such as a recovery). */
  nudge(): void;
  stop(): Promise<void>;
}

export function createWorkLoop<T>(opts: {
  name: string;
  /** Ids of due items, oldest first (a bounded batch). */
  scan: () => Promise<string[]>;
  /** The item if it is still due and this caller won its claim; else null. */
  claim: (id: string) => Promise<T | null>;
  /** Does the work; returns when the item is due again (a retry), if ever. */
  process: (item: T) => Promise<Date | undefined>;
  concurrency: number;
  pollIntervalMs: number;
  logger: Logger;
}): WorkLoop {
  const logger = opts.logger.child({ component: opts.name });
  let running = false;
  let workers: Promise<void>[] = [];
  const queue: string[] = [];
  const queued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const sleepers = new Set<() => void>();
  let scanNow = true;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };

  const push = (id: string) => {
    if (queued.has(id)) return;
    queued.add(id);
    queue.push(id);
    wakeAll();
  };

  const enqueue = (id: string, at?: Date) => {
    const wait = at ? at.getTime() - Date.now() : 0;
    if (wait <= 0) return push(id);
    const timer = setTimeout(() => {
      timers.delete(timer);
      push(id);
    }, wait);
    timer.unref();
    timers.add(timer);
  };

  const worker = async (index: number) => {
    let nextScan = 0;
    while (running) {
      try {
        const id = queue.shift();
        if (id !== undefined) {
          queued.delete(id);
          const item = await opts.claim(id);
          if (item !== null) {
            const again = await opts.process(item);
            if (again) enqueue(id, again);
          }
          continue;
        }
        if (index === 0 && (scanNow || Date.now() >= nextScan)) {
          scanNow = false;
          nextScan = Date.now() + opts.pollIntervalMs;
          for (const found of await opts.scan()) push(found);
          continue;
        }
        await sleep(index === 0 ? Math.max(1, nextScan - Date.now()) : opts.pollIntervalMs * 20);
      } catch (err) {
        // The claim lapses and a later scan retries the item; log and keep the loop alive.
        logger.error({ err }, `${opts.name} failed on an item`);
        await sleep(opts.pollIntervalMs);
      }
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      workers = Array.from({ length: opts.concurrency }, (_, i) => worker(i));
    },
    enqueue,
    nudge() {
      scanNow = true;
      wakeAll();
    },
    async stop() {
      running = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      wakeAll();
      await Promise.all(workers);
      workers = [];
    },
  };
}
