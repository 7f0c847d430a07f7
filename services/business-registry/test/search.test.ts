// The public directory: folded, prefix-aware search; exact diacritics first; filters; stable
// AIP-158 paging while rows are inserted; what the public may not see.
import { Business } from '../src/domain/business';
import { prepareRegistration } from '../src/application/register-business';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { nextTaxCode, registration } from './support/fixtures';

let h: Harness;
const ids: Record<string, string> = {};

/** Registers and approves straight through the domain and repository: fast setup. */
async function addActive(legalName: string, overrides: Parameters<typeof registration>[0] = {}, approve = true): Promise<string> {
  const body = registration({ legalName, taxCode: nextTaxCode(), tradeName: undefined, ...overrides });
  const { taxCode, profile } = prepareRegistration(body);
  const deps = h.parts;
  const b = Business.register({ id: deps.businesses.newId(), taxCode, type: body.type, profile, actor: { subject: 'test' }, now: new Date() });
  if (approve) b.approve({ subject: 'test' }, new Date());
  await deps.businesses.add(b);
  return b.id;
}

beforeAll(async () => {
  h = await startRegistry('registry_search');
  ids.benTre = await addActive('Công ty TNHH Kẹo dừa Bến Tre');
  ids.dakLak = await addActive('Hợp tác xã Cà phê Đắk Lắk', { address: { provinceCode: '66', wardCode: '24133', street: '1 Lê Duẩn' }, industries: [{ edition: '2018', code: '0150' }], type: 'COOPERATIVE' });
  ids.stone = await addActive('Cơ sở Đá mỹ nghệ Non Nước', { industries: [{ edition: '2018', code: '2396' }] });
  ids.leather = await addActive('Cơ sở Da thuộc Non Nước', { industries: [{ edition: '2018', code: '1511' }] });
  ids.pending = await addActive('Công ty TNHH Kẹo dừa Chờ Duyệt', {}, false);
  ids.trade = await addActive('Công ty TNHH Thương mại Sao Mai', { tradeName: 'Anise Star Lạng Sơn', englishName: 'Morning Star Trading' });
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

async function search(query: Record<string, string | number>, token?: string): Promise<{ status: number; body: { items: { id: string; legalName: string }[]; nextPageToken: string; code?: string } }> {
  const req = h.http.get('/v1/businesses').query(query);
  const res = token ? await req.set(bearer(token)) : await req;
  return { status: res.status, body: res.body };
}
const found = async (q: string): Promise<string[]> => (await search({ q })).body.items.map((b) => b.id);

describe('folded search', () => {
  it.each([
    ['ben tre', 'benTre'],
    ['BẾN TRE', 'benTre'],
    ['Bến Tre'.normalize('NFD'), 'benTre'],
    ['dak lak', 'dakLak'],
    ['ĐẮK LẮK', 'dakLak'],
    ['keo dua', 'benTre'],
    ['kẹo dừa b', 'benTre'],
    ['anise', 'trade'],
    ['morning star', 'trade'],
  ])('"%s" finds %s', async (q, key) => {
    expect(await found(q)).toContain(ids[key]);
  });

  it('needs every word to match', async () => {
    expect(await found('keo dua dak')).toEqual([]);
    expect(await found('ben tre')).not.toContain(ids.dakLak);
  });

  it('ranks the spelling the user typed first', async () => {
    expect((await found('đá non'))[0]).toBe(ids.stone);
    expect((await found('da non'))[0]).toBe(ids.leather);
    expect(await found('da non')).toEqual(expect.arrayContaining([ids.stone, ids.leather]));
  });
});

describe('filters and visibility', () => {
  it('filters by province, ward, industry prefix and type', async () => {
    expect((await search({ province: '66' })).body.items.map((b) => b.id)).toEqual([ids.dakLak]);
    expect((await search({ ward: '24133' })).body.items.map((b) => b.id)).toEqual([ids.dakLak]);
    expect((await search({ industry: '01' })).body.items.map((b) => b.id)).toEqual([ids.dakLak]);
    expect((await search({ industry: '239' })).body.items.map((b) => b.id)).toEqual([ids.stone]);
    expect((await search({ type: 'COOPERATIVE' })).body.items.map((b) => b.id)).toEqual([ids.dakLak]);
  });

  it('shows the public only ACTIVE businesses, without personal data', async () => {
    const res = await search({ q: 'keo dua' });
    expect(res.body.items.map((b) => b.id)).toEqual([ids.benTre]);
    for (const item of res.body.items) {
      expect(item).not.toHaveProperty('representative');
      expect(item).not.toHaveProperty('ownerSubject');
    }
    const hidden = await h.http.get(`/v1/businesses/${ids.pending}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('BUSINESS_NOT_FOUND');
  });

  it('lets staff see every status and filter on it; others get 403', async () => {
    const staff = await search({ q: 'keo dua' }, h.tokens.staff);
    expect(staff.body.items.map((b) => b.id).sort()).toEqual([ids.benTre, ids.pending].sort());
    const pending = await search({ status: 'PENDING_REVIEW' }, h.tokens.staff);
    expect(pending.body.items.map((b) => b.id)).toEqual([ids.pending]);
    expect((await search({ status: 'PENDING_REVIEW' }, h.tokens.partner)).body.code).toBe('STATUS_FILTER_FORBIDDEN');
    expect((await search({ status: 'PENDING_REVIEW' })).status).toBe(403);
    const detail = await h.http.get(`/v1/businesses/${ids.benTre}`).set(bearer(h.tokens.staff));
    expect(detail.body.representative).toMatchObject({ fullName: 'Nguyễn Thị Hoa' });
  });

  it('validates the query', async () => {
    const res = await search({ pageSize: 500, province: 'x' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('AIP-158 paging', () => {
  it('keeps pages stable while rows are inserted', async () => {
    const original: string[] = [];
    for (let i = 10; i < 35; i += 1) original.push(await addActive(`Doanh nghiệp Phân trang ${i}`));
    const q = { q: 'phan trang', pageSize: 10 };
    const page1 = await search(q);
    expect(page1.body.items).toHaveLength(10);
    expect(page1.body.nextPageToken).not.toBe('');
    // Rows that sort before the cursor (and one after it) arrive between the page requests.
    for (const name of ['Doanh nghiệp Phân trang 00', 'Doanh nghiệp Phân trang 05', 'Doanh nghiệp Phân trang 11a']) await addActive(name);
    const page2 = await search({ ...q, pageToken: page1.body.nextPageToken });
    const page3 = await search({ ...q, pageToken: page2.body.nextPageToken });
    expect(page3.body.nextPageToken).toBe('');
    const seen = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((b) => b.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
    const names = [...page2.body.items, ...page3.body.items].map((b) => b.legalName);
    expect(names).not.toContain('Doanh nghiệp Phân trang 00');
    expect(names).not.toContain('Doanh nghiệp Phân trang 05');
  }, 60_000);

  it('refuses a token from another query and a forged token', async () => {
    const page1 = await search({ q: 'phan trang', pageSize: 2 });
    const other = await search({ q: 'doanh nghiep', pageSize: 2, pageToken: page1.body.nextPageToken });
    expect(other.status).toBe(422);
    expect(JSON.stringify(other.body)).toContain('PAGE_TOKEN_MISMATCH');
    const forged = await search({ q: 'phan trang', pageToken: 'not-a-token' });
    expect(JSON.stringify(forged.body)).toContain('PAGE_TOKEN_INVALID');
  });
});

describe('lookup by tax code', () => {
  it('finds an ACTIVE business by its code typed in any form, hides others from the public', async () => {
    const taxCode = nextTaxCode();
    const id = await addActive('Công ty TNHH Tra cứu', { taxCode });
    const res = await h.http.get('/v1/businesses:lookup').query({ taxCode: ` ${taxCode.slice(0, 5)} ${taxCode.slice(5)} ` });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
    const pendingCode = nextTaxCode();
    await addActive('Công ty TNHH Chưa duyệt', { taxCode: pendingCode }, false);
    expect((await h.http.get('/v1/businesses:lookup').query({ taxCode: pendingCode })).status).toBe(404);
    expect((await h.http.get('/v1/businesses:lookup').query({ taxCode: pendingCode }).set(bearer(h.tokens.staff))).status).toBe(200);
    const bad = await h.http.get('/v1/businesses:lookup').query({ taxCode: '0100233480' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'taxCode', code: 'TAX_CODE_CHECK_DIGIT' })]);
  });
});
