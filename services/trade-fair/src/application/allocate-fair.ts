// `POST /v1/fairs/{id}:allocate`: one run per fair at a time (a lease), the pure allocateBooths over
// the submitted applications, then — unless a dry run — the whole result written as ONE document before
// any application changes, then applied in bulk (apply-allocation-run.ts); a crash half-way is resumed
// from the run document by the job `resume-allocation-runs`, or by the next call.
import type { Principal } from '@hangviet/service-kit';
import { conflict, failedPrecondition } from '@hangviet/service-kit/errors';
import { allocateBooths, type AllocationCandidate, type AllocationResult } from '../domain/allocation';
import { computeSupport, type SupportGrant } from '../domain/support-funding';
import type { Fair } from '../domain/fair';
import { vsicGroup } from '../domain/competitor-separation';
import { applyAllocationRun } from './apply-allocation-run';
import { changeFair, getFair } from './get-fair';
import { fairContextOf, type AllocationRun, type TradeFairDeps } from './ports';
import { requireRoles } from './roles';

export interface AllocationOutcome {
  dryRun: boolean;
  runId?: string;
  results: AllocationResult[];
  support: Record<string, SupportGrant>;
}

export interface AllocateFairCommand {
  fairId: string;
  dryRun: boolean;
}

export async function allocateFair(deps: TradeFairDeps, principal: Principal | undefined, { fairId, dryRun }: AllocateFairCommand): Promise<AllocationOutcome> {
  const actor = requireRoles(principal, 'allocateFair');
  let fair = await getFair(deps, fairId);
  if (fair.state.status !== 'OPEN' && fair.state.status !== 'ALLOCATING') {
    throw failedPrecondition(
      'FAIR_STATUS_CONFLICT',
      `A fair in status ${fair.state.status} is not allocated.`,
      { status: fair.state.status },
    );
  }
  const lease = await deps.allocationLease.acquire(fairId, deps.now());
  if (!lease)
    throw conflict('ALLOCATION_RUNNING', 'An allocation of this fair is running; wait for it to finish.', {
      fairId,
    });
  try {
    const latest = await deps.runs.latest(fairId);
    if (!dryRun && latest?.state === 'APPLIED') {
      throw failedPrecondition(
        'ALLOCATION_DONE',
        'This fair is allocated; freed booths go to the waitlist.',
        { runId: latest.id },
      );
    }
    if (!dryRun && latest?.state === 'APPLYING') {
      await applyAllocationRun(deps, fair, latest);
      return { dryRun, runId: latest.id, results: latest.results, support: latest.support };
    }
    const computed = await computeAllocation(deps, fair);
    if (dryRun) return { dryRun, ...computed };
    if (fair.state.status === 'OPEN')
      fair = await changeFair(deps, fairId, (f) => f.moveTo('ALLOCATING', actor.subject, deps.now()));
    const run: AllocationRun = {
      id: `${fairId}:${deps.now().getTime()}`,
      fairId,
      createTime: deps.now(),
      actorSubject: actor.subject,
      ...computed,
      state: 'APPLYING',
    };
    await deps.runs.add(run);
    await applyAllocationRun(deps, fair, run);
    return { dryRun, runId: run.id, ...computed };
  } finally {
    await lease.release();
  }
}

/** The ranking's inputs, read once: businesses, their products' certificates, their participations this year. */
async function computeAllocation(
  deps: TradeFairDeps,
  fair: Fair,
): Promise<Pick<AllocationRun, 'results' | 'support'>> {
  const f = fair.state;
  const context = fairContextOf(f);
  const [venue, apps, held] = await Promise.all([
    deps.venues.findById(f.venueId),
    deps.applications.allOfFair(f.id),
    deps.holds.ofFair(f.id),
  ]);
  const submitted = apps.filter((a) => a.state.status === 'SUBMITTED');
  const tally = await deps.applications.participations(
    submitted.map((a) => a.state.businessId),
    context.year,
    f.id,
  );
  const businessIds = submitted.map((a) => a.state.businessId);
  const [businesses, productsByBusiness] = await Promise.all([
    deps.businesses.findMany(businessIds),
    deps.certification.productsOfMany(businessIds, { fresh: true }),
  ]);
  const candidateOf = ({ state: a }: (typeof submitted)[number]): AllocationCandidate => {
    const business = businesses.get(a.businessId);
    const products = productsByBusiness.get(a.businessId) ?? [];
    const shownIds = new Set(a.products.map((p) => p.id));
    const shown = products.filter((p) => shownIds.has(p.id) && p.certified);
    return {
      applicationId: a.id,
      businessId: a.businessId,
      boothsWanted: a.boothsWanted,
      preferredBooths: a.preferredBooths,
      wantsCorner: a.wantsCorner,
      ...(a.preferredZone !== undefined ? { preferredZone: a.preferredZone } : {}),
      submitTime: a.submitTime,
      certifiedProducts: shown.length,
      bestOcopStars: Math.max(0, ...shown.map((p) => p.ocopStars)),
      local: business?.provinceCode === f.provinceCode,
      firstParticipation: (tally.get(a.businessId)?.fairs ?? 0) === 0,
      ...(vsicGroup(business?.mainIndustryCode) ? { mainVsicGroup: vsicGroup(business?.mainIndustryCode)! } : {}),
    };
  };
  const candidates = submitted.map(candidateOf);
  const groupOf = new Map(apps.map((a) => [a.id, a.state.explanation?.facts.mainVsicGroup]));
  const heldGroups = new Map(held.flatMap((h) => (groupOf.get(h.applicationId) ? [[h.code, groupOf.get(h.applicationId)!] as const] : [])));
  const results = allocateBooths({
    booths: venue?.booths ?? [],
    held: new Set(held.map((h) => h.code)),
    heldGroups,
    rules: f.rules,
    candidates,
  });
  const support: Record<string, SupportGrant> = {};
  for (const r of results) {
    if (r.explanation.outcome !== 'ALLOCATED') continue;
    const t = tally.get(r.businessId) ?? { fairs: 0, supportVnd: 0 };
    support[r.applicationId] = computeSupport({
      boothFeeVnd: f.boothFeeVnd,
      booths: r.explanation.booths.length,
      policy: f.supportPolicy,
      participationsThisYear: t.fairs,
      supportThisYearVnd: t.supportVnd,
    });
  }
  return { results, support };
}

