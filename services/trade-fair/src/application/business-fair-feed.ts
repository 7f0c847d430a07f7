import type { Principal } from '@hangviet/service-kit';
import type { TradeFairDeps } from './ports';
import type { FeedEntry } from './public-fair-feed';

/** An enterprise's calendar: the fairs where its business holds booths, with their codes. */
export async function businessFairFeed(deps: TradeFairDeps, principal: Principal | undefined, { businessId }: { businessId: string }): Promise<FeedEntry[]> {
  await deps.businesses.assertOwns(principal, businessId);
  const apps = await deps.applications.ofBusiness(businessId, ['ALLOCATED']);
  const fairs = new Map((await deps.fairs.byIds(apps.map((a) => a.state.fairId))).map((f) => [f.id, f.state]));
  return apps.flatMap((a) => {
    const fair = fairs.get(a.state.fairId);
    return fair && fair.status !== 'CANCELLED' ? [{ fair, booths: a.state.booths }] : [];
  });
}
