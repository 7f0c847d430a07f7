// BusinessDirectoryService over a real gRPC channel: results, paging, and AIP-193 errors
// (status code + google.rpc.ErrorInfo reason, BadRequest field violations).
import * as grpc from '@grpc/grpc-js';
import { BusinessDirectoryServiceClient } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { BusinessStatus, BusinessType } from '@hangviet/contracts/hangviet/registry/v1/business';
import { callUnary, createGrpcClient, decodeGrpcError } from '@hangviet/service-kit';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { registration } from './support/fixtures';

let h: Harness;
let client: BusinessDirectoryServiceClient;
let active: { id: string; taxCode: string };
let pending: { id: string; taxCode: string };

beforeAll(async () => {
  h = await startRegistry('registry_grpc');
  client = createGrpcClient(BusinessDirectoryServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service, deadlineMs: 5000 });
  const create = async (legalName: string) => {
    const res = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send(registration({ legalName, tradeName: undefined }));
    return { id: res.body.id as string, taxCode: res.body.taxCode as string };
  };
  active = await create('Hợp tác xã Hồi Văn Quan gRPC');
  await h.http.post(`/v1/businesses/${active.id}:approve`).set(bearer(h.tokens.staff)).send({});
  pending = await create('Hợp tác xã Hồi Tràng Định gRPC');
}, 120_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
}, 60_000);

async function failure(call: Promise<unknown>): Promise<ReturnType<typeof decodeGrpcError>> {
  try {
    await call;
  } catch (err) {
    return decodeGrpcError(err as grpc.ServiceError);
  }
  throw new Error('expected the call to fail');
}

const staffMetadata = (): grpc.Metadata => {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${h.tokens.staff}`);
  return m;
};

describe('GetBusiness', () => {
  it('returns a business in any status (internal callers act on suspensions)', async () => {
    const res = await callUnary(client, client.getBusiness, { id: pending.id });
    expect(res.business).toMatchObject({ id: pending.id, taxCode: pending.taxCode, status: BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW, type: BusinessType.BUSINESS_TYPE_COMPANY });
    // No personal data without a staff or owner token.
    expect(res.business?.representative).toBeUndefined();
    const asStaff = await callUnary(client, client.getBusiness, { id: pending.id }, staffMetadata());
    expect(asStaff.business?.representative?.fullName).toBe('Nguyễn Thị Hoa');
  });

  it('NOT_FOUND with reason BUSINESS_NOT_FOUND', async () => {
    const err = await failure(callUnary(client, client.getBusiness, { id: 'no-such-id' }));
    expect(err).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'BUSINESS_NOT_FOUND', meta: { id: 'no-such-id' } });
  });

  it('INVALID_ARGUMENT with a field violation for an empty id', async () => {
    const err = await failure(callUnary(client, client.getBusiness, { id: '' }));
    expect(err).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, reason: 'VALIDATION_FAILED' });
    expect(err.errors).toEqual([expect.objectContaining({ field: 'id', code: 'REQUIRED' })]);
  });

  it('UNAUTHENTICATED for a bad token', async () => {
    const m = new grpc.Metadata();
    m.set('authorization', 'Bearer not-a-jwt');
    const err = await failure(callUnary(client, client.getBusiness, { id: active.id }, m));
    expect(err).toMatchObject({ code: grpc.status.UNAUTHENTICATED, reason: 'TOKEN_INVALID' });
  });
});

describe('LookupBusinessByTaxCode', () => {
  it('finds by tax code typed with spaces', async () => {
    const res = await callUnary(client, client.lookupBusinessByTaxCode, { taxCode: `${active.taxCode.slice(0, 3)} ${active.taxCode.slice(3)}` });
    expect(res.business?.id).toBe(active.id);
  });

  it('INVALID_ARGUMENT for a bad check digit, NOT_FOUND for an unknown code', async () => {
    const bad = await failure(callUnary(client, client.lookupBusinessByTaxCode, { taxCode: '0100233480' }));
    expect(bad).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, reason: 'VALIDATION_FAILED' });
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'TAX_CODE_CHECK_DIGIT' })]);
    const unknown = await failure(callUnary(client, client.lookupBusinessByTaxCode, { taxCode: '0100112437' }));
    expect(unknown).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'BUSINESS_NOT_FOUND' });
  });
});

describe('BatchGetBusinesses', () => {
  it('returns businesses in request order', async () => {
    const res = await callUnary(client, client.batchGetBusinesses, { ids: [pending.id, active.id] });
    expect(res.businesses.map((b) => b.id)).toEqual([pending.id, active.id]);
  });

  it('fails atomically with NOT_FOUND naming the missing ids', async () => {
    const err = await failure(callUnary(client, client.batchGetBusinesses, { ids: [active.id, 'missing-1'] }));
    expect(err).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'BUSINESS_NOT_FOUND', meta: { ids: 'missing-1' } });
  });

  it('INVALID_ARGUMENT for no ids or too many', async () => {
    expect(await failure(callUnary(client, client.batchGetBusinesses, { ids: [] }))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const err = await failure(callUnary(client, client.batchGetBusinesses, { ids: many }));
    expect(err.errors).toEqual([expect.objectContaining({ field: 'ids', code: 'TOO_BIG' })]);
  });
});

describe('ListBusinesses', () => {
  const list = (req: Partial<Parameters<BusinessDirectoryServiceClient['listBusinesses']>[0]>) =>
    callUnary(client, client.listBusinesses, { pageSize: 0, pageToken: '', query: '', provinceCode: '', wardCode: '', industryCode: '', type: 0, status: 0, ...req });

  it('searches folded names and pages with tokens', async () => {
    const first = await list({ query: 'hoi grpc', pageSize: 1 });
    expect(first.businesses).toHaveLength(1);
    expect(first.nextPageToken).not.toBe('');
    const second = await list({ query: 'hoi grpc', pageSize: 1, pageToken: first.nextPageToken });
    expect(second.businesses).toHaveLength(1);
    expect(second.nextPageToken).toBe('');
    expect([first.businesses[0]?.id, second.businesses[0]?.id].sort()).toEqual([active.id, pending.id].sort());
  });

  it('filters by status', async () => {
    const res = await list({ query: 'hoi grpc', status: BusinessStatus.BUSINESS_STATUS_ACTIVE });
    expect(res.businesses.map((b) => b.id)).toEqual([active.id]);
  });

  it('INVALID_ARGUMENT for a page size out of range or a foreign page token', async () => {
    const size = await failure(list({ pageSize: 1000 }));
    expect(size).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    expect(size.errors).toEqual([expect.objectContaining({ field: 'page_size', code: 'OUT_OF_RANGE' })]);
    const first = await list({ query: 'hoi grpc', pageSize: 1 });
    const token = await failure(list({ query: 'van quan', pageToken: first.nextPageToken }));
    expect(token.errors).toEqual([expect.objectContaining({ code: 'PAGE_TOKEN_MISMATCH' })]);
  });
});

describe('FindBusinessByOwner (issue 20, finding 1)', () => {
  it("follows a staff transfer: the business is the rightful account's, no longer the squatter's, and services see its owner", async () => {
    const id = `squat-${Date.now().toString(36)}`;
    const squatter = await h.tokens.enterprise(id, `squatter-${id}`);
    const registered = await h.http.post('/v1/businesses').set(bearer(squatter)).send(registration({ legalName: 'Công ty TNHH Bị Chiếm Tên' }));
    expect(registered.status).toBe(201);
    expect(await callUnary(client, client.findBusinessByOwner, { ownerSubject: `squatter-${id}` })).toMatchObject({ business: { id, ownerSubject: `squatter-${id}` } });

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(squatter)).set('Content-Type', 'application/pdf').send(pdf).expect(200);
    await h.http.post(`/v1/businesses/${id}:transfer`).set(bearer(h.tokens.staff)).send({ toSubject: `rightful-${id}`, reason: 'Giấy chứng nhận ĐKKD' }).expect(200);
    await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).send({}).expect(200);

    const found = await callUnary(client, client.findBusinessByOwner, { ownerSubject: `rightful-${id}` });
    expect(found.business).toMatchObject({ id, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, ownerSubject: `rightful-${id}` });
    expect(await failure(callUnary(client, client.findBusinessByOwner, { ownerSubject: `squatter-${id}` }))).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'BUSINESS_NOT_FOUND' });
    // Another service (this client's service token) learns the owner from GetBusiness too.
    expect((await callUnary(client, client.getBusiness, { id })).business?.ownerSubject).toBe(`rightful-${id}`);
  });

  it('answers only services and staff; INVALID_ARGUMENT for an empty subject', async () => {
    const enterprise = new grpc.Metadata();
    enterprise.set('authorization', `Bearer ${await h.tokens.enterprise('b-1')}`);
    expect(await failure(callUnary(client, client.findBusinessByOwner, { ownerSubject: 'owner-of-b-1' }, enterprise))).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect(await failure(callUnary(client, client.findBusinessByOwner, { ownerSubject: '' }, staffMetadata()))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });
});
