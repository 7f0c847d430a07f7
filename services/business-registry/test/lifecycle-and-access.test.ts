// The status state machine through the API (every illegal transition is a 409 with a stable code)
// and the role/ownership matrix on every endpoint.
import { randomUUID } from 'node:crypto';
import type { BusinessStatus } from '../src/domain/business';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { registration } from './support/fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startRegistry('registry_access');
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'dissolve';
const ACTIONS: Action[] = ['approve', 'reject', 'suspend', 'reinstate', 'dissolve'];
const REASON = { reason: 'Lý do kiểm tra' };
const PATH_TO: Record<BusinessStatus, Action[]> = {
  PENDING_REVIEW: [],
  ACTIVE: ['approve'],
  REJECTED: ['reject'],
  SUSPENDED: ['approve', 'suspend'],
  DISSOLVED: ['dissolve'],
};

interface Owned {
  id: string;
  ownerToken: string;
}

/** Registers a business as its enterprise owner would, then moves it to `status` as staff. */
async function businessIn(status: BusinessStatus): Promise<Owned> {
  const id = randomUUID();
  const ownerToken = await h.tokens.enterprise(id, `user-${id}`);
  const created = await h.http.post('/v1/businesses').set(bearer(ownerToken)).send(registration());
  expect(created.status).toBe(201);
  expect(created.body.id).toBe(id);
  // Staff approve a self-registration only with its registration certificate attached (issue 12, item 1).
  const evidence = await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(ownerToken)).set('Content-Type', 'application/pdf').send(Buffer.from('%PDF-1.7\n%%EOF\n'));
  expect(evidence.status).toBe(200);
  for (const action of PATH_TO[status]) {
    const res = await h.http.post(`/v1/businesses/${id}:${action}`).set(bearer(h.tokens.staff)).send(REASON);
    expect(res.status).toBe(200);
  }
  return { id, ownerToken };
}

describe('the state machine over HTTP', () => {
  const legal: Record<Action, BusinessStatus[]> = {
    approve: ['PENDING_REVIEW'],
    reject: ['PENDING_REVIEW'],
    suspend: ['ACTIVE'],
    reinstate: ['SUSPENDED'],
    dissolve: ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED'],
  };
  const target: Record<Action, BusinessStatus> = { approve: 'ACTIVE', reject: 'REJECTED', suspend: 'SUSPENDED', reinstate: 'ACTIVE', dissolve: 'DISSOLVED' };
  const statuses = Object.keys(PATH_TO) as BusinessStatus[];
  const cases = ACTIONS.flatMap((action) => statuses.map((from) => ({ action, from, allowed: legal[action].includes(from) })));

  it.each(cases.filter((c) => c.allowed))('$action from $from → 200 and $action applied', async ({ action, from }) => {
    const { id } = await businessIn(from);
    const res = await h.http.post(`/v1/businesses/${id}:${action}`).set(bearer(h.tokens.staff)).send(REASON);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(target[action]);
  }, 30_000);

  it.each(cases.filter((c) => !c.allowed))('$action from $from → 409 ILLEGAL_STATUS_TRANSITION', async ({ action, from }) => {
    const { id } = await businessIn(from);
    const res = await h.http.post(`/v1/businesses/${id}:${action}`).set(bearer(h.tokens.staff)).send(REASON);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_STATUS_TRANSITION');
    const after = await h.http.get(`/v1/businesses/${id}`).set(bearer(h.tokens.staff));
    expect(after.body.status).toBe(from);
  }, 30_000);

  it.each(['REJECTED', 'DISSOLVED'] as const)('a %s business cannot be edited → 409 BUSINESS_NOT_EDITABLE', async (status) => {
    const { id } = await businessIn(status);
    const res = await h.http.patch(`/v1/businesses/${id}`).set(bearer(h.tokens.staff)).send({ englishName: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BUSINESS_NOT_EDITABLE');
  }, 30_000);

  it.each(['reject', 'suspend', 'dissolve'] as const)('%s without a reason → 422 on field reason', async (action) => {
    const { id } = await businessIn(action === 'suspend' ? 'ACTIVE' : 'PENDING_REVIEW');
    const res = await h.http.post(`/v1/businesses/${id}:${action}`).set(bearer(h.tokens.staff)).send({});
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
  }, 30_000);

  it('stores the reason and clears it on approval-like transitions', async () => {
    const { id } = await businessIn('ACTIVE');
    const suspended = await h.http.post(`/v1/businesses/${id}:suspend`).set(bearer(h.tokens.staff)).send({ reason: 'Nhãn sai' });
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', statusReason: 'Nhãn sai' });
    const back = await h.http.post(`/v1/businesses/${id}:reinstate`).set(bearer(h.tokens.staff)).send({});
    expect(back.body.status).toBe('ACTIVE');
    expect(back.body.statusReason).toBeUndefined();
  }, 30_000);
});

type Actor = 'anonymous' | 'partner' | 'owner' | 'otherEnterprise' | 'staff' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'partner', 'owner', 'otherEnterprise', 'staff', 'admin'];

interface MatrixRow {
  endpoint: string;
  /** The status the subject business starts in. */
  startIn: BusinessStatus;
  /** A fresh subject per cell, for calls that change it; read-only rows share one per status. */
  mutates?: boolean;
  call(id: string, auth: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  expected: Record<Actor, number>;
}

const csv = () => `taxCode,type,legalName,provinceCode,wardCode,street,industries\n${registration().taxCode},COMPANY,Công ty TNHH Nhập Khẩu,86,28903,1 Đường A,1073\n`;

const matrix: MatrixRow[] = [
  {
    endpoint: 'GET /v1/businesses/{id} (ACTIVE)',
    startIn: 'ACTIVE',
    call: (id, auth) => h.http.get(`/v1/businesses/${id}`).set(auth),
    expected: { anonymous: 200, partner: 200, owner: 200, otherEnterprise: 200, staff: 200, admin: 200 },
  },
  {
    endpoint: 'GET /v1/businesses/{id} (PENDING_REVIEW)',
    startIn: 'PENDING_REVIEW',
    call: (id, auth) => h.http.get(`/v1/businesses/${id}`).set(auth),
    expected: { anonymous: 404, partner: 404, owner: 200, otherEnterprise: 404, staff: 200, admin: 200 },
  },
  {
    endpoint: 'PATCH /v1/businesses/{id}',
    startIn: 'ACTIVE',
    mutates: true,
    call: (id, auth) => h.http.patch(`/v1/businesses/${id}`).set(auth).send({ website: 'https://example.vn' }),
    expected: { anonymous: 401, partner: 403, owner: 200, otherEnterprise: 403, staff: 200, admin: 200 },
  },
  ...(['approve', 'reject'] as const).map((action) => ({
    endpoint: `POST /v1/businesses/{id}:${action}`,
    startIn: 'PENDING_REVIEW' as const,
    mutates: true,
    call: (id: string, auth: Record<string, string>) => h.http.post(`/v1/businesses/${id}:${action}`).set(auth).send(REASON),
    expected: { anonymous: 401, partner: 403, owner: 403, otherEnterprise: 403, staff: 200, admin: 200 },
  })),
  ...(['suspend', 'dissolve'] as const).map((action) => ({
    endpoint: `POST /v1/businesses/{id}:${action}`,
    startIn: 'ACTIVE' as const,
    mutates: true,
    call: (id: string, auth: Record<string, string>) => h.http.post(`/v1/businesses/${id}:${action}`).set(auth).send(REASON),
    expected: { anonymous: 401, partner: 403, owner: 403, otherEnterprise: 403, staff: 200, admin: 200 },
  })),
  {
    endpoint: 'POST /v1/businesses/{id}:reinstate',
    startIn: 'SUSPENDED',
    mutates: true,
    call: (id, auth) => h.http.post(`/v1/businesses/${id}:reinstate`).set(auth).send({}),
    expected: { anonymous: 401, partner: 403, owner: 403, otherEnterprise: 403, staff: 200, admin: 200 },
  },
  {
    endpoint: 'POST /v1/businesses (the owner already has one)',
    startIn: 'ACTIVE',
    call: (_id, auth) => h.http.post('/v1/businesses').set(auth).send(registration()),
    expected: { anonymous: 401, partner: 403, owner: 409, otherEnterprise: 409, staff: 201, admin: 201 },
  },
  {
    endpoint: 'GET /v1/businesses?status=PENDING_REVIEW',
    startIn: 'PENDING_REVIEW',
    call: (_id, auth) => h.http.get('/v1/businesses').query({ status: 'PENDING_REVIEW' }).set(auth),
    expected: { anonymous: 403, partner: 403, owner: 403, otherEnterprise: 403, staff: 200, admin: 200 },
  },
  {
    endpoint: 'GET /v1/businesses:lookup (PENDING_REVIEW)',
    startIn: 'PENDING_REVIEW',
    call: async (id, auth) => {
      const taxCode = (await h.http.get(`/v1/businesses/${id}`).set(bearer(h.tokens.staff))).body.taxCode as string;
      return h.http.get('/v1/businesses:lookup').query({ taxCode }).set(auth);
    },
    expected: { anonymous: 404, partner: 404, owner: 200, otherEnterprise: 404, staff: 200, admin: 200 },
  },
  {
    endpoint: 'POST /v1/businesses:import',
    startIn: 'ACTIVE',
    call: (_id, auth) => h.http.post('/v1/businesses:import').set(auth).set('Content-Type', 'text/csv').send(csv()),
    expected: { anonymous: 401, partner: 403, owner: 403, otherEnterprise: 403, staff: 200, admin: 200 },
  },
  ...['/v1/provinces', '/v1/provinces/86/wards', '/v1/industries?edition=2018&q=keo', '/v1/openapi.json', '/v1/businesses'].map((path) => ({
    endpoint: `GET ${path}`,
    startIn: 'ACTIVE' as const,
    call: (_id: string, auth: Record<string, string>) => h.http.get(path).set(auth),
    expected: { anonymous: 200, partner: 200, owner: 200, otherEnterprise: 200, staff: 200, admin: 200 },
  })),
];

describe('the role/ownership matrix', () => {
  const cells = matrix.flatMap((row) => ACTORS.map((actor) => ({ ...row, actor, status: row.expected[actor] })));

  const shared = new Map<BusinessStatus, Promise<Owned>>();
  let other: Promise<Owned> | undefined;

  it.each(cells)('$endpoint as $actor → $status', async ({ startIn, mutates, call, actor, status }) => {
    if (!shared.has(startIn)) shared.set(startIn, businessIn(startIn));
    const subject = mutates ? await businessIn(startIn) : await (shared.get(startIn) as Promise<Owned>);
    const otherEnterprise = await (other ??= businessIn('ACTIVE'));
    const tokens: Record<Actor, string | undefined> = {
      anonymous: undefined,
      partner: h.tokens.partner,
      owner: subject.ownerToken,
      otherEnterprise: otherEnterprise.ownerToken,
      staff: h.tokens.staff,
      admin: h.tokens.admin,
    };
    const token = tokens[actor];
    const res = await call(subject.id, token ? bearer(token) : {});
    expect({ status: res.status, code: res.body.code }).toEqual(expect.objectContaining({ status }));
    if (res.status === 200 && typeof res.body.id === 'string') {
      // Personal data of the representative: staff and the owner only.
      const privileged = actor === 'owner' || actor === 'staff' || actor === 'admin';
      expect('representative' in res.body).toBe(privileged);
    }
  }, 30_000);
});
