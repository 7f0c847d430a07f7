// Reads: a fair's applications (staff see all, an enterprise its own), its allocation and its summary.
import { isStaff, requireRole, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { BoothApplication } from '../domain/booth-application';
import { getFair } from './manage-fairs';
import { viewFair } from './view-fair';
import type { AllocationRun, TradeFairDeps } from './ports';

export async function listApplications(deps: TradeFairDeps, principal: Principal | undefined, fairId: string, page: PageRequest): Promise<Page<BoothApplication>> {
  const p = requireRole(principal, 'admin', 'staff', 'enterprise');
  await viewFair(deps, p, fairId);
  if (isStaff(p)) return deps.applications.listByFair(fairId, page);
  // An enterprise sees only its own business's applications (at most a handful per fair).
  const own = (await deps.applications.ofBusiness(p.businessId ?? '', ['SUBMITTED', 'ALLOCATED', 'WAITLISTED', 'OFFERED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'])).filter((a) => a.state.fairId === fairId);
  return { items: own, nextPageToken: '' };
}

/** The latest run with each application's explanation (staff): rank, rule scores, booths or waitlist place. */
export async function getAllocation(deps: TradeFairDeps, principal: Principal | undefined, fairId: string): Promise<AllocationRun> {
  requireRole(principal, 'admin', 'staff');
  await getFair(deps, fairId);
  const run = await deps.runs.latest(fairId);
  if (!run) throw notFound('ALLOCATION_NOT_FOUND', 'This fair has not been allocated yet.', { fairId });
  return run;
}

export interface FairSummary {
  fairId: string;
  booths: { total: number; allocated: number; reserved: number; available: number; blocked: number };
  businesses: number;
  waitlisted: number;
  /** Share of allocated businesses showing at least one certified product, 0–1. */
  certifiedShare: number;
  totalSupportVnd: number;
  totalFeesVnd: number;
}

export async function fairSummary(deps: TradeFairDeps, principal: Principal | undefined, fairId: string): Promise<FairSummary> {
  const fair = await viewFair(deps, principal, fairId);
  const [venue, holds, apps] = await Promise.all([deps.venues.findById(fair.state.venueId), deps.holds.ofFair(fairId), deps.applications.allOfFair(fairId)]);
  const booths = venue?.booths ?? [];
  const blocked = booths.filter((b) => b.blocked).length;
  const allocated = holds.filter((h) => h.state === 'ALLOCATED').length;
  const reserved = holds.filter((h) => h.state === 'RESERVED').length;
  const holders = apps.filter((a) => a.state.status === 'ALLOCATED');
  const certified = holders.filter((a) => (a.state.explanation?.facts.certifiedProducts ?? 0) > 0).length;
  return {
    fairId,
    booths: { total: booths.length, allocated, reserved, available: booths.length - blocked - allocated - reserved, blocked },
    businesses: new Set(holders.map((a) => a.state.businessId)).size,
    waitlisted: apps.filter((a) => a.state.status === 'WAITLISTED').length,
    certifiedShare: holders.length ? Math.round((certified / holders.length) * 1000) / 1000 : 0,
    totalSupportVnd: holders.reduce((s, a) => s + (a.state.support?.amountVnd ?? 0), 0),
    totalFeesVnd: holders.reduce((s, a) => s + (a.state.support?.feeVnd ?? 0), 0),
  };
}
