import type { Principal } from '@hangviet/service-kit';
import { viewFair } from './view-fair';
import type { TradeFairDeps } from './ports';

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

/** Booths by state, businesses, certified share, total fees and support (public). */
export async function fairSummary(deps: TradeFairDeps, principal: Principal | undefined, { fairId }: { fairId: string }): Promise<FairSummary> {
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
