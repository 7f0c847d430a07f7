// Every mutating route against every role, read from the one route table the OpenAPI document is built
// from: no token is 401, a role not listed is 403 ROLE_REQUIRED and writes nothing; a listed role gets past
// the guard (its answer is then about the request: 404, 422…). An enterprise touches only its own business.
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessApproved, BusinessRegistered } from '@hangviet/events/catalog';
import type { Role } from '@hangviet/service-kit';
import { ROUTES } from '../src/transport/http/openapi';
import { bearer, eventually } from '@hangviet/service-testing';
import { activeBusinesses, createVenue, openFair, apply, startTradeFair, type Harness } from './support/fixtures';

let h: Harness;
let fairId: string; // the routes' target; the ownership test opens its own
let venueId: string;
const ROLES: Role[] = ['admin', 'staff', 'enterprise', 'partner'];

beforeAll(async () => {
  h = await startTradeFair('tradefair_authz');
  venueId = (await createVenue(h, 2, 2)).id;
  fairId = (await openFair(h, venueId)).id;
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

const pathOf = (path: string) => path.replace('{id}', path.startsWith('/v1/venues') ? venueId : fairId).replace('{applicationId}', randomUUID()).replace('{businessId}', randomUUID());
const written = async () => {
  const db = h.service.host.db;
  return Promise.all(['venues', 'fairs', 'booth_applications', 'venue_days', 'allocation_runs'].map((c) => db.collection(c).countDocuments()));
};

describe.each(ROUTES.filter((r) => r.method === 'post').map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('refuses the anonymous and every role not listed, writing nothing, and lets the listed ones past the guard', async () => {
    const token = (role: Role) => h.token({ role, subject: `${role}-1`, ...(role === 'enterprise' ? { businessId: randomUUID() } : {}), ...(role === 'partner' ? { partnerId: 'portal' } : {}) });
    const allowed = (role: Role) => Array.isArray(route.access) && route.access.includes(role);
    const before = await written();
    const anonymous = await h.http.post(pathOf(route.path)).send({});
    expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'TOKEN_MISSING' });
    for (const role of ROLES.filter((r) => !allowed(r))) {
      const res = await h.http.post(pathOf(route.path)).set(bearer(await token(role))).send({});
      expect({ role, status: res.status, code: res.body.code }).toEqual({ role, status: 403, code: 'ROLE_REQUIRED' });
    }
    expect(await written()).toEqual(before);
    for (const role of ROLES.filter(allowed)) {
      const res = await h.http.post(pathOf(route.path)).set(bearer(await token(role))).send({});
      expect({ role, refused: [401, 403, 500].includes(res.status) }).toEqual({ role, refused: false });
    }
  });
});

it('an enterprise applies only for its own business, and withdraws only its own application', async () => {
  const fairId = (await openFair(h, venueId)).id;
  const [mine, theirs] = await activeBusinesses(h, 2);
  const forOther = await apply(h, fairId, { ...theirs!, token: mine!.token });
  expect({ status: forOther.status, code: forOther.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
  const own = await apply(h, fairId, theirs!);
  expect(own.status).toBe(201);
  const steal = await h.http.post(`/v1/fairs/${fairId}/applications/${own.body.id}:withdraw`).set(bearer(mine!.token)).send();
  expect({ status: steal.status, code: steal.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
  const list = await h.http.get(`/v1/fairs/${fairId}/applications`).set(bearer(mine!.token));
  expect(list.body.items).toEqual([]);
});

it('a squatter whose registration staff transferred to the rightful owner is refused with its old token; the owner is not (issue 20, finding 1)', async () => {
  const fairId = (await openFair(h, venueId)).id;
  const id = randomUUID();
  // As the registry tells it: registered by the squatter, transferred (no event) and approved for the owner.
  await h.publishBusiness(BusinessRegistered, { id, status: BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW, version: 1, ownerSubject: `squatter-${id}` });
  await h.publishBusiness(BusinessApproved, { id, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 3, ownerSubject: `rightful-${id}` });
  const productId = randomUUID();
  await h.parts.certifications.recordProduct({ id: productId, businessId: id, name: 'Kẹo dừa' });
  await eventually(async () => { const b = await h.parts.businesses.stored(id); return b?.status === 'ACTIVE' && b; }, 'b?.status === "ACTIVE"');
  const squatter = { id, productId, token: await h.token({ role: 'enterprise', businessId: id, subject: `squatter-${id}` }) };
  const rightful = { id, productId, token: await h.token({ role: 'enterprise', businessId: id, subject: `rightful-${id}` }) };

  const squatted = await apply(h, fairId, squatter);
  expect({ status: squatted.status, code: squatted.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
  const feed = await h.http.get(`/v1/businesses/${id}/fairs.ics`).set(bearer(squatter.token));
  expect(feed.status).toBe(403);
  const own = await apply(h, fairId, rightful);
  expect(own.status).toBe(201);
  const steal = await h.http.post(`/v1/fairs/${fairId}/applications/${own.body.id}:withdraw`).set(bearer(squatter.token)).send();
  expect({ status: steal.status, code: steal.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
  expect((await h.http.get(`/v1/businesses/${id}/fairs.ics`).set(bearer(rightful.token))).status).toBe(200);
});
