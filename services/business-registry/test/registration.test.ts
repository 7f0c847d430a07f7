// Registration and profile changes through the REST API: tax-code rules, duplicates,
// Idempotency-Key, pre-2025 addresses, ETag / If-Match.
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { nextTaxCode, registration } from './support/fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startRegistry('registry_registration');
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

const post = (body: unknown, token = h.tokens.staff) => h.http.post('/v1/businesses').set(bearer(token)).send(body as object);

describe('tax codes (DOMAIN.md vectors)', () => {
  it.each([
    ['0100233488', 'COMPANY', '0100233488'],
    ['0100112437', 'COMPANY', '0100112437'],
    ['0314409058-002', 'BRANCH', '0314409058-002'],
    ['0312687878001', 'BRANCH', '0312687878-001'],
    ['2000102580 005', 'BRANCH', '2000102580-005'],
  ] as const)('accepts %s as a %s and stores %s', async (taxCode, type, canonical) => {
    const res = await post(registration({ taxCode, type }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taxCode: canonical, status: 'PENDING_REVIEW', type, createTime: expect.any(String), updateTime: expect.any(String) });
    // AIP-142 names, as in gRPC and events: no createdAt/updatedAt.
    expect(res.body).not.toHaveProperty('createdAt');
    expect(Date.parse(res.body.createTime)).toBeGreaterThan(0);
    expect(res.headers.location).toBe(`/v1/businesses/${res.body.id}`);
    expect(res.headers.etag).toBe('"v1"');
  });

  it.each([
    ['0100233480', 'TAX_CODE_CHECK_DIGIT'],
    ['0100000008', 'TAX_CODE_ZERO_SEQUENCE'],
    ['0314409058-000', 'TAX_CODE_ZERO_SUFFIX'],
    ['01002334', 'TAX_CODE_FORMAT'],
    ['01A0233488', 'TAX_CODE_FORMAT'],
  ])('rejects %s with 422, field taxCode, code %s', async (taxCode, code) => {
    const res = await post(registration({ taxCode, type: taxCode.includes('-') ? 'BRANCH' : 'COMPANY' }));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'taxCode', code })]));
  });

  it('accepts a 12-digit personal ID only for a household business', async () => {
    expect((await post(registration({ taxCode: '079085012345', type: 'HOUSEHOLD' }))).status).toBe(201);
    const company = await post(registration({ taxCode: '079085012346', type: 'COMPANY' }));
    expect(company.status).toBe(422);
    expect(company.body.errors).toEqual([expect.objectContaining({ field: 'taxCode', code: 'TAX_CODE_FORMAT' })]);
  });

  it('lists every invalid field at once', async () => {
    const res = await post(registration({ taxCode: '0100233480', address: { provinceCode: '99', wardCode: '00001', street: 'x' } }));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address.provinceCode', 'taxCode']);
  });
});

describe('one business per tax code', () => {
  it('answers a second registration with 409 naming the existing business', async () => {
    const taxCode = nextTaxCode();
    const first = await post(registration({ taxCode }));
    expect(first.status).toBe(201);
    // The same code typed differently is the same code.
    const spaced = `${taxCode.slice(0, 4)} ${taxCode.slice(4)}`;
    const second = await post(registration({ taxCode: spaced, legalName: 'Công ty khác' }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DUPLICATE_TAX_CODE');
    expect(second.body.detail).toContain(first.body.id);
  });
});

describe('Idempotency-Key on POST /v1/businesses', () => {
  it('replays the first response for a retry and creates one business', async () => {
    const body = registration();
    const key = `reg-${body.taxCode}`;
    const first = await post(body).set('Idempotency-Key', key);
    const retry = await post(body).set('Idempotency-Key', key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const changed = await post({ ...body, legalName: 'Tên khác' }).set('Idempotency-Key', key);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('pre-2025 addresses', () => {
  it('maps a former Bến Tre address to Vĩnh Long and keeps the original', async () => {
    const res = await post(
      registration({
        address: undefined,
        legacyAddress: { provinceName: 'Bến Tre', districtName: 'Mỏ Cày Nam', wardName: 'Thị trấn Mỏ Cày', street: '45 Quốc lộ 60' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.address).toEqual({ provinceCode: '86', provinceName: 'Vĩnh Long', wardCode: '28903', wardName: 'Xã Mỏ Cày', street: '45 Quốc lộ 60' });
    expect(res.body.legacyAddress).toEqual({ provinceName: 'Bến Tre', districtName: 'Mỏ Cày Nam', wardName: 'Thị trấn Mỏ Cày', street: '45 Quốc lộ 60' });
  });

  it('accepts names without diacritics or type words', async () => {
    const res = await post(
      registration({ address: undefined, legacyAddress: { provinceName: 'Lang Son', districtName: 'Van Quan', wardName: 'Van Quan', street: 'Thôn Bản Pằng' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.address).toMatchObject({ provinceCode: '20', wardCode: '06253' });
  });

  it('rejects an unknown old ward with a stable code on legacyAddress', async () => {
    const res = await post(registration({ address: undefined, legacyAddress: { provinceName: 'Bến Tre', wardName: 'Xã Không Có', street: 'x' } }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'legacyAddress', code: 'LEGACY_WARD_NOT_FOUND' })]);
  });

  it('requires a ward of the given 2025 province', async () => {
    const res = await post(registration({ address: { provinceCode: '20', wardCode: '28903', street: 'x' } }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'address.wardCode', code: 'WARD_NOT_IN_PROVINCE' })]);
  });
});

describe('profile normalisation', () => {
  it('stores NFC text and +84 phones', async () => {
    const res = await post(registration({ legalName: 'Công ty TNHH Kẹo dừa Bến Tre'.normalize('NFD'), contact: { phone: '0912.345.678' } }));
    expect(res.status).toBe(201);
    expect(res.body.legalName).toBe('Công ty TNHH Kẹo dừa Bến Tre'.normalize('NFC'));
    expect(res.body.contact.phone).toBe('+84912345678');
    expect(res.body.industries).toEqual([{ edition: '2018', code: '1073', name: 'Sản xuất ca cao, sôcôla và mứt kẹo', main: true }]);
  });

  it('rejects unknown fields and bad phones with their field names', async () => {
    const res = await post({ ...registration(), colour: 'red', contact: { phone: '123' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'colour', code: 'UNKNOWN_FIELD' })]));
  });
});

describe('PATCH with ETag / If-Match', () => {
  it('updates with the current version and refuses a stale one with 412', async () => {
    const created = await post(registration());
    const id = created.body.id as string;
    const ok = await h.http.patch(`/v1/businesses/${id}`).set(bearer(h.tokens.staff)).set('If-Match', '"v1"').send({ englishName: 'Mo Cay Candy' });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"v2"');
    expect(ok.body.englishName).toBe('Mo Cay Candy');
    const stale = await h.http.patch(`/v1/businesses/${id}`).set(bearer(h.tokens.staff)).set('If-Match', '"v1"').send({ englishName: 'Other' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');
    const got = await h.http.get(`/v1/businesses/${id}`).set(bearer(h.tokens.staff));
    expect(got.body.englishName).toBe('Mo Cay Candy');
    expect(got.headers.etag).toBe('"v2"');
  });

  it('clears an optional field with null and maps a new old-style address', async () => {
    const id = (await post(registration())).body.id as string;
    const res = await h.http
      .patch(`/v1/businesses/${id}`)
      .set(bearer(h.tokens.staff))
      .send({ tradeName: null, legacyAddress: { provinceName: 'Bến Tre', districtName: 'Giồng Trôm', wardName: 'Thị trấn Giồng Trôm', street: 'Ấp 4' } });
    expect(res.status).toBe(200);
    expect(res.body.tradeName).toBeUndefined();
    expect(res.body.address).toMatchObject({ provinceCode: '86', wardCode: '28984' });
  });

  it('guards status actions with If-Match too', async () => {
    const id = (await post(registration())).body.id as string;
    const stale = await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).set('If-Match', '"v7"').send({});
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');
    const fresh = await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).set('If-Match', '"v1"').send({});
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).toBe('"v2"');
  });

  it('refuses a malformed If-Match', async () => {
    const id = (await post(registration())).body.id as string;
    const res = await h.http.patch(`/v1/businesses/${id}`).set(bearer(h.tokens.staff)).set('If-Match', 'W/"abc"').send({ englishName: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });
});

describe('reference data and the API document', () => {
  it('lists provinces, wards and industries', async () => {
    const provinces = await h.http.get('/v1/provinces');
    expect(provinces.body.items).toHaveLength(34);
    expect(provinces.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '86', name: 'Vĩnh Long' }), expect.objectContaining({ code: '20', name: 'Lạng Sơn' })]));
    const wards = await h.http.get('/v1/provinces/20/wards');
    expect(wards.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '06253', name: 'Xã Văn Quan' })]));
    expect((await h.http.get('/v1/provinces/99/wards')).body.code).toBe('PROVINCE_NOT_FOUND');
    const industries = await h.http.get('/v1/industries').query({ edition: '2025', q: '8230' });
    expect(industries.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '8230', edition: '2025' })]));
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const res = await h.http.get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/v1/businesses/{id}:approve');
  });
});
