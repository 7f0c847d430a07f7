// Applies a written allocation run in bulk: per batch of `settings.applyBatch` applications, one read of
// the batch, one unordered insert of every booth hold (unique per (fair, booth): never a booth twice), one
// bulk write of the applications with their outbox entries (each version-guarded and only while
// SUBMITTED), then the relay publishes the batch. Idempotent, so a pass resumed after a crash (the job
// resume-allocation-runs, or the next :allocate) finishes it: what a pass wrote is no longer SUBMITTED and
// is skipped, holds it took count as held, events it wrote sit in the outbox until the relay sends them.
import { conflict } from '@hangviet/service-kit/errors';
import type { Fair } from '../domain/fair';
import { fairContextOf, type AllocationRun, type TradeFairDeps } from './ports';

export async function applyAllocationRun(deps: TradeFairDeps, fair: Fair, run: AllocationRun): Promise<void> {
  const context = fairContextOf(fair.state);
  const batch = Math.max(1, deps.settings.applyBatch);
  for (let i = 0; i < run.results.length; i += batch) {
    const slice = run.results.slice(i, i + batch);
    const results = new Map(slice.map((r) => [r.applicationId, r]));
    const pending = (await deps.applications.byIds([...results.keys()])).filter((a) => a.state.status === 'SUBMITTED');
    if (pending.length === 0) continue;
    const holds = pending.flatMap((a) => {
      const e = results.get(a.id)!.explanation;
      return e.outcome === 'ALLOCATED' ? e.booths.map((b) => ({ code: b.code, applicationId: a.id, holderName: a.state.businessName })) : [];
    });
    const taken = await deps.holds.holdMany(fair.id, holds, 'ALLOCATED');
    if (taken.length > 0) {
      throw conflict('BOOTH_TAKEN', `Booth(s) ${taken.join(', ')} are held by other applications; run the allocation again.`, { fairId: fair.id });
    }
    const now = deps.now();
    for (const app of pending) {
      const e = results.get(app.id)!.explanation;
      if (e.outcome === 'ALLOCATED') app.allocate(e.booths.map((b) => b.code), e, run.support[app.id]!, run.actorSubject, now);
      else if (e.outcome === 'WAITLISTED') app.waitlist(e.waitlistPosition!, e, run.actorSubject, now);
      else app.reject(e.reason!, run.actorSubject, now, e);
    }
    const { conflicts } = await deps.applications.saveMany(pending, context);
    // Changed meanwhile (withdrawn, cancelled): a hold taken for it above is given back.
    for (const changed of await deps.applications.byIds(conflicts)) {
      if (changed.state.status !== 'ALLOCATED') await deps.holds.release(changed.id);
    }
  }
  await deps.runs.markApplied(run.id);
}
