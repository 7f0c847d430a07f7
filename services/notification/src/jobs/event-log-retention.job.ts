// Every EVENT_LOG_SWEEP_INTERVAL, one instance deletes the event log past EVENT_LOG_RETENTION (and
// old claims): it claims the interval's slot first, so two instances never sweep the same interval.
import type { Logger } from '@hangviet/service-kit';
import type { DeliveryDeps } from '../application/ports';
import { sweepEventLog } from '../application/sweep-event-log';

export interface EventLogRetentionJob {
  /** One sweep now, if no instance swept this interval yet; returns how many entries went. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function eventLogRetentionJob(deps: DeliveryDeps, opts: { retentionMs: number; intervalMs: number; logger: Logger }): EventLogRetentionJob {
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    const now = deps.now();
    if (!(await deps.claims.claim(`retention:${Math.floor(now.getTime() / opts.intervalMs)}`, now))) return 0;
    return sweepEventLog(deps, opts.retentionMs);
  };
  return {
    runOnce,
    start() {
      timer = setInterval(() => {
        runOnce().catch((err: unknown) => opts.logger.error({ err }, 'event log retention sweep failed'));
      }, opts.intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
    },
  };
}
