import pino from 'pino';
import { createWorkLoop, type HeldWork } from './work-loop';

const logger = pino({ level: 'silent' });

/** Work whose completion the test controls: process(id) waits until release(id). */
function controlledWork() {
  const gates = new Map<string, () => void>();
  const started: string[] = [];
  let active = 0;
  let mostActive = 0;
  const process = (id: string) =>
    new Promise<undefined>((resolve) => {
      started.push(id);
      active++;
      mostActive = Math.max(mostActive, active);
      gates.set(`${id}#${started.filter((s) => s === id).length}`, () => {
        active--;
        resolve(undefined);
      });
    });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setImmediate(r));
  };
  const release = async (id: string, run = 1) => {
    await until(() => gates.has(`${id}#${run}`));
    gates.get(`${id}#${run}`)!();
  };
  return { process, started, release, until, mostActive: () => mostActive };
}

describe('createWorkLoop', () => {
  it('runs at most `concurrency` items at once and starts the next as one finishes', async () => {
    const work = controlledWork();
    const loop = createWorkLoop<string>({
      name: 't',
      scan: async () => [],
      claim: async (id) => id,
      process: work.process,
      concurrency: 2,
      pollIntervalMs: 60_000,
      logger,
    });
    loop.start();
    ['a', 'b', 'c', 'd'].forEach((id) => loop.enqueue(id));
    await work.until(() => work.started.length === 2);
    expect(work.started).toEqual(['a', 'b']);
    await work.release('a');
    await work.until(() => work.started.length === 3);
    expect(work.started).toEqual(['a', 'b', 'c']);
    await Promise.all(['b', 'c', 'd'].map((id) => work.release(id)));
    await loop.stop();
    expect(work.mostActive()).toBe(2);
  });

  it('runs an item handed over again while in progress once more afterwards, never twice at once', async () => {
    const work = controlledWork();
    const loop = createWorkLoop<string>({
      name: 't',
      scan: async () => [],
      claim: async (id) => id,
      process: work.process,
      concurrency: 4,
      pollIntervalMs: 60_000,
      logger,
    });
    loop.start();
    loop.enqueue('a');
    await work.until(() => work.started.length === 1);
    loop.enqueue('a');
    loop.enqueue('a');
    await work.release('a', 1);
    await work.until(() => work.started.length === 2);
    await work.release('a', 2);
    await loop.stop();
    expect(work.started).toEqual(['a', 'a']);
    expect(work.mostActive()).toBe(1);
  });

  it('passes the hint along to claim, and leaves scan results this instance already holds alone', async () => {
    const work = controlledWork();
    const claimed: [string, string | undefined][] = [];
    let held: HeldWork | undefined;
    let scans = 0;
    const loop = createWorkLoop<string, string>({
      name: 't',
      scan: async (h) => {
        scans++;
        held = h;
        return [{ id: 'a', hint: 'from the scan' }, { id: 'b' }];
      },
      claim: async (id, hint) => {
        claimed.push([id, hint]);
        return id;
      },
      process: work.process,
      concurrency: 4,
      pollIntervalMs: 60_000,
      logger,
    });
    // Handed over before start, as the consumer may: queued until the loop runs.
    loop.enqueue('a', undefined, 'from the fan-out');
    loop.start();
    await work.until(() => work.started.length === 2);
    expect(scans).toBe(1);
    expect(held?.has('a')).toBe(true);
    expect(claimed).toEqual([
      ['a', 'from the fan-out'],
      ['b', undefined],
    ]);
    await Promise.all(['a', 'b'].map((id) => work.release(id)));
    await loop.stop();
  });

  it('hands a retry back to itself at the time process returns', async () => {
    const runs: string[] = [];
    const loop = createWorkLoop<string>({
      name: 't',
      scan: async () => [],
      claim: async (id) => id,
      process: async (id) => {
        runs.push(id);
        if (runs.length === 1) return new Date(Date.now() + 5);
        return undefined;
      },
      concurrency: 1,
      pollIntervalMs: 60_000,
      logger,
    });
    loop.start();
    loop.enqueue('r');
    while (runs.length < 2) await new Promise((r) => setTimeout(r, 5));
    await loop.stop();
    expect(runs).toEqual(['r', 'r']);
  });
});
