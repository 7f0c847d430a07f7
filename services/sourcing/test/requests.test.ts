// Sourcing requests end to end, against the real Kafka and database: moderation, matching from the directory
// copy kept from events, responses (one per supplier, the cap), expiry and renewal, outcomes counted once.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { expireSourcingRequests } from '../src/application/expire-sourcing-requests';
import { sendOutcomeReminders } from '../src/application/send-outcome-reminders';
import { sourcingService } from '../src/service';
import { publishDirectory, type DirectoryEntry } from './support/directory';

const start = () => startServiceHarness(sourcingService, { label: 'sourcing_requests' });
let h: Awaited<ReturnType<typeof start>>;

const id = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const buyer = id('buyer');
const local4 = id('local4');
const localPlain = id('localplain');
const far5 = id('far5');
const suspended = id('suspended');
const otherIndustry = id('other');
const directory: DirectoryEntry[] = [
  { id: buyer, name: 'Siêu thị Lạng Sơn', provinceCode: '20', wardCode: '06001', industry: '47110' },
  { id: local4, name: 'HTX Mắm tôm Đồng Đăng', provinceCode: '20', wardCode: '06001', industry: '10790', product: { name: 'Mắm tôm', domesticPercent: 90, ocopStars: 4 } },
  { id: localPlain, name: 'Cơ sở Tương ớt Kỳ Lừa', provinceCode: '20', industry: '10790', product: { name: 'Tương ớt' } },
  { id: far5, name: 'Công ty Nước mắm Phú Quốc', provinceCode: '91', industry: '10791', product: { name: 'Nước mắm', ocopStars: 5 } },
  { id: suspended, name: 'Cơ sở tạm ngừng', provinceCode: '20', industry: '10790', status: BusinessStatus.BUSINESS_STATUS_SUSPENDED },
  { id: otherIndustry, name: 'Xưởng bánh', provinceCode: '20', industry: '10710' },
];

const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const body = (overrides: Record<string, unknown> = {}) => ({
  buyerBusinessId: buyer,
  title: 'Mắm, tương đóng chai cho chuỗi siêu thị',
  description: 'Cần nguồn hàng ổn định, có nhãn mác đầy đủ.',
  industry: { edition: '2018', code: '1079' },
  productGroup: 'FOOD',
  requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }],
  quantity: 500,
  unit: 'chai',
  neededBy: days(40).toISOString().slice(0, 10),
  originPreference: 'PROVINCE',
  responseCap: 2,
  closingTime: days(30).toISOString(),
  ...overrides,
});

const owner = (businessId: string) => h.tokens.enterprise(businessId);
async function filed(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body(overrides));
  expect(res.status).toBe(201);
  return res.body.id as string;
}
async function published(overrides: Record<string, unknown> = {}): Promise<string> {
  const requestId = await filed(overrides);
  const res = await h.http.post(`/v1/sourcing-requests/${requestId}:publish`).set(bearer(h.tokens.staff)).send({});
  expect(res.status).toBe(200);
  return requestId;
}
const eventsOf = (subject: string) => h.received.filter((e) => e.subject === subject);

beforeAll(async () => {
  h = await start();
  await h.listen('hangviet.sourcing.request');
  await h.listen('hangviet.sourcing.outcome');
  await publishDirectory(h, directory);
  await eventually(async () => (await h.parts.businesses.stored(buyer))?.status === 'ACTIVE', 'the buyer known');
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('moderation', () => {
  it('files a request under review, visible only to its buyer and staff until staff publish it', async () => {
    const res = await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING_REVIEW', buyerBusinessId: buyer, buyerName: 'Siêu thị Lạng Sơn', provinceCode: '20', requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }], responseCount: 0 });
    const requestId = res.body.id as string;
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`)).status).toBe(404);
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`).set(bearer(await owner(local4)))).status).toBe(404);
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`).set(bearer(await owner(buyer)))).status).toBe(200);

    const byBuyer = await h.http.post(`/v1/sourcing-requests/${requestId}:publish`).set(bearer(await owner(buyer))).send({});
    expect({ status: byBuyer.status, code: byBuyer.body.code }).toEqual({ status: 403, code: 'ROLE_REQUIRED' });
    const publish = await h.http.post(`/v1/sourcing-requests/${requestId}:publish`).set(bearer(h.tokens.staff)).send({});
    expect(publish.body).toMatchObject({ status: 'PUBLISHED' });
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`)).body).toMatchObject({ status: 'PUBLISHED', title: body().title });
    const again = await h.http.post(`/v1/sourcing-requests/${requestId}:publish`).set(bearer(h.tokens.staff)).send({});
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'REQUEST_STATUS' });

    // Exactly these events: filed, published, and the matched suppliers told (certified first, then local).
    const events = await eventually(() => eventsOf(requestId).length >= 3 && eventsOf(requestId), 'three request events');
    expect(events.map((e) => e.type)).toEqual([
      'hangviet.sourcing.request.submitted.v1',
      'hangviet.sourcing.request.published.v1',
      'hangviet.sourcing.request.suppliers_matched.v1',
    ]);
    const suppliers = events[2]!.data.suppliers as { businessId: string; reasons: string[]; name: string; contactEmail: string; preferredLocale: string }[];
    // where each supplier's owner is told (notification writes to it): the directory's contact e-mail and language
    expect(suppliers[0]).toMatchObject({ name: 'HTX Mắm tôm Đồng Đăng', contactEmail: `${local4}@example.vn`, preferredLocale: 'vi' });
    const told = suppliers.map((s) => [s.businessId, s.reasons]);
    expect(told).toEqual([
      [local4, ['INDUSTRY', 'LOCAL', 'SAME_WARD', 'PRODUCT_GROUP', 'CERTIFIED', 'DOMESTIC_INPUTS']],
      [far5, ['INDUSTRY', 'PRODUCT_GROUP', 'CERTIFIED']],
      [localPlain, ['INDUSTRY', 'LOCAL', 'PRODUCT_GROUP']],
    ]);
  });

  it('rejects with a reason the buyer reads, and refuses a rejection without one', async () => {
    const requestId = await filed();
    const empty = await h.http.post(`/v1/sourcing-requests/${requestId}:reject`).set(bearer(h.tokens.staff)).send({ reason: ' ' });
    expect({ status: empty.status, errors: empty.body.errors }).toEqual({ status: 422, errors: [expect.objectContaining({ field: 'reason', code: 'REQUIRED' })] });
    const rejected = await h.http.post(`/v1/sourcing-requests/${requestId}:reject`).set(bearer(h.tokens.staff)).send({ reason: 'Trùng nhu cầu đã đăng' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'Trùng nhu cầu đã đăng' });
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`).set(bearer(await owner(buyer)))).body.rejectReason).toBe('Trùng nhu cầu đã đăng');
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`).set(bearer(h.tokens.partner))).status).toBe(404);
  });

  it('refuses bad input naming the field, and a buyer that is not its own or not active; writes nothing', async () => {
    const count = () => h.service.host.db.collection('sourcing_requests').countDocuments();
    const before = await count();
    const cases = [
      [await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body({ industry: { edition: '2018', code: 'x' } })), 422, 'industry.code'],
      [await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body({ closingTime: days(-1).toISOString() })), 422, 'closingTime'],
      [await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body({ responseCap: 0 })), 422, 'responseCap'],
      [await h.http.post('/v1/sourcing-requests').set(bearer(h.tokens.staff)).send(body({ buyerBusinessId: suspended })), 422, 'buyerBusinessId'],
      [await h.http.post('/v1/sourcing-requests').set(bearer(await owner(local4))).send(body()), 403, undefined],
      [await h.http.post('/v1/sourcing-requests').set(bearer(await h.token({ role: 'enterprise', businessId: buyer, subject: 'squatter' }))).send(body()), 403, undefined],
    ] as const;
    for (const [res, status, field] of cases) {
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
      if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await count()).toBe(before);
  });

  it('lets staff file for an outside buyer, with the province its local makers are of', async () => {
    const res = await h.http.post('/v1/sourcing-requests').set(bearer(h.tokens.staff)).send(body({ buyerBusinessId: undefined, buyerName: 'Khách sạn 4 sao Hà Nội', provinceCode: '20' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ buyerName: 'Khách sạn 4 sao Hà Nội', provinceCode: '20', status: 'PENDING_REVIEW' });
    expect(res.body.buyerBusinessId).toBeUndefined();
    const enterprise = await h.http.post('/v1/sourcing-requests').set(bearer(await owner(buyer))).send(body({ buyerBusinessId: undefined, buyerName: 'X', provinceCode: '20' }));
    expect({ status: enterprise.status, field: enterprise.body.errors?.[0]?.field }).toEqual({ status: 422, field: 'buyerBusinessId' });
  });
});

describe('matching', () => {
  it('finds the ACTIVE makers under the VSIC prefix: certified first where required, local first when asked, each explained', async () => {
    const requestId = await filed();
    const res = await h.http.get(`/v1/sourcing-requests/${requestId}/matches`).set(bearer(await owner(buyer)));
    expect(res.status).toBe(200);
    const items = res.body.items as { businessId: string; local: boolean; certified: boolean; score: number; reasons: { code: string; message: string }[] }[];
    expect(items.map((m) => [m.businessId, m.certified, m.local])).toEqual([
      [local4, true, true],
      [far5, true, false],
      [localPlain, false, true],
    ]);
    expect(items[0]!.reasons).toEqual([
      { code: 'INDUSTRY', message: 'VSIC 2018 10790 is under the requested 1079' },
      { code: 'LOCAL', message: 'a maker of province 20' },
      { code: 'SAME_WARD', message: "in the buyer's ward 06001" },
      { code: 'PRODUCT_GROUP', message: 'lists Mắm tôm (FOOD)' },
      { code: 'CERTIFIED', message: `OCOP 4★ for Mắm tôm (OCOP-${local4})` },
      { code: 'DOMESTIC_INPUTS', message: 'Mắm tôm 90% of Vietnamese inputs' },
    ]);
    expect(items[0]!.score).toBe(40 + 25 + 5 + 15 + 20 + 10);
    // where its owner is told stays with notification: not in what the buyer reads
    expect(items[0]).not.toHaveProperty('contactEmail');
  });

  it('ranks by score alone when origin does not matter and nothing is required (being local still scores)', async () => {
    const requestId = await filed({ originPreference: 'ANY', requiredCertifications: [], industry: { edition: '2018', code: '107' } });
    const items = (await h.http.get(`/v1/sourcing-requests/${requestId}/matches`).set(bearer(h.tokens.staff))).body.items as { businessId: string }[];
    // local4 40+25+5+15+20, localPlain 40+25+15, far5 40+15+20, the bakery 40+25: no tier, only the score.
    expect(items.map((m) => [m.businessId, (m as unknown as { score: number }).score])).toEqual([[local4, 105], [localPlain, 80], [far5, 75], [otherIndustry, 65]]);
  });

  it('matches a secondary industry of the directory too, and says so', async () => {
    const trader = id('trader');
    await publishDirectory(h, [{ id: trader, name: 'Công ty Thương mại Mẫu Sơn', provinceCode: '20', industry: '46320', secondary: ['01280'] }]);
    const requestId = await filed({ originPreference: 'ANY', requiredCertifications: [], productGroup: undefined, industry: { edition: '2018', code: '0128' } });
    const items = (await h.http.get(`/v1/sourcing-requests/${requestId}/matches`).set(bearer(h.tokens.staff))).body.items as { businessId: string; reasons: { code: string; message: string }[] }[];
    expect(items.map((m) => [m.businessId, m.reasons[0]])).toEqual([[trader, { code: 'INDUSTRY', message: 'VSIC 2018 01280 (a secondary industry) is under the requested 0128' }]]);
  });

  it('keeps the postings with the copy: a new industry moves a supplier, suspension removes it, an older event changes nothing', async () => {
    const directory = h.parts.supplierDirectory;
    const mover = id('mover');
    const facts = (version: number, code: string, status = 'ACTIVE') => ({ id: mover, name: 'Cơ sở chuyển ngành', status, provinceCode: '20', wardCode: '', industries: [{ edition: '2018', code }], contactEmail: '', preferredLocale: '', version });
    const under = async (code: string) => (await directory.underIndustry('2018', code, 2000)).some((s) => s.id === mover);
    await directory.recordBusiness(facts(2, '10790'), new Date());
    expect([await under('1079'), await under('10')]).toEqual([true, true]);
    await directory.recordBusiness(facts(3, '10710'), new Date());
    expect([await under('1079'), await under('1071'), await under('10')]).toEqual([false, true, true]);
    expect(await directory.recordBusiness(facts(2, '10790'), new Date())).toBe('stale'); // redelivered, older
    expect([await under('1079'), await under('1071')]).toEqual([false, true]);
    await directory.recordBusiness(facts(4, '10710', 'SUSPENDED'), new Date());
    expect([await under('1071'), await under('1')]).toEqual([false, false]);
  });

  it('shows the matches only to the buyer and staff', async () => {
    const requestId = await filed();
    const supplier = await h.http.get(`/v1/sourcing-requests/${requestId}/matches`).set(bearer(await owner(local4)));
    expect({ status: supplier.status, code: supplier.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}/matches`)).status).toBe(401);
  });
});

describe('responses', () => {
  it('takes one response per supplier under concurrency; the cap closes the request', async () => {
    const requestId = await published({ responseCap: 2 });
    const answers = await Promise.all(
      [local4, localPlain, far5].map(async (supplier) =>
        h.http.post(`/v1/sourcing-requests/${requestId}/responses`).set(bearer(await owner(supplier))).send({ supplierBusinessId: supplier, message: `Chào giá từ ${supplier}`, unitPriceVnd: 42_000 }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('REQUEST_NOT_OPEN');
    const request = (await h.http.get(`/v1/sourcing-requests/${requestId}`)).body;
    expect(request).toMatchObject({ status: 'CLOSED', closeReason: 'CAP_REACHED', responseCount: 2 });
    const closed = await eventually(() => eventsOf(requestId).find((e) => e.type === 'hangviet.sourcing.request.closed.v1'), 'the closed event');
    expect(closed.data).toMatchObject({ reason: 'CAP_REACHED' });
  });

  it('answers 409 to a second response, allows one edit, and shows responses only to the buyer and staff', async () => {
    const requestId = await published({ responseCap: 5 });
    const post = async (supplier: string, message: string) =>
      h.http.post(`/v1/sourcing-requests/${requestId}/responses`).set(bearer(await owner(supplier))).send({ supplierBusinessId: supplier, message });
    expect((await post(local4, 'Có sẵn 500 chai/tháng')).status).toBe(201);
    const second = await post(local4, 'Lần nữa');
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'RESPONSE_EXISTS' });
    expect((await post(localPlain, 'Có hàng')).status).toBe(201);

    const patch = async (message: string) => h.http.patch(`/v1/sourcing-requests/${requestId}/responses/${local4}`).set(bearer(await owner(local4))).send({ message, unitPriceVnd: 39_000 });
    expect((await patch('Giá ưu đãi')).body).toMatchObject({ message: 'Giá ưu đãi', unitPriceVnd: 39_000, editable: false });
    const twice = await patch('Giá khác');
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'RESPONSE_EDITED' });

    const read = async (token?: string) => {
      const req = h.http.get(`/v1/sourcing-requests/${requestId}/responses`);
      return token ? req.set(bearer(token)) : req;
    };
    expect(((await read(await owner(buyer))).body.items as { supplierBusinessId: string }[]).map((r) => r.supplierBusinessId)).toEqual([local4, localPlain]);
    expect((await read(h.tokens.staff)).body.items).toHaveLength(2);
    expect(((await read(await owner(localPlain))).body.items as { supplierBusinessId: string }[]).map((r) => r.supplierBusinessId)).toEqual([localPlain]);
    const stranger = await read(await owner(far5));
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 403, code: 'NOT_BUYER' });
    expect((await read(h.tokens.partner)).status).toBe(403);
    expect((await read()).status).toBe(401);
    // The request's own view never carries them.
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`)).body.responses).toBeUndefined();

    const shortlisted = await h.http.post(`/v1/sourcing-requests/${requestId}/responses/${local4}:shortlist`).set(bearer(await owner(buyer))).send({});
    expect(shortlisted.body).toMatchObject({ supplierBusinessId: local4, shortlisted: true });
    const closed = await h.http.post(`/v1/sourcing-requests/${requestId}:close`).set(bearer(await owner(buyer))).send({});
    expect(closed.body).toMatchObject({ status: 'CLOSED', closeReason: 'BUYER' });
  });
});

describe('expiry and renewal', () => {
  it('the job expires published requests past their closing time, once; the buyer renews', async () => {
    const requestId = await published({ closingTime: days(2).toISOString() });
    const later = { ...h.parts, now: () => days(3) };
    expect(await expireSourcingRequests(later)).toBeGreaterThanOrEqual(1);
    expect((await h.http.get(`/v1/sourcing-requests/${requestId}`)).body.status).toBe('EXPIRED');
    expect(await expireSourcingRequests(later)).toBe(0);
    const late = await h.http.post(`/v1/sourcing-requests/${requestId}/responses`).set(bearer(await owner(local4))).send({ supplierBusinessId: local4, message: 'Muộn' });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'REQUEST_NOT_OPEN' });

    const renewed = await h.http.post(`/v1/sourcing-requests/${requestId}:renew`).set(bearer(await owner(buyer))).send({ closingTime: days(20).toISOString() });
    expect(renewed.body).toMatchObject({ status: 'PUBLISHED' });
    const types = await eventually(() => { const t = eventsOf(requestId).map((e) => e.type); return t.includes('hangviet.sourcing.request.renewed.v1') && t; }, 'renewed');
    expect(types.filter((t) => t === 'hangviet.sourcing.request.expired.v1')).toHaveLength(1);
  });
});

describe('outcomes', () => {
  it('records a contract once: one event for campaign results, 409 on a second, the Idempotency-Key replayed', async () => {
    const requestId = await published({ responseCap: 5 });
    await h.http.post(`/v1/sourcing-requests/${requestId}/responses`).set(bearer(await owner(local4))).send({ supplierBusinessId: local4, message: 'Có hàng' });
    const signedDate = new Date().toISOString().slice(0, 10);
    const key = randomUUID();
    const record = async () =>
      h.http.post(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(await owner(buyer))).set('Idempotency-Key', key).send({ supplierBusinessId: local4, kind: 'CONTRACT', valueVnd: 1_250_000_000, signedDate });
    const first = await record();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ requestId, buyerBusinessId: buyer, supplierBusinessId: local4, kind: 'CONTRACT', valueVnd: 1_250_000_000, signedDate });
    const replay = await record();
    expect({ status: replay.status, id: replay.body.id }).toEqual({ status: 201, id: first.body.id });
    const second = await h.http.post(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(h.tokens.staff)).send({ supplierBusinessId: local4, kind: 'CONTRACT', valueVnd: 1, signedDate });
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'OUTCOME_EXISTS' });
    const stranger = await h.http.post(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(await owner(far5))).send({ supplierBusinessId: far5, kind: 'MOU', valueVnd: 0, signedDate });
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 409, code: 'SUPPLIER_NOT_RESPONDED' });
    // The supplier itself may record the MOU it signed.
    expect((await h.http.post(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(await owner(local4))).send({ supplierBusinessId: local4, kind: 'MOU', valueVnd: 0, signedDate })).status).toBe(201);

    const recorded = await eventually(() => { const e = eventsOf(first.body.id); return e.length > 0 && e; }, 'the outcome event');
    await new Promise((r) => setTimeout(r, 1500)); // time for a second event, were one to come
    expect(eventsOf(first.body.id)).toEqual([
      {
        type: 'hangviet.sourcing.outcome.recorded.v1',
        subject: first.body.id,
        source: 'sourcing',
        data: expect.objectContaining({ outcome: expect.objectContaining({ id: first.body.id, requestId, buyerBusinessId: buyer, supplierBusinessId: local4, kind: 'OUTCOME_KIND_CONTRACT', valueVnd: '1250000000', signedDate }) }),
      },
    ]);
    expect(recorded).toHaveLength(1);
    const listed = await h.http.get(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(await owner(buyer)));
    expect((listed.body.items as { kind: string }[]).map((o) => o.kind).sort()).toEqual(['CONTRACT', 'MOU']);
  });

  it('reminds both sides 3 and 12 months after signing, once each', async () => {
    const requestId = await published({ responseCap: 5 });
    await h.http.post(`/v1/sourcing-requests/${requestId}/responses`).set(bearer(await owner(localPlain))).send({ supplierBusinessId: localPlain, message: 'Có hàng' });
    const outcome = await h.http.post(`/v1/sourcing-requests/${requestId}/outcomes`).set(bearer(h.tokens.staff)).send({ supplierBusinessId: localPlain, kind: 'MOU', valueVnd: 0, signedDate: new Date().toISOString().slice(0, 10) });
    const at = (n: number) => ({ ...h.parts, now: () => days(n) });
    expect(await sendOutcomeReminders(at(60))).toBe(0);
    expect(await sendOutcomeReminders(at(95))).toBeGreaterThanOrEqual(1);
    await sendOutcomeReminders(at(96));
    await sendOutcomeReminders(at(370));
    const reminders = await eventually(() => { const e = eventsOf(outcome.body.id).filter((x) => x.type.endsWith('reminder_due.v1')); return e.length >= 2 && e; }, 'two reminders');
    await new Promise((r) => setTimeout(r, 1000));
    expect(eventsOf(outcome.body.id).filter((x) => x.type.endsWith('reminder_due.v1')).map((e) => e.data.monthsAfter)).toEqual([3, 12]);
    expect(reminders).toHaveLength(2);
  });
});
