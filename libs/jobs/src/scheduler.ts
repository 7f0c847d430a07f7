// Scheduled jobs that run on one instance at a time. Every instance runs a scheduler with the same
// jobs; for each job, one instance holds its lease (job-leases.ts) and runs it when it is due, renewing
// the lease every third of its length, also while a run is in progress. The others poll and take the
// lease over once it expires (a dead holder) or is released (a clean stop). The due time lives in the
// lease document, so a job runs once per schedule across the cluster, not once per instance.
// Each run gets the lease's fencing token; its result is recorded fenced by it, and the job's own
// writes can be too (`ctx.fenced`), so a holder that stalled past its lease cannot overwrite its successor.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db, Document, Filter, UpdateFilter } from 'mongodb';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { fenced, type FencedWrite } from './fencing';
import { createJobLeases, type JobLeases } from './job-leases';
import { parseDuration, parseSchedule, type Schedule, type ScheduleSpec } from './schedule';

export interface JobContext {
  job: string;
  /** This run's fencing token: grows every time the lease changes hands. */
  token: number;
  /** Aborted when the scheduler stops or the lease is lost: a long run should stop early. */
  signal: AbortSignal;
  /** When the run started. */
  startedAt: Date;
  /** `fenced(token, filter, update)` for this run: a write that a newer holder's writes refuse. */
  fenced<T extends Document>(filter: Filter<T>, update: UpdateFilter<T>, field?: string): FencedWrite<T>;
}

export interface ScheduledJob {
  name: string;
  schedule: ScheduleSpec;
  /**
   * How long the lease holds without renewal (default 10 s): the holder renews it every third of it while it runs, so
   * a live holder keeps it and a dead holder's job is taken over within this long.
   */
  lease?: string | number;
  run(ctx: JobContext): Promise<void>;
}

export interface DefinedJob {
  readonly name: string;
  readonly schedule: Schedule;
  readonly leaseMs: number;
  run(ctx: JobContext): Promise<void>;
}

const JOB_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Declares a scheduled job; a bad name, schedule or lease fails here, at start-up, naming the job. */
export function defineJob(job: ScheduledJob): DefinedJob {
  if (!JOB_NAME.test(job.name)) throw new Error(`job name '${job.name}' must be lower-case letters, digits, . _ - (up to 100)`);
  try {
    return Object.freeze({ name: job.name, schedule: parseSchedule(job.schedule), leaseMs: parseDuration(job.lease ?? 10_000), run: job.run });
  } catch (err) {
    throw new Error(`job '${job.name}': ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface SchedulerOptions {
  db: Db;
  jobs: DefinedJob[];
  logger: Logger;
  /** Where the job metrics go: the service's /metrics registry. */
  metrics?: Registry;
  /** Names this instance in leases (default host:pid:random). */
  instance?: string;
  /** How often an instance that holds no lease looks for one to take (default a third of the job's lease, at most 5 s). */
  pollMs?: number;
  /** Default `job_leases`. */
  collection?: string;
  now?: () => Date;
}

export interface Scheduler {
  readonly name: string;
  readonly instance: string;
  start(): Promise<void>;
  /**
   * Stops scheduling, aborts the signal of runs in progress and waits for them; then releases the leases
   * so another instance takes over at once. `{ release: false }` leaves them to expire, as a crash would.
   */
  stop(opts?: { release?: boolean }): Promise<void>;
}

interface JobMetrics {
  lastRun: Gauge<'job'>;
  duration: Gauge<'job'>;
  runs: Counter<'job' | 'outcome'>;
  failures: Counter<'job'>;
  held: Gauge<'job'>;
}

function metricsIn(registry: Registry): JobMetrics {
  // Several schedulers may share a registry (two instances in one test process): reuse what exists.
  const existing = <M>(name: string) => registry.getSingleMetric(name) as M | undefined;
  return {
    lastRun:
      existing<Gauge<'job'>>('scheduled_job_last_run_timestamp_seconds') ??
      new Gauge({ name: 'scheduled_job_last_run_timestamp_seconds', help: 'When the last finished run of a scheduled job started (Unix time).', labelNames: ['job'], registers: [registry] }),
    duration:
      existing<Gauge<'job'>>('scheduled_job_last_run_duration_seconds') ??
      new Gauge({ name: 'scheduled_job_last_run_duration_seconds', help: 'How long the last finished run of a scheduled job took.', labelNames: ['job'], registers: [registry] }),
    runs:
      existing<Counter<'job' | 'outcome'>>('scheduled_job_runs_total') ??
      new Counter({ name: 'scheduled_job_runs_total', help: 'Runs of a scheduled job on this instance, by outcome (success, failure).', labelNames: ['job', 'outcome'], registers: [registry] }),
    failures:
      existing<Counter<'job'>>('scheduled_job_failures_total') ??
      new Counter({ name: 'scheduled_job_failures_total', help: 'Failed runs of a scheduled job on this instance.', labelNames: ['job'], registers: [registry] }),
    held:
      existing<Gauge<'job'>>('scheduled_job_lease_held') ??
      new Gauge({ name: 'scheduled_job_lease_held', help: '1 while this instance holds the lease of a scheduled job.', labelNames: ['job'], registers: [registry] }),
  };
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const names = new Set<string>();
  for (const job of opts.jobs) {
    if (names.has(job.name)) throw new Error(`two scheduled jobs are named '${job.name}'`);
    names.add(job.name);
  }
  const instance = opts.instance ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const logger = opts.logger.child({ component: 'scheduler', instance });
  const now = opts.now ?? (() => new Date());
  const leases = createJobLeases(opts.db, opts.collection);
  const metrics = metricsIn(opts.metrics ?? new Registry());
  const loops = opts.jobs.map((job) => jobLoop(job, { leases, logger, now, metrics, instance, pollMs: opts.pollMs }));
  return {
    name: 'scheduled jobs',
    instance,
    async start() {
      loops.forEach((loop) => loop.start());
    },
    async stop(stopOpts = {}) {
      await Promise.all(loops.map((loop) => loop.stop(stopOpts.release ?? true)));
    },
  };
}

interface LoopDeps {
  leases: JobLeases;
  logger: Logger;
  now: () => Date;
  metrics: JobMetrics;
  instance: string;
  pollMs: number | undefined;
}

function jobLoop(job: DefinedJob, deps: LoopDeps) {
  const { leases, now, metrics, instance } = deps;
  const logger = deps.logger.child({ job: job.name });
  const tickMs = Math.max(10, Math.min(deps.pollMs ?? 5000, Math.floor(job.leaseMs / 3)));
  let held: { token: number; nextRunAt: Date; renewedAt: number } | undefined;
  let running: { done: Promise<void>; abort: AbortController } | undefined;
  let ticking: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const lose = (why: string) => {
    if (held) logger.warn({ fencingToken: held.token }, `lease of job '${job.name}' lost: ${why}`);
    held = undefined;
    metrics.held.set({ job: job.name }, 0);
    running?.abort.abort();
  };

  async function keepLease(at: Date): Promise<void> {
    if (held) {
      if (at.getTime() - held.renewedAt < job.leaseMs / 3) return;
      if (await leases.renew(job.name, instance, held.token, at, job.leaseMs)) held.renewedAt = at.getTime();
      else lose('another instance took it over');
      return;
    }
    const taken = await leases.acquire(job.name, instance, at, job.leaseMs, job.schedule.first(at));
    if (!taken) return;
    held = { ...taken, renewedAt: at.getTime() };
    metrics.held.set({ job: job.name }, 1);
    logger.info({ fencingToken: taken.token, nextRunAt: taken.nextRunAt }, `holds job '${job.name}' (${job.schedule.text})`);
  }

  async function runOnce(token: number): Promise<void> {
    const abort = new AbortController();
    const startedAt = now();
    const done = (async () => {
      let error: string | undefined;
      try {
        await job.run({ job: job.name, token, signal: abort.signal, startedAt, fenced: (filter, update, field) => fenced(token, filter, update, field) });
      } catch (err) {
        error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        logger.error({ err, fencingToken: token }, `job '${job.name}' failed`);
      }
      const finished = now();
      const durationMs = finished.getTime() - startedAt.getTime();
      const nextRunAt = job.schedule.next(finished);
      metrics.lastRun.set({ job: job.name }, startedAt.getTime() / 1000);
      metrics.duration.set({ job: job.name }, durationMs / 1000);
      metrics.runs.inc({ job: job.name, outcome: error === undefined ? 'success' : 'failure' });
      if (error !== undefined) metrics.failures.inc({ job: job.name });
      try {
        const recorded = await leases.recordRun(job.name, token, { startedAt, durationMs, nextRunAt, ...(error !== undefined ? { error } : {}) });
        if (!recorded) lose('its run finished after another instance took the job over');
        else if (held?.token === token) held.nextRunAt = nextRunAt;
      } catch (err) {
        // Not recorded: the job stays due and runs again, which is why jobs must be idempotent.
        logger.error({ err }, `run of job '${job.name}' not recorded`);
      }
      logger.debug({ durationMs, outcome: error === undefined ? 'success' : 'failure', nextRunAt }, `job '${job.name}' ran`);
    })();
    running = { done, abort };
    await done;
    running = undefined;
    // The next due time is known now: wait for it rather than for the next lease check.
    if (!ticking) schedule();
  }

  async function tick(): Promise<void> {
    const at = now();
    try {
      await keepLease(at);
    } catch (err) {
      // The database is unreachable: keep the lease we think we hold; if it expires meanwhile, the
      // next renewal fails by its token and the run in progress is told through its signal.
      logger.warn({ err }, `lease of job '${job.name}' not checked`);
    }
    if (held && !running && !stopped && at >= held.nextRunAt) void runOnce(held.token);
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    // Holding the job: wake at its due time if that comes before the next lease check.
    const due = held && !running ? held.nextRunAt.getTime() - now().getTime() : tickMs;
    timer = setTimeout(() => {
      ticking = tick().finally(() => {
        ticking = undefined;
        schedule();
      });
    }, Math.max(0, Math.min(tickMs, due)));
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      ticking = tick().finally(() => {
        ticking = undefined;
        schedule();
      });
    },
    async stop(release: boolean) {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      running?.abort.abort();
      await running?.done;
      if (held && release) {
        await leases.release(job.name, instance, held.token).catch((err: unknown) => logger.warn({ err }, `lease of job '${job.name}' not released`));
      }
      held = undefined;
      metrics.held.set({ job: job.name }, 0);
    },
  };
}
