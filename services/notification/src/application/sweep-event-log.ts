// Deletes event-log entries older than the retention, and old work claims (FerretDB has no TTL
// indexes). Run by the retention job, on one instance at a time.
import type { DeliveryDeps } from './ports';

export async function sweepEventLog(deps: Pick<DeliveryDeps, 'now' | 'eventLog' | 'claims' | 'logger'>, retentionMs: number): Promise<number> {
  const now = deps.now();
  const deleted = await deps.eventLog.deleteOlderThan(new Date(now.getTime() - retentionMs));
  // Claims only guard work in flight; a day is far beyond any lease.
  await deps.claims.sweep(new Date(now.getTime() - 24 * 3600_000));
  if (deleted > 0) deps.logger.info({ deleted }, 'event log entries past retention deleted');
  return deleted;
}
