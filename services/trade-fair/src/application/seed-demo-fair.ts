// Demo data for a fresh install: a venue in Vĩnh Long (the former Bến Tre town, Phường Phú Khương) with
// 60 booths and a "Phiên chợ hàng Việt" market session open for applications, through the use cases.
import type { Principal } from '@hangviet/service-kit';
import { addDays, vietnamDay } from '../domain/calendar-days';
import { createFair } from './create-fair';
import { createVenue } from './create-venue';
import { openFair } from './open-fair';
import { replaceFloorPlan } from './replace-floor-plan';
import type { TradeFairDeps } from './ports';

const SEED: Principal = { subject: 'seed', roles: ['admin'] };

export async function seedDemoFair(deps: TradeFairDeps): Promise<{ venueId: string; fairId: string }> {
  const venue = await createVenue(deps, SEED, { name: 'Nhà văn hoá tỉnh Vĩnh Long (cơ sở Bến Tre)', address: { provinceCode: '86', wardCode: '28756', street: 'Đại lộ Đồng Khởi' } });
  await replaceFloorPlan(deps, SEED, { venueId: venue.id, kind: 'grid', rows: 6, columns: 10 });
  const now = deps.now();
  const setUp = addDays(vietnamDay(now), 30);
  const fair = await createFair(deps, SEED, {
    name: 'Phiên chợ hàng Việt về nông thôn — Vĩnh Long',
    kind: 'MARKET_SESSION',
    venueId: venue.id,
    days: { setUpDay: setUp, openingDay: addDays(setUp, 1), closingDay: addDays(setUp, 5), tearDownDay: addDays(setUp, 6), openTime: '08:00', closeTime: '22:00' },
    applicationOpenTime: new Date(now.getTime() - 86_400_000),
    applicationCloseTime: new Date(now.getTime() + 21 * 86_400_000),
    boothFeeVnd: 3_000_000,
    rules: { eligibility: 'OPEN', maxBoothsPerBusiness: 2, certifiedProducts: 'PREFERRED' },
    supportPolicy: { firstParticipationPercent: 100, laterParticipationPercent: 50, capPerBusinessPerYearVnd: 6_000_000 },
  });
  await openFair(deps, SEED, { fairId: fair.id });
  return { venueId: venue.id, fairId: fair.id };
}
