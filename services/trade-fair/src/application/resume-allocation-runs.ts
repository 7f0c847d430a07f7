// Finishes allocation runs a crash left half-applied (state APPLYING, nobody holding the fair's lease):
// the run document holds the whole result, so the pass starts again and skips what was written.
import { applyAllocationRun } from './apply-allocation-run';
import type { TradeFairDeps } from './ports';

export async function resumeAllocationRuns(deps: TradeFairDeps, { limit = 10 }: { limit?: number } = {}): Promise<number> {
  let resumed = 0;
  for (const run of await deps.runs.applying(limit)) {
    const lease = await deps.allocationLease.acquire(run.fairId, deps.now());
    if (!lease) continue; // its run is going on (a live call or another instance)
    try {
      const latest = await deps.runs.latest(run.fairId);
      const fair = await deps.fairs.findById(run.fairId);
      if (latest?.id !== run.id || latest.state !== 'APPLYING' || !fair) continue;
      await applyAllocationRun(deps, fair, latest);
      resumed++;
    } finally {
      await lease.release();
    }
  }
  return resumed;
}
