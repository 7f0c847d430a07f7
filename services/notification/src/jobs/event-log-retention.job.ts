// Every EVENT_LOG_SWEEP_INTERVAL, on one instance at a time (a libs/jobs lease), deletes the event log
// past EVENT_LOG_RETENTION and old work claims.
import { defineJob, type DefinedJob } from '@hangviet/jobs';
import type { DeliveryDeps } from '../application/ports';
import { sweepEventLog } from '../application/sweep-event-log';

export function eventLogRetentionJob(deps: DeliveryDeps, opts: { retentionMs: number; intervalMs: number }): DefinedJob {
  return defineJob({
    name: 'event-log-retention',
    schedule: { every: opts.intervalMs },
    run: async () => void (await sweepEventLog(deps, opts.retentionMs)),
  });
}
