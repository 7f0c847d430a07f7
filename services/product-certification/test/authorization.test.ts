// Every mutating route against every role: who gets 401 / 403 and who gets past the guard (any other
// answer). An enterprise never touches another business's products or applications; only staff
// review, score and decide, record and revoke certificates, and triage reports.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved } from '@hangviet/events/catalog';
import { bearer, eventually } from '@hangviet/service-testing';
import { startCertification, type Harness } from './support/start-certification';
import { decide, expectOk, productAndApplication, reviewAndScore, sheetOf } from './support/ocop';

type Role = 'anonymous' | 'partner' | 'otherEnterprise' | 'owner' | 'staff' | 'admin';
const ROLES: Role[] = ['anonymous', 'partner', 'otherEnterprise', 'owner', 'staff', 'admin'];
const OWNERS: Role[] = ['owner', 'staff', 'admin'];
const STAFF: Role[] = ['staff', 'admin'];

let h: Harness;
const business = randomUUID();
const tokens = {} as Record<Role, string | undefined>;
let ids: { productId: string; applicationId: string; number: string; reportId: string };

beforeAll(async () => {
  h = await startCertification('cert-authz');
  await h.publishBusiness(BusinessApproved, { id: business, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2 });
  await eventually(async () => { const b = await h.parts.businesses.stored(business); return b?.status === 'ACTIVE' && b; }, "the business is ACTIVE in the copy");
  tokens.anonymous = undefined;
  tokens.partner = await h.token({ role: 'partner', partnerId: 'portal', subject: 'partner-1' });
  tokens.otherEnterprise = await h.token({ role: 'enterprise', businessId: randomUUID(), subject: 'stranger' });
  tokens.owner = await h.token({ role: 'enterprise', businessId: business, subject: `owner-${business}` });
  tokens.staff = await h.token({ role: 'staff', subject: 'staff-1' });
  tokens.admin = await h.token({ role: 'admin', subject: 'admin-1' });
  const { productId, applicationId } = await productAndApplication(h, business);
  const decided = await productAndApplication(h, business, 'Kẹo dừa sữa');
  await reviewAndScore(h, decided.applicationId, 75);
  const number = (await expectOk(await decide(h, decided.applicationId))).body.certificate.number as string;
  const reportId = (await expectOk(await h.http.post('/v1/reports').send({ productId, shop: 'Chợ', description: 'Nghi hàng giả, nhãn sai' }), 201)).body.id as string;
  ids = { productId, applicationId, number, reportId };
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

interface Route {
  name: string;
  method: 'post' | 'patch';
  path: () => string;
  body: () => object;
  allowed: Role[];
  type?: string;
}

const app = () => `/v1/certification-applications/${ids.applicationId}`;
const ROUTES: Route[] = [
  { name: 'POST /v1/products', method: 'post', path: () => '/v1/products', body: () => ({ businessId: business, name: 'Bánh tráng', group: 'FOOD' }), allowed: OWNERS },
  { name: 'PATCH /v1/products/{id}', method: 'patch', path: () => `/v1/products/${ids.productId}`, body: () => ({ description: 'Mới' }), allowed: OWNERS },
  { name: 'POST /v1/products/{id}:list', method: 'post', path: () => `/v1/products/${ids.productId}:list`, body: () => ({}), allowed: OWNERS },
  { name: 'POST /v1/products/{id}/documents', method: 'post', path: () => `/v1/products/${ids.productId}/documents`, body: () => ({}), allowed: OWNERS, type: 'application/pdf' },
  { name: 'POST /v1/certification-applications', method: 'post', path: () => '/v1/certification-applications', body: () => ({ productId: ids.productId, scheme: 'OCOP', round: { year: 2026, number: 2 } }), allowed: OWNERS },
  { name: ':reviewCommune', method: 'post', path: () => `${app()}:reviewCommune`, body: () => ({ reviewer: 'UBND xã', localRawMaterial: true, localLabour: true, localIdea: true }), allowed: STAFF },
  { name: ':score', method: 'post', path: () => `${app()}:score`, body: () => ({ scores: sheetOf(60) }), allowed: STAFF },
  { name: ':decide', method: 'post', path: () => `${app()}:decide`, body: () => ({ decisionNumber: '1/QĐ-UBND', decisionDate: '2026-11-01' }), allowed: STAFF },
  { name: ':reject', method: 'post', path: () => `${app()}:reject`, body: () => ({ reason: 'Thiếu hồ sơ' }), allowed: STAFF },
  { name: 'application :withdraw', method: 'post', path: () => `${app()}:withdraw`, body: () => ({}), allowed: OWNERS },
  { name: 'POST /v1/certificates', method: 'post', path: () => '/v1/certificates', body: () => ({ scheme: 'HVNCLC', businessId: business, decisionNumber: '12/QĐ-HVNCLC', decisionDate: '2026-01-10', issuer: 'Hội DN HVNCLC', year: 2026 }), allowed: STAFF },
  { name: ':revoke', method: 'post', path: () => `/v1/certificates/${ids.number}:revoke`, body: () => ({ reason: 'Kiểm tra' }), allowed: STAFF },
  { name: ':extend', method: 'post', path: () => `/v1/certificates/${ids.number}:extend`, body: () => ({ validUntil: '2030-01-01' }), allowed: STAFF },
  { name: 'report :forward', method: 'post', path: () => `/v1/reports/${ids.reportId}:forward`, body: () => ({ partner: 'market-surveillance' }), allowed: STAFF },
  { name: 'report :close', method: 'post', path: () => `/v1/reports/${ids.reportId}:close`, body: () => ({ resolution: 'Xong' }), allowed: STAFF },
  { name: 'POST /v1/reports (public)', method: 'post', path: () => '/v1/reports', body: () => ({ productId: ids.productId, shop: 'Chợ', description: 'Nghi hàng giả, nhãn sai' }), allowed: ROLES },
  { name: 'POST /v1/certificates:verify (public)', method: 'post', path: () => '/v1/certificates:verify', body: () => ({ token: 'a.b.c' }), allowed: ROLES },
];

const cases = ROUTES.flatMap((route) => ROLES.map((role) => ({ route: route.name, role, r: route, allowed: route.allowed.includes(role) })));

describe('every mutating route against every role', () => {
  it.each(cases)('$route as $role', async ({ r, role, allowed }) => {
    let req = h.http[r.method](r.path());
    const token = tokens[role];
    if (token) req = req.set(bearer(token));
    const res = r.type ? await req.set('Content-Type', r.type).send(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')) : await req.send(r.body());
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(role === 'anonymous' ? 401 : 403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(['TOKEN_MISSING', 'ROLE_REQUIRED', 'NOT_OWNER']).toContain(res.body.code);
    }
  });
});

describe('what an enterprise sees of another', () => {
  it('does not see another business’s draft products or applications', async () => {
    const draft = await productAndApplication(h, business, 'Kẹo dừa nháp');
    expect((await h.http.get(`/v1/products/${draft.productId}`).set(bearer(tokens.otherEnterprise!))).status).toBe(404);
    expect((await h.http.get(`/v1/products/${draft.productId}`)).status).toBe(404);
    expect((await h.http.get(`/v1/products/${draft.productId}`).set(bearer(tokens.owner!))).status).toBe(200);
    expect((await h.http.get(app()).set(bearer(tokens.otherEnterprise!))).status).toBe(404);
    const listed = await h.http.get('/v1/certification-applications').query({ businessId: business }).set(bearer(tokens.otherEnterprise!));
    expect(listed.body.items).toEqual([]);
  });
});
