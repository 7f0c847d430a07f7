// Scheduled jobs against the real database: one instance runs a job at a time, another takes it over
// when the holder dies (after the lease) or stops (at once), and a stale holder's fenced write is refused.
import { testScope } from '@hangviet/testing';
import { MongoClient, type Db } from 'mongodb';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createJobLeases, createScheduler, defineJob, type JobContext, type Scheduler } from '../src';

jest.setTimeout(60_000);

const logger = pino({ level: 'silent' });
const until = async (what: string, check: () => boolean | Promise<boolean>, limitMs = 30_000) => {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

interface Run {
  instance: string;
  token: number;
  startedAt: Date;
}

describe('scheduled jobs', () => {
  const scope = testScope('jobs_scheduler');
  let client: MongoClient;
  let db: Db;
  const running: Scheduler[] = [];

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });
  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  /** A scheduler for `instance` running one job that records its runs in `runs`. */
  function instance(name: string, job: string, runs: Run[], opts: { lease: number; every: number; active?: { now: number; most: number } }) {
    const scheduler = createScheduler({
      db,
      logger,
      instance: name,
      pollMs: 50,
      jobs: [
        defineJob({
          name: job,
          schedule: { every: opts.every },
          lease: opts.lease,
          run: async (ctx) => {
            runs.push({ instance: name, token: ctx.token, startedAt: ctx.startedAt });
            if (opts.active) {
              opts.active.now++;
              opts.active.most = Math.max(opts.active.most, opts.active.now);
              await new Promise((r) => setTimeout(r, 5));
              opts.active.now--;
            }
          },
        }),
      ],
    });
    running.push(scheduler);
    return scheduler;
  }

  it('runs a job on one of two instances, and the other takes it over after the lease when the holder dies', async () => {
    const runs: Run[] = [];
    const active = { now: 0, most: 0 };
    const a = instance('a', 'cleanup', runs, { lease: 1500, every: 30, active });
    await a.start();
    await until('a to hold the job', async () => (await createJobLeases(db).read('cleanup'))?.holder === 'a');
    const b = instance('b', 'cleanup', runs, { lease: 1500, every: 30, active });
    await b.start();
    await until('five runs', () => runs.length >= 5);
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(['a']));

    // Killed: stops without giving its lease up, as a crashed process would.
    await a.stop({ release: false });
    const leaseOfDead = (await createJobLeases(db).read('cleanup'))!;
    const runsByA = runs.length;
    await until('b to run the job', () => runs.some((r) => r.instance === 'b'));

    const firstOfB = runs.find((r) => r.instance === 'b')!;
    expect(runs.slice(runsByA).every((r) => r.instance === 'b')).toBe(true);
    // Not before the dead holder's lease ran out, and under a newer fencing token.
    expect(firstOfB.startedAt.getTime()).toBeGreaterThanOrEqual(leaseOfDead.expiresAt.getTime());
    expect(firstOfB.token).toBe(leaseOfDead.token + 1);
    expect(active.most).toBe(1);
  });

  it('hands the job over at once when the holder stops cleanly', async () => {
    const runs: Run[] = [];
    const a = instance('a', 'digest', runs, { lease: 60_000, every: 30 });
    await a.start();
    await until('a to run', () => runs.length > 0);
    const b = instance('b', 'digest', runs, { lease: 60_000, every: 30 });
    await b.start();
    const lease = (await createJobLeases(db).read('digest'))!;
    await a.stop();
    await until('b to run the job', () => runs.some((r) => r.instance === 'b'));
    // Well before the 60 s lease would have lapsed: the stop released it.
    expect(runs.find((r) => r.instance === 'b')!.startedAt.getTime()).toBeLessThan(lease.expiresAt.getTime());
  });

  it("refuses a stale holder's fenced write once another instance took the job over", async () => {
    interface Stats {
      _id: string;
      writtenBy?: string;
      fencingToken?: number;
    }
    const target = db.collection<Stats>('directory_stats');
    await target.insertOne({ _id: 'stats' });
    const writes: Record<string, number> = {};
    let stalled: JobContext | undefined;
    let resume: (() => void) | undefined;
    const resumed = new Promise<void>((r) => (resume = r));

    const writer = (name: string, stall: boolean) => {
      const scheduler = createScheduler({
        db,
        logger,
        instance: name,
        pollMs: 50,
        jobs: [
          defineJob({
            name: 'stats',
            schedule: { every: '1h' },
            // Long, so the holder does not renew while the test plays a network partition.
            lease: '60s',
            run: async (ctx) => {
              if (stall) {
                stalled = ctx;
                await resumed;
              }
              const { filter, update } = ctx.fenced<Stats>({ _id: 'stats' }, { $set: { writtenBy: name } });
              writes[name] = (await target.updateOne(filter, update)).matchedCount;
            },
          }),
        ],
      });
      running.push(scheduler);
      return scheduler;
    };

    const a = writer('a', true);
    await a.start();
    await until('a to be in its run', () => stalled !== undefined);
    // A partition: a's lease runs out in the database while a, cut off, still thinks it holds it.
    await db.collection('job_leases').updateOne({ _id: 'stats' as never }, { $set: { expiresAt: new Date(0) } });
    const b = writer('b', false);
    await b.start();
    await until('b to write', () => writes.b !== undefined);
    resume!();
    await until('a to try its write', () => writes.a !== undefined);

    expect(writes).toEqual({ b: 1, a: 0 });
    expect(await target.findOne({ _id: 'stats' })).toEqual({ _id: 'stats', writtenBy: 'b', fencingToken: 2 });
    // a's run result is refused too: the job's record is b's.
    const lease = (await createJobLeases(db).read('stats'))!;
    expect({ holder: lease.holder, token: lease.token, runs: lease.runs }).toEqual({ holder: 'b', token: 2, runs: 1 });
  });

  it('shows last run, duration and failures on the metrics registry', async () => {
    const metrics = new Registry();
    let calls = 0;
    const scheduler = createScheduler({
      db,
      logger,
      metrics,
      instance: 'm',
      pollMs: 20,
      jobs: [
        defineJob({
          name: 'flaky',
          schedule: { every: 20 },
          run: async () => {
            calls++;
            if (calls % 2 === 1) throw new Error('upstream unavailable');
          },
        }),
      ],
    });
    running.push(scheduler);
    await scheduler.start();
    await until('four runs', () => calls >= 4);
    await scheduler.stop();
    const text = await metrics.metrics();
    const value = (line: RegExp) => Number(line.exec(text)?.[1]);
    expect(value(/^scheduled_job_failures_total\{job="flaky"\} (\d+)$/m)).toBeGreaterThanOrEqual(2);
    expect(value(/^scheduled_job_runs_total\{job="flaky",outcome="success"\} (\d+)$/m)).toBeGreaterThanOrEqual(2);
    expect(value(/^scheduled_job_last_run_timestamp_seconds\{job="flaky"\} ([\d.e+]+)$/m)).toBeGreaterThan(Date.parse('2026-01-01') / 1000);
    expect(text).toMatch(/^scheduled_job_last_run_duration_seconds\{job="flaky"\} [\d.e+-]+$/m);
    const lease = (await createJobLeases(db).read('flaky'))!;
    expect(lease.failures).toBeGreaterThanOrEqual(2);
    expect(lease.holder).toBeNull();
  });
});
