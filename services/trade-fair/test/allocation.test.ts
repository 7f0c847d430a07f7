// Done when 1, 2 and 4, against the real Kafka and database: 80 applications for 60 booths; a withdrawal
// offers the booths to the first waitlisted application, which is told so by an event, and an offer left
// past its deadline lapses (OFFER_LAPSED, its own event) and passes to the next; a business suspended in
// the directory frees its booths.
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessSuspended } from '@hangviet/events/catalog';
import { bearer, eventually } from '@hangviet/service-testing';
import { activeBusinesses, apply, createVenue, openFair, staffToken, type TestBusiness, startTradeFair, type Harness } from './support/fixtures';

let h: Harness;
let fairId: string;
let businesses: TestBusiness[];
const HOLD_MS = 60 * 60_000;

interface AppView {
  id: string;
  businessId: string;
  status: string;
  booths: string[];
  waitlistPosition?: number;
  explanation?: { rank: number; outcome: string; scores: Record<string, number>; message: string; booths: { code: string }[] };
  offerDeadline?: string;
  reason?: string;
  support?: { amountVnd: number };
}

async function applications(): Promise<AppView[]> {
  const staff = await staffToken(h);
  const all: AppView[] = [];
  let pageToken = '';
  do {
    const res = await h.http.get(`/v1/fairs/${fairId}/applications`).query({ pageSize: 100, ...(pageToken ? { pageToken } : {}) }).set(bearer(staff));
    all.push(...res.body.items);
    pageToken = res.body.nextPageToken;
  } while (pageToken);
  return all;
}
const byBusiness = (apps: AppView[], b: TestBusiness) => apps.find((a) => a.businessId === b.id)!;

beforeAll(async () => {
  h = await startTradeFair('tradefair_alloc', { OFFER_HOLD_MS: String(HOLD_MS) });
  await h.listen('hangviet.tradefair.booth_application');
  const venue = await createVenue(h, 6, 10);
  fairId = (await openFair(h, venue.id)).id;
  // Every fourth business shows a 4-star OCOP product; every third is outside the province.
  businesses = await activeBusinesses(h, 80, { stars: (i) => (i % 4 === 0 ? 4 : 0), provinceCode: (i) => (i % 3 === 0 ? '79' : '86') });
  for (const b of businesses) {
    const res = await apply(h, fairId, b);
    if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  }
}, 240_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

it('a dry run previews without writing; the run allocates 60, waitlists 20 in rank order, never a booth twice, explains all', async () => {
  const staff = await staffToken(h);
  const dry = await h.http.post(`/v1/fairs/${fairId}:allocate`).set(bearer(staff)).send({ dryRun: true });
  expect(dry.status).toBe(200);
  expect(dry.body.results).toHaveLength(80);
  expect((await applications()).every((a) => a.status === 'SUBMITTED')).toBe(true);

  const run = await h.http.post(`/v1/fairs/${fairId}:allocate`).set(bearer(staff)).send({});
  expect(run.status).toBe(200);
  expect(run.body.results).toEqual(dry.body.results); // the same input gives the same result

  const apps = await applications();
  const allocated = apps.filter((a) => a.status === 'ALLOCATED');
  const waitlisted = apps.filter((a) => a.status === 'WAITLISTED').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
  expect(allocated).toHaveLength(60);
  expect(waitlisted).toHaveLength(20);
  const codes = allocated.flatMap((a) => a.booths);
  expect(new Set(codes).size).toBe(60);
  expect(waitlisted.map((a) => a.waitlistPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(waitlisted.map((a) => a.explanation!.rank)).toEqual(Array.from({ length: 20 }, (_, i) => 61 + i));
  expect(apps.every((a) => a.explanation && a.explanation.message.length > 0 && 'certifiedProducts' in a.explanation.scores)).toBe(true);
  // certified (every 4th) rank first; all 20 certified businesses got booths, with 100% support as a first participation
  expect(businesses.filter((_, i) => i % 4 === 0).every((b) => byBusiness(apps, b).status === 'ALLOCATED')).toBe(true);
  expect(allocated.every((a) => a.support?.amountVnd === 3_000_000)).toBe(true);

  const summary = await h.http.get(`/v1/fairs/${fairId}/summary`);
  expect(summary.body).toMatchObject({ booths: { total: 60, allocated: 60, reserved: 0, available: 0 }, businesses: 60, waitlisted: 20, certifiedShare: 0.333, totalSupportVnd: 180_000_000 });

  const events = await eventually(async () => { const l = await h.received.filter((e) => e.type.endsWith('.allocated.v1') || e.type.endsWith('.waitlisted.v1')); return (l.length >= 80) && l; }, 'l.length >= 80');
  expect(events.filter((e) => e.type === 'hangviet.tradefair.booth_application.allocated.v1')).toHaveLength(60);
  const again = await h.http.post(`/v1/fairs/${fairId}:allocate`).set(bearer(staff)).send({});
  expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ALLOCATION_DONE' });
});

it('a withdrawal offers its booth to the first waitlisted, who is told; an unconfirmed offer passes to the next', async () => {
  const before = await applications();
  const leaver = businesses.find((b) => byBusiness(before, b).status === 'ALLOCATED')!;
  const freed = byBusiness(before, leaver).booths;
  const [first, second] = before.filter((a) => a.status === 'WAITLISTED').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);

  const res = await h.http.post(`/v1/fairs/${fairId}/applications/${byBusiness(before, leaver).id}:withdraw`).set(bearer(leaver.token)).send();
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ status: 'WITHDRAWN', booths: [] });

  const offered = (await applications()).find((a) => a.id === first!.id)!;
  expect(offered).toMatchObject({ status: 'OFFERED', booths: freed });
  expect(Date.parse(offered.offerDeadline!) - Date.now()).toBeGreaterThan(HOLD_MS - 60_000);
  const told = await eventually(async () => { const l = await h.received.filter((e) => e.subject === first!.id && e.type.endsWith('.offered.v1')); return (l.length > 0) && l; }, 'l.length > 0');
  expect(told[0]!.data).toMatchObject({ application: { boothCodes: freed, status: 'BOOTH_APPLICATION_STATUS_OFFERED', fairName: 'Phiên chợ hàng Việt về nông thôn' } });

  // The deadline passes (the service's clock moves on); the scheduled job lapses the offer.
  h.clock.offsetMs += HOLD_MS + 1000;
  const next = await eventually(async () => { const apps = await applications(); return (apps.find((a) => a.id === second!.id)?.status === 'OFFERED') && apps; }, 'apps.find((a) => a.id === second!.id)?.status === \'OFFERED\'');
  // A lapsed offer has its own state and its own event, not a staff rejection.
  expect(next.find((a) => a.id === first!.id)).toMatchObject({ status: 'OFFER_LAPSED', booths: [] });
  expect(next.find((a) => a.id === first!.id)!.reason).toBeUndefined();
  const lapsedEvent = await eventually(async () => { const l = await h.received.filter((e) => e.subject === first!.id && e.type.endsWith('.lapsed.v1')); return (l.length > 0) && l; }, 'l.length > 0');
  expect(lapsedEvent[0]!.data).toMatchObject({ application: { status: 'BOOTH_APPLICATION_STATUS_OFFER_LAPSED' } });
  expect(next.find((a) => a.id === second!.id)!.booths).toEqual(freed);

  const owner = businesses.find((b) => b.id === second!.businessId)!;
  const confirmed = await h.http.post(`/v1/fairs/${fairId}/applications/${second!.id}:confirm`).set(bearer(owner.token)).send();
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ status: 'ALLOCATED', booths: freed, support: { amountVnd: 3_000_000 } });
  const lapsed = businesses.find((b) => b.id === first!.businessId)!;
  const late = await h.http.post(`/v1/fairs/${fairId}/applications/${first!.id}:confirm`).set(bearer(lapsed.token)).send();
  expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'APPLICATION_STATUS_CONFLICT' });
});

it('suspending a business in the directory frees its booths for the waitlist', async () => {
  const before = await applications();
  const suspended = businesses.find((b) => byBusiness(before, b).status === 'ALLOCATED')!;
  const freed = byBusiness(before, suspended).booths;
  const nextInLine = before.filter((a) => a.status === 'WAITLISTED').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!)[0]!;

  await h.publishBusiness(BusinessSuspended, { id: suspended.id, status: BusinessStatus.BUSINESS_STATUS_SUSPENDED, version: 3 });
  const after = await eventually(async () => { const apps = await applications(); return (apps.find((a) => a.id === nextInLine.id)?.status === 'OFFERED') && apps; }, 'apps.find((a) => a.id === nextInLine.id)?.status === \'OFFERED\'');
  expect(byBusiness(after, suspended)).toMatchObject({ status: 'CANCELLED', reason: 'BUSINESS_SUSPENDED', booths: [] });
  expect(after.find((a) => a.id === nextInLine.id)!.booths).toEqual(freed);
  const holders = after.filter((a) => a.status === 'ALLOCATED' || a.status === 'OFFERED').flatMap((a) => a.booths);
  expect(new Set(holders).size).toBe(holders.length);
  expect(holders).toHaveLength(60);
});
