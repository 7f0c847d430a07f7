// Builders for the integration tests: a venue with a grid, a fair open for applications, active
// businesses known from directory events, their products in the certification projection.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved } from '@hangviet/events/catalog';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { service as tradeFairService } from '../../src/service';

/** A clock the test moves forward: the service reads it as its `now`. */
export interface TestClock {
  offsetMs: number;
  now(): Date;
}

/** Trade-fair on the shared harness, reading `clock`; registry and certification unreachable (their fallbacks are tested apart). */
export async function startTradeFair(label: string, env: Record<string, string> = {}) {
  const clock: TestClock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const h = await startServiceHarness(tradeFairService({ now: () => clock.now() }), {
    label,
    env: {
      BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1',
      REGISTRY_DEADLINE_MS: '500',
      PRODUCT_CERTIFICATION_GRPC_ADDRESS: '127.0.0.1:1',
      CERTIFICATION_DEADLINE_MS: '500',
      OFFER_SWEEP_EVERY: '1s',
      ...env,
    },
  });
  return Object.assign(h, { clock });
}

export type Harness = Awaited<ReturnType<typeof startTradeFair>>;

/** A ward of Vĩnh Long (86), the former Bến Tre town. */
export const VINH_LONG = { provinceCode: '86', wardCode: '28756', street: 'Quảng trường Đồng Khởi' };

export async function staffToken(h: Harness): Promise<string> {
  return h.token({ role: 'staff', subject: 'staff-1' });
}

export async function createVenue(h: Harness, rows = 6, columns = 10): Promise<{ id: string }> {
  const staff = await staffToken(h);
  const venue = await h.http.post('/v1/venues').set(bearer(staff)).send({ name: 'Nhà văn hoá tỉnh Vĩnh Long', address: VINH_LONG });
  if (venue.status !== 201) throw new Error(`venue: ${venue.status} ${JSON.stringify(venue.body)}`);
  const grid = await h.http.post(`/v1/venues/${venue.body.id}/booths:generate`).set(bearer(staff)).send({ rows, columns });
  if (grid.status !== 200) throw new Error(`grid: ${grid.status} ${JSON.stringify(grid.body)}`);
  return { id: venue.body.id };
}

let nextMonth = 0;
/** Days far enough apart per call that fairs of one test file never overlap by accident. */
export function fairDays(offsetDays = 0) {
  const base = new Date(Date.UTC(2027, 0, 4 + offsetDays + 10 * nextMonth++));
  const day = (n: number) => new Date(base.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return { setUpDay: day(0), openingDay: day(1), closingDay: day(5), tearDownDay: day(6), openTime: '08:00', closeTime: '22:00' };
}

export function fairBody(venueId: string, over: Record<string, unknown> = {}) {
  return {
    name: 'Phiên chợ hàng Việt về nông thôn',
    kind: 'MARKET_SESSION',
    venueId,
    days: fairDays(),
    applicationOpenTime: new Date(Date.now() - 86_400_000).toISOString(),
    applicationCloseTime: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    boothFeeVnd: 3_000_000,
    rules: { eligibility: 'OPEN', maxBoothsPerBusiness: 2, certifiedProducts: 'PREFERRED' },
    supportPolicy: { firstParticipationPercent: 100, laterParticipationPercent: 50, capPerBusinessPerYearVnd: 5_000_000 },
    ...over,
  };
}

export async function openFair(h: Harness, venueId: string, over: Record<string, unknown> = {}): Promise<{ id: string }> {
  const staff = await staffToken(h);
  const fair = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, over));
  if (fair.status !== 201) throw new Error(`fair: ${fair.status} ${JSON.stringify(fair.body)}`);
  const opened = await h.http.post(`/v1/fairs/${fair.body.id}:open`).set(bearer(staff)).send();
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { id: fair.body.id };
}

export interface TestBusiness {
  id: string;
  productId: string;
  token: string;
}

/** Active businesses the service has heard of, each with one product (certified with `stars` when given). */
export async function activeBusinesses(h: Harness, count: number, opts: { stars?: (i: number) => number; provinceCode?: (i: number) => string } = {}): Promise<TestBusiness[]> {
  const list: TestBusiness[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await h.publishBusiness(BusinessApproved, { id, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2, name: `Hợp tác xã Dừa ${i + 1}`, provinceCode: opts.provinceCode?.(i) ?? '86' });
    const productId = randomUUID();
    const stars = opts.stars?.(i) ?? 0;
    if (stars > 0) await h.parts.certifications.recordCertificate(productId, id, `Kẹo dừa ${i + 1}`, { number: `OCOP-${i}`, scheme: 'OCOP', ocopStars: stars }, true);
    else await h.parts.certifications.recordProduct({ id: productId, businessId: id, name: `Kẹo dừa ${i + 1}` });
    list.push({ id, productId, token: await h.token({ role: 'enterprise', businessId: id, subject: `owner-${id}` }) });
  }
  await eventually(async () => { const found = await Promise.all(list.map((b) => h.parts.businesses.find(b.id).catch(() => undefined))); return (found.every((b) => b?.status === 'ACTIVE')) && found; }, 'found.every((b) => b?.status === \'ACTIVE\')');
  return list;
}

export async function apply(h: Harness, fairId: string, b: TestBusiness, over: Record<string, unknown> = {}) {
  return h.http
    .post(`/v1/fairs/${fairId}/applications`)
    .set(bearer(b.token))
    .send({ businessId: b.id, boothsWanted: 1, productIds: [b.productId], catalogueEntry: 'Kẹo dừa truyền thống Bến Tre', ...over });
}

/**
 * Active businesses written straight into this service's copy of the directory (through its port, on the
 * real database), each with one product: for tests about something else than consuming directory events,
 * which then need not wait for a consumer group to form on a loaded broker.
 */
export async function knownBusinesses(h: Harness, count: number, opts: { mainIndustryCode?: (i: number) => string } = {}): Promise<TestBusiness[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = randomUUID();
      const industry = opts.mainIndustryCode?.(i);
      await h.parts.businesses.record({ id, name: `Hợp tác xã Dừa ${i + 1}`, status: 'ACTIVE', provinceCode: '86', ...(industry ? { mainIndustryCode: industry } : {}), ownerSubject: `owner-${id}`, version: 2, updateTime: new Date() });
      const productId = randomUUID();
      await h.parts.certifications.recordProduct({ id: productId, businessId: id, name: `Kẹo dừa ${i + 1}` });
      return { id, productId, token: await h.token({ role: 'enterprise', businessId: id, subject: `owner-${id}` }) };
    }),
  );
}
