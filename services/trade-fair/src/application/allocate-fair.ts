// `POST /v1/fairs/{id}:allocate`: one run per fair at a time (a lease), the pure allocateBooths over
// the submitted applications, then — unless a dry run — the whole result written as ONE document before
// any application changes, then applied application by application (idempotently: a crash mid-way is
// finished by the next call, never left half-applied).
import type { Principal } from '@hangviet/service-kit';
import { conflict, failedPrecondition } from '@hangviet/service-kit/errors';
import { allocateBooths, type AllocationCandidate, type AllocationResult } from '../domain/allocation';
import { computeSupport, type SupportGrant } from '../domain/support-funding';
import type { Fair } from '../domain/fair';
import { requireStaff } from './access';
import { changeFair, getFair } from './manage-fairs';
import { fairContextOf, type AllocationRun, type TradeFairDeps } from './ports';

export interface AllocationOutcome {
  dryRun: boolean;
  runId?: string;
  results: AllocationResult[];
  support: Record<string, SupportGrant>;
}

export async function allocateFair(deps: TradeFairDeps, principal: Principal | undefined, fairId: string, { dryRun }: { dryRun: boolean }): Promise<AllocationOutcome> {
  const actor = requireStaff(principal);
  let fair = await getFair(deps, fairId);
  if (fair.state.status !== 'OPEN' && fair.state.status !== 'ALLOCATING') {
    throw failedPrecondition('FAIR_STATUS_CONFLICT', `A fair in status ${fair.state.status} is not allocated.`, { status: fair.state.status });
  }
  const lease = await deps.allocationLease.acquire(fairId, deps.now());
  if (!lease) throw conflict('ALLOCATION_RUNNING', 'An allocation of this fair is running; wait for it to finish.', { fairId });
  try {
    const latest = await deps.runs.latest(fairId);
    if (!dryRun && latest?.state === 'APPLIED') {
      throw failedPrecondition('ALLOCATION_DONE', 'This fair is allocated; freed booths go to the waitlist.', { runId: latest.id });
    }
    if (!dryRun && latest?.state === 'APPLYING') {
      await applyRun(deps, fair, latest);
      return { dryRun, runId: latest.id, results: latest.results, support: latest.support };
    }
    const computed = await computeAllocation(deps, fair);
    if (dryRun) return { dryRun, ...computed };
    if (fair.state.status === 'OPEN') fair = await changeFair(deps, fairId, (f) => f.moveTo('ALLOCATING', actor.subject, deps.now()));
    const run: AllocationRun = { id: `${fairId}:${deps.now().getTime()}`, fairId, createTime: deps.now(), actorSubject: actor.subject, ...computed, state: 'APPLYING' };
    await deps.runs.add(run);
    await applyRun(deps, fair, run);
    return { dryRun, runId: run.id, ...computed };
  } finally {
    await lease.release();
  }
}

/** The ranking's inputs, read once: businesses, their products' certificates, their participations this year. */
async function computeAllocation(deps: TradeFairDeps, fair: Fair): Promise<Pick<AllocationRun, 'results' | 'support'>> {
  const f = fair.state;
  const context = fairContextOf(f);
  const [venue, apps, held] = await Promise.all([deps.venues.findById(f.venueId), deps.applications.allOfFair(f.id), deps.holds.ofFair(f.id)]);
  const submitted = apps.filter((a) => a.state.status === 'SUBMITTED');
  const tally = await deps.applications.participations(submitted.map((a) => a.state.businessId), context.year, f.id);
  const candidates: AllocationCandidate[] = await Promise.all(
    submitted.map(async ({ state: a }) => {
      const [business, products] = await Promise.all([deps.businesses.find(a.businessId), deps.certification.productsOf(a.businessId)]);
      const shownIds = new Set(a.products.map((p) => p.id));
      const shown = products.filter((p) => shownIds.has(p.id) && p.certified);
      return {
        applicationId: a.id, businessId: a.businessId, boothsWanted: a.boothsWanted, preferredBooths: a.preferredBooths, wantsCorner: a.wantsCorner,
        ...(a.preferredZone !== undefined ? { preferredZone: a.preferredZone } : {}),
        submitTime: a.submitTime, certifiedProducts: shown.length, bestOcopStars: Math.max(0, ...shown.map((p) => p.ocopStars)),
        local: business?.provinceCode === f.provinceCode, firstParticipation: (tally.get(a.businessId)?.fairs ?? 0) === 0,
      };
    }),
  );
  const results = allocateBooths({ booths: venue?.booths ?? [], held: new Set(held.map((h) => h.code)), rules: f.rules, candidates });
  const support: Record<string, SupportGrant> = {};
  for (const r of results) {
    if (r.explanation.outcome !== 'ALLOCATED') continue;
    const t = tally.get(r.businessId) ?? { fairs: 0, supportVnd: 0 };
    support[r.applicationId] = computeSupport({ boothFeeVnd: f.boothFeeVnd, booths: r.explanation.booths.length, policy: f.supportPolicy, participationsThisYear: t.fairs, supportThisYearVnd: t.supportVnd });
  }
  return { results, support };
}

/** Applies a written run; each application changes once (only while SUBMITTED), so a second pass is a no-op. */
async function applyRun(deps: TradeFairDeps, fair: Fair, run: AllocationRun): Promise<void> {
  const context = fairContextOf(fair.state);
  for (const r of run.results) {
    const app = await deps.applications.findById(r.applicationId);
    if (!app || app.state.status !== 'SUBMITTED') continue;
    const now = deps.now();
    const e = r.explanation;
    if (e.outcome === 'ALLOCATED') {
      const codes = e.booths.map((b) => b.code);
      await deps.holds.release(app.id); // a crashed pass's holds
      if (!(await deps.holds.hold(fair.id, codes, app.id, app.state.businessName, 'ALLOCATED'))) {
        throw conflict('BOOTH_TAKEN', `A booth of ${codes.join(', ')} is held by another application; run the allocation again.`);
      }
      app.allocate(codes, e, run.support[app.id]!, run.actorSubject, now);
    } else if (e.outcome === 'WAITLISTED') app.waitlist(e.waitlistPosition!, e, run.actorSubject, now);
    else app.reject(e.reason!, run.actorSubject, now, e);
    await deps.applications.save(app, context);
  }
  await deps.runs.markApplied(run.id);
}
