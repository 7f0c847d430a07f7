// Deletes event-log entries older than the retention, and old work claims, on a schedule (FerretDB
// has no TTL indexes). One instance sweeps per interval: it claims the interval's slot first.
import type { NotificationDeps } from './deps';

export async function sweepEventLog(deps: NotificationDeps, retentionMs: number, intervalMs: number): Promise<number> {
  const now = deps.now();
  if (!(await deps.claims.claim(`retention:${Math.floor(now.getTime() / intervalMs)}`, now))) return 0;
  const deleted = await deps.eventLog.deleteOlderThan(new Date(now.getTime() - retentionMs));
  // Claims only guard work in flight; a day is far beyond any lease.
  await deps.claims.sweep(new Date(now.getTime() - 24 * 3600_000));
  if (deleted > 0) deps.logger.info({ deleted }, 'event log entries past retention deleted');
  return deleted;
}
