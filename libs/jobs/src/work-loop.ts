// Runs due work from the database. Work this instance creates is handed to it in memory (enqueue,
// with what the caller already knows about the item as a hint), retries are re-enqueued by a timer
// for their due time, and a scan of the database every poll interval is the fallback: for work left
// by a crashed or other instance. The scan only discovers items; every item is claimed (see
// claims.ts) before it is touched, so two instances — or a scan and an enqueue — never process the
// same attempt twice. A scan can read a whole collection (the old FerretDB SQLite build always did), so it
// stays off the hot path: it runs only while this instance has spare capacity, and leaves out what this
// instance already holds.
import type { Logger } from 'pino';

export interface WorkLoop<H = never> {
  /** Names the loop in logs and in the service host's start and stop steps. */
  readonly name: string;
  start(): void;
  /** Hands an item to the local workers, now or at `at`; `hint` is passed on to claim. */
  enqueue(id: string, at?: Date, hint?: H): void;
  /** Wakes the scan (e.g. after a bulk change such as a recovery). */
  nudge(): void;
  stop(): Promise<void>;
}

/** What this instance holds already (queued, in progress or waiting for its retry time). */
export interface HeldWork {
  has(id: string): boolean;
  readonly size: number;
}

export interface WorkLoopOptions<T, H = never> {
  name: string;
  /** Due items this instance does not hold, oldest first (a bounded batch). */
  scan: (held: HeldWork) => Promise<{ id: string; hint?: H }[]>;
  /** The item if it is still due and this caller won its claim; else null. */
  claim: (id: string, hint?: H) => Promise<T | null>;
  /** Does the work; returns when the item is due again (a retry), if ever. */
  process: (item: T) => Promise<Date | undefined>;
  /** Items in progress at once (claims and the round trips of their work are batched across them). */
  concurrency: number;
  pollIntervalMs: number;
  logger: Logger;
}

export function createWorkLoop<T, H = never>(opts: WorkLoopOptions<T, H>): WorkLoop<H> {
  const logger = opts.logger.child({ component: opts.name });
  let running = false;
  let stopped = false;
  // A FIFO with a moving head: shifting a long array is O(n) per item.
  let queue: { id: string; hint: H | undefined }[] = [];
  let head = 0;
  const queued = new Set<string>();
  const active = new Map<string, Promise<void>>();
  /** Handed over again while in progress: run once more after the current run. */
  const rerun = new Map<string, H | undefined>();
  const timers = new Map<NodeJS.Timeout, string>();
  const scheduled = new Map<string, number>();
  let scanTimer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let scanAgain = false;

  const held: HeldWork = {
    has: (id) => queued.has(id) || active.has(id) || scheduled.has(id),
    get size() {
      return queued.size + active.size + scheduled.size;
    },
  };
  const backlog = () => queue.length - head;

  const runOne = (id: string, hint: H | undefined) => {
    const done = (async () => {
      try {
        const item = await opts.claim(id, hint);
        if (item !== null) {
          const again = await opts.process(item);
          if (again) enqueue(id, again);
        }
      } catch (err) {
        // The claim lapses and a later scan retries the item; log and keep going.
        logger.error({ err, id }, `${opts.name} failed on an item`);
      } finally {
        active.delete(id);
        if (rerun.has(id)) {
          const again = rerun.get(id);
          rerun.delete(id);
          push(id, again);
        }
        pump();
      }
    })();
    active.set(id, done);
  };

  function pump() {
    while (running && active.size < opts.concurrency && backlog() > 0) {
      const next = queue[head]!;
      queue[head++] = undefined as never;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      queued.delete(next.id);
      // Never two runs of one item at once here (the claim would refuse the second anyway); a replay
      // handed over while its previous attempt finishes runs right after it.
      if (active.has(next.id)) {
        rerun.set(next.id, next.hint);
        continue;
      }
      runOne(next.id, next.hint);
    }
  }

  const push = (id: string, hint?: H) => {
    if (queued.has(id)) return;
    queued.add(id);
    queue.push({ id, hint });
    pump();
  };

  function enqueue(id: string, at?: Date, hint?: H) {
    if (stopped) return;
    const wait = at ? at.getTime() - Date.now() : 0;
    if (wait <= 0) return push(id, hint);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (scheduled.get(id) === at!.getTime()) scheduled.delete(id);
      push(id, hint);
    }, wait);
    timer.unref();
    timers.set(timer, id);
    scheduled.set(id, at!.getTime());
  }

  const scheduleScan = (ms: number) => {
    if (!running) return;
    clearTimeout(scanTimer);
    scanTimer = setTimeout(() => void scan(), ms);
    scanTimer.unref();
  };

  async function scan(): Promise<void> {
    if (scanning) {
      scanAgain = true;
      return;
    }
    scanning = (async () => {
      try {
        // With a backlog or every slot busy, more work found now could not start any sooner.
        if (backlog() === 0 && active.size < opts.concurrency) {
          for (const found of await opts.scan(held)) if (!held.has(found.id)) push(found.id, found.hint);
        }
      } catch (err) {
        logger.error({ err }, `${opts.name} scan failed`);
      }
    })();
    await scanning;
    scanning = undefined;
    if (scanAgain) {
      scanAgain = false;
      scheduleScan(0);
    } else {
      scheduleScan(opts.pollIntervalMs);
    }
  }

  return {
    name: opts.name,
    start() {
      if (running || stopped) return;
      running = true;
      pump();
      scheduleScan(0);
    },
    enqueue,
    nudge() {
      if (scanning) scanAgain = true;
      else scheduleScan(0);
    },
    async stop() {
      running = false;
      stopped = true;
      clearTimeout(scanTimer);
      for (const timer of timers.keys()) clearTimeout(timer);
      timers.clear();
      scheduled.clear();
      rerun.clear();
      await scanning;
      await Promise.all([...active.values()]);
      queue = [];
      head = 0;
      queued.clear();
    },
  };
}
