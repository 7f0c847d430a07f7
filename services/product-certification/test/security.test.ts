// Issue 20 against the real certification service (Kafka, database): the reason staff typed when suspending
// a business stays internal (finding 3), decision dates lie in plausible years (finding 4), evidence file
// names are the owner's and staff's (finding 12), deeply nested JSON is a 422 (finding 8).
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved, BusinessSuspended } from '@hangviet/events/catalog';
import { bearer, eventually } from '@hangviet/service-testing';
import { startCertification, type Harness } from './support/start-certification';
import { expectOk } from './support/ocop';

let h: Harness;
let staff: string;
const business = randomUUID();
const hvnclc = (over: object = {}) => ({ scheme: 'HVNCLC', businessId: business, decisionNumber: '12/QĐ-HVNCLC', decisionDate: '2026-01-10', issuer: 'Hội DN HVNCLC', year: 2026, ...over });

beforeAll(async () => {
  h = await startCertification('certification_security');
  staff = await h.token({ role: 'staff', subject: 'staff-sec' });
  await h.publishBusiness(BusinessApproved, { id: business, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2, name: 'HTX Kẹo dừa Thanh Long' });
  await eventually(async () => { const b = await h.parts.businesses.stored(business); return b?.status === 'ACTIVE' && b; }, 'b?.status === "ACTIVE"');
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('finding 3: internal reasons stay internal', () => {
  it('the public certificate view omits the suspension reason; staff still see it', async () => {
    const { number } = (await expectOk(await h.http.post('/v1/certificates').set(bearer(staff)).send(hvnclc()), 201)).body as { number: string };
    const reason = 'Đang bị điều tra gian lận thuế';
    await h.publishBusiness(BusinessSuspended, { id: business, status: BusinessStatus.BUSINESS_STATUS_SUSPENDED, version: 3 }, new Date(), { reason });
    await eventually(async () => { const s = await (await h.http.get(`/v1/certificates/${number}`)).body.status; return s === 'SUSPENDED' && s; }, 's === "SUSPENDED"');

    const anonymous = await h.http.get(`/v1/certificates/${number}`);
    expect(anonymous.body).toMatchObject({ number, status: 'SUSPENDED' });
    expect(JSON.stringify(anonymous.body)).not.toContain(reason);
    const listed = await h.http.get(`/v1/certificates?businessId=${business}`);
    expect(JSON.stringify(listed.body)).not.toContain(reason);
    const enterprise = await h.token({ role: 'enterprise', businessId: randomUUID(), subject: 'other' });
    expect(JSON.stringify((await h.http.get(`/v1/certificates/${number}`).set(bearer(enterprise))).body)).not.toContain(reason);
    expect((await h.http.get(`/v1/certificates/${number}`).set(bearer(staff))).body).toMatchObject({ status: 'SUSPENDED', reason });
  });
});

describe('finding 4: plausible dates', () => {
  it('refuses a decision date of year 0 and one of year 9999, writing nothing', async () => {
    const before = await h.service.host.db.collection('certificates').countDocuments();
    for (const decisionDate of ['0000-06-01', '9999-06-01', '0000-06-01T00:00:00Z']) {
      const res = await h.http.post('/v1/certificates').set(bearer(staff)).send(hvnclc({ decisionDate, year: 2027 }));
      expect({ decisionDate, status: res.status, errors: res.body.errors }).toEqual({ decisionDate, status: 422, errors: [expect.objectContaining({ field: 'decisionDate', code: 'DATE_OUT_OF_RANGE' })] });
    }
    expect(await h.service.host.db.collection('certificates').countDocuments()).toBe(before);
  });
});

describe('finding 12: evidence file names are not public', () => {
  it("a listed product's documents are shown to the public without their file names", async () => {
    const owned = randomUUID();
    await h.publishBusiness(BusinessApproved, { id: owned, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2 });
    await eventually(async () => { const b = await h.parts.businesses.stored(owned); return b?.status === 'ACTIVE' && b; }, 'b?.status === "ACTIVE"');
    const owner = await h.token({ role: 'enterprise', businessId: owned, subject: `owner-${owned}` });
    const product = await expectOk(await h.http.post('/v1/products').set(bearer(owner)).send({ businessId: owned, name: 'Mật ong U Minh', group: 'FOOD' }), 201);
    const id = product.body.id as string;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const fileName = 'ket-qua-kiem-nghiem-lo-07-noi-bo.pdf';
    await expectOk(await h.http.post(`/v1/products/${id}/documents`).set(bearer(owner)).set('content-type', 'application/pdf').set('x-file-name', fileName).send(pdf), 201);
    await expectOk(await h.http.post(`/v1/products/${id}:list`).set(bearer(owner)).send());

    const anonymous = await expectOk(await h.http.get(`/v1/products/${id}`));
    expect(anonymous.body.evidence).toHaveLength(1);
    expect(JSON.stringify(anonymous.body)).not.toContain(fileName);
    expect(JSON.stringify((await h.http.get(`/v1/products?businessId=${owned}`)).body)).not.toContain(fileName);
    expect((await h.http.get(`/v1/products/${id}`).set(bearer(owner))).body.evidence[0]).toMatchObject({ fileName });
    expect((await h.http.get(`/v1/products/${id}`).set(bearer(staff))).body.evidence[0]).toMatchObject({ fileName });
  });
});

describe('finding 8: deeply nested JSON', () => {
  it("answers '[' × 5000 with 422, not 500, anonymously", async () => {
    const res = await h.http.post('/v1/certificates:verify').set('content-type', 'application/json').send(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'NESTED_TOO_DEEPLY' });
  });
});
