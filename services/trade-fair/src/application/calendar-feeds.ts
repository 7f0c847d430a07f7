// What the calendar feeds list: the public one, published fairs; an enterprise's, the fairs where its
// business holds booths (with their codes).
import type { Principal } from '@hangviet/service-kit';
import type { FairState } from '../domain/fair';
import type { TradeFairDeps } from './ports';

export interface FeedEntry {
  fair: Readonly<FairState>;
  booths?: string[];
}

const PUBLIC: FairState['status'][] = ['PUBLISHED', 'RUNNING', 'CLOSED'];

export async function publicFairFeed(deps: TradeFairDeps, query: { from?: string; to?: string; provinceCode?: string }): Promise<FeedEntry[]> {
  return (await deps.fairs.all({ ...query, statuses: PUBLIC }, 500)).map((f) => ({ fair: f.state }));
}

export async function businessFairFeed(deps: TradeFairDeps, principal: Principal | undefined, businessId: string): Promise<FeedEntry[]> {
  await deps.businesses.assertOwns(principal, businessId);
  const apps = await deps.applications.ofBusiness(businessId, ['ALLOCATED']);
  const fairs = new Map((await deps.fairs.byIds(apps.map((a) => a.state.fairId))).map((f) => [f.id, f.state]));
  return apps.flatMap((a) => {
    const fair = fairs.get(a.state.fairId);
    return fair && fair.status !== 'CANCELLED' ? [{ fair, booths: a.state.booths }] : [];
  });
}
