// Issue 12 against the running registry: tax-code squatting (item 1), the 409 oracle (item 3), gRPC that
// answered anyone (item 5), ownership by business id (item 6), unencoded Location and bad input (8, 10).
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { BusinessDirectoryServiceClient } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { callUnary, createGrpcClient, decodeGrpcError } from '@hangviet/service-kit';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { registration } from './support/fixtures';

let h: Harness;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  h = await startRegistry('registry_abuse', { REGISTRATIONS_PER_ACCOUNT_PER_DAY: '2' });
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

async function selfRegister(body = registration()) {
  const id = randomUUID();
  const token = await h.tokens.enterprise(id, `account-${id}`);
  const res = await h.http.post('/v1/businesses').set(bearer(token)).send(body);
  return { id, token, res };
}

describe('item 1: tax codes cannot be squatted for good', () => {
  it('a rejected registration frees its code for the real owner', async () => {
    const squat = await selfRegister();
    expect(squat.res.status).toBe(201);
    const owner = await selfRegister({ ...registration(), taxCode: squat.res.body.taxCode });
    expect(owner.res.status).toBe(409);
    await h.http.post(`/v1/businesses/${squat.id}:reject`).set(bearer(h.tokens.staff)).send({ reason: 'Không phải chủ doanh nghiệp' }).expect(200);
    const again = await selfRegister({ ...registration(), taxCode: squat.res.body.taxCode });
    expect(again.res.status).toBe(201);
    const lookup = await h.http.get(`/v1/businesses:lookup?taxCode=${squat.res.body.taxCode}`).set(bearer(h.tokens.staff));
    expect(lookup.body.id).toBe(again.id);
  });

  it('the applicant can withdraw a registration under review, which frees the code', async () => {
    const first = await selfRegister();
    const withdrawn = await h.http.post(`/v1/businesses/${first.id}:withdraw`).set(bearer(first.token)).send({});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('DISSOLVED');
    const other = await h.http.post(`/v1/businesses/${first.id}:withdraw`).set(bearer(h.tokens.partner)).send({});
    expect(other.status).toBe(403);
    const reuse = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send({ ...registration(), taxCode: first.res.body.taxCode });
    expect(reuse.status).toBe(201);
  });

  it('dissolving a business that was once public keeps its code taken', async () => {
    const created = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send(registration());
    await h.http.post(`/v1/businesses/${created.body.id}:approve`).set(bearer(h.tokens.staff)).send({}).expect(200);
    await h.http.post(`/v1/businesses/${created.body.id}:dissolve`).set(bearer(h.tokens.staff)).send({ reason: 'Giải thể' }).expect(200);
    const reuse = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send({ ...registration(), taxCode: created.body.taxCode });
    expect(reuse.status).toBe(409);
    expect(reuse.body.code).toBe('DUPLICATE_TAX_CODE');
  });

  it('staff transfer a disputed registration to the rightful account, with an audit entry', async () => {
    const squat = await selfRegister();
    const res = await h.http
      .post(`/v1/businesses/${squat.id}:transfer`)
      .set(bearer(h.tokens.staff))
      .send({ toSubject: 'rightful-owner', reason: 'Giấy chứng nhận ĐKKD đứng tên chủ thật' });
    expect(res.status).toBe(200);
    expect(res.body.ownerSubject).toBe('rightful-owner');
    expect(res.body.audit).toEqual([
      { action: 'ownership_transferred', actor: 'staff-1', time: expect.any(String), reason: 'Giấy chứng nhận ĐKKD đứng tên chủ thật', from: `account-${squat.id}`, to: 'rightful-owner' },
    ]);
    // The squatter's token no longer owns it; the rightful account's does.
    expect((await h.http.get(`/v1/businesses/${squat.id}`).set(bearer(squat.token))).status).toBe(404);
    const rightful = await h.tokens.enterprise(squat.id, 'rightful-owner');
    expect((await h.http.get(`/v1/businesses/${squat.id}`).set(bearer(rightful))).body).not.toHaveProperty('audit');
    expect((await h.http.post(`/v1/businesses/${squat.id}:transfer`).set(bearer(rightful)).send({ toSubject: 'x', reason: 'y' })).status).toBe(403);
  });

  it('a self-registration carries its certificate, which staff need before approving', async () => {
    const { id, token } = await selfRegister();
    const early = await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).send({});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EVIDENCE_MISSING');
    const fake = await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(token)).set('Content-Type', 'application/pdf').send(Buffer.from('not a pdf'));
    expect(fake.status).toBe(422);
    const wrongType = await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(token)).set('Content-Type', 'text/plain').send('x');
    expect(wrongType.status).toBe(415);
    const up = await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(token)).set('Content-Type', 'application/pdf').send(PDF);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const read = await h.http.get(`/v1/businesses/${id}/evidence`).set(bearer(h.tokens.staff)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(read.status).toBe(200);
    expect(Buffer.compare(read.body as Buffer, PDF)).toBe(0);
    expect((await h.http.get(`/v1/businesses/${id}/evidence`).set(bearer(h.tokens.partner))).status).toBe(404);
    expect((await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).send({})).status).toBe(200);
  });

  it('registrations per account are limited (429 with Retry-After)', async () => {
    const id = randomUUID();
    const token = await h.tokens.enterprise(id, `looper-${id}`);
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 3; i += 1) {
      last = await h.http.post('/v1/businesses').set(bearer(token)).send(registration());
      codes.push(last.status);
    }
    // The second is a 409 (the account owns one already); the third exceeds the limit of 2 a day.
    expect(codes).toEqual([201, 409, 429]);
    expect(last!.body.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('item 2: material changes to a listed business need staff review', () => {
  async function listed() {
    const { id, token } = await selfRegister();
    await h.http.put(`/v1/businesses/${id}/evidence`).set(bearer(token)).set('Content-Type', 'application/pdf').send(PDF).expect(200);
    await h.http.post(`/v1/businesses/${id}:approve`).set(bearer(h.tokens.staff)).send({}).expect(200);
    return { id, token };
  }

  it('a rename stays a request: the directory shows the approved name, contact details change at once', async () => {
    const { id, token } = await listed();
    const before = (await h.http.get(`/v1/businesses/${id}`)).body;
    const res = await h.http
      .patch(`/v1/businesses/${id}`)
      .set(bearer(token))
      .send({ legalName: 'Công ty TNHH Kẹo Dừa Bến Tre Chính Hãng', contact: { email: 'moi@example.vn' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ACTIVE');
    expect(res.body.legalName).toBe(before.legalName);
    expect(res.body.contact.email).toBe('moi@example.vn');
    expect(res.body.pendingChange).toMatchObject({ changes: { legalName: 'Công ty TNHH Kẹo Dừa Bến Tre Chính Hãng' }, requestedBy: `account-${id}` });
    const publicView = (await h.http.get(`/v1/businesses/${id}`)).body;
    expect(publicView.legalName).toBe(before.legalName);
    expect(publicView).not.toHaveProperty('pendingChange');

    const approved = await h.http.post(`/v1/businesses/${id}:approveChange`).set(bearer(h.tokens.staff)).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.legalName).toBe('Công ty TNHH Kẹo Dừa Bến Tre Chính Hãng');
    expect(approved.body).not.toHaveProperty('pendingChange');
    expect(approved.body.audit.map((a: { action: string }) => a.action)).toEqual(['change_approved']);
    expect((await h.http.post(`/v1/businesses/${id}:approveChange`).set(bearer(h.tokens.staff)).send({})).body.code).toBe('NO_PENDING_CHANGE');
  });

  it('staff reject a change request with a reason; the owner cannot decide its own', async () => {
    const { id, token } = await listed();
    await h.http.patch(`/v1/businesses/${id}`).set(bearer(token)).send({ industries: [{ edition: '2018', code: '4632' }] }).expect(200);
    expect((await h.http.post(`/v1/businesses/${id}:approveChange`).set(bearer(token)).send({})).status).toBe(403);
    const rejected = await h.http.post(`/v1/businesses/${id}:rejectChange`).set(bearer(h.tokens.staff)).send({ reason: 'Không có giấy phép ngành 4632' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.industries.map((i: { code: string }) => i.code)).toEqual(['1073']);
    expect(rejected.body).not.toHaveProperty('pendingChange');
  });
});

describe('item 3: a 409 on a taken code names nothing to a non-staff caller', () => {
  it('enterprise: only that the code is taken; staff: the record', async () => {
    const hidden = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send(registration());
    const taxCode = hidden.body.taxCode as string;
    const asEnterprise = await selfRegister({ ...registration(), taxCode });
    expect(asEnterprise.res.status).toBe(409);
    expect(asEnterprise.res.body.code).toBe('DUPLICATE_TAX_CODE');
    expect(JSON.stringify(asEnterprise.res.body)).not.toContain(hidden.body.id);
    const asStaff = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send({ ...registration(), taxCode });
    expect(asStaff.body.detail).toContain(hidden.body.id);
  });
});

describe('item 5: the registry gRPC answers only identified callers, by their rights', () => {
  let pendingId: string;
  beforeAll(async () => {
    const res = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send(registration());
    pendingId = res.body.id;
    await h.http.post(`/v1/businesses/${pendingId}:reject`).set(bearer(h.tokens.staff)).send({ reason: 'Lý do nội bộ' });
  });
  const fails = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return decodeGrpcError(err as grpc.ServiceError);
    }
    throw new Error('expected a failure');
  };

  it('no token: UNAUTHENTICATED for GetBusiness and ListBusinesses{REJECTED}', async () => {
    const anonymous = createGrpcClient(BusinessDirectoryServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: null });
    try {
      expect((await fails(callUnary(anonymous, anonymous.getBusiness, { id: pendingId }))).code).toBe(grpc.status.UNAUTHENTICATED);
      const list = await fails(callUnary(anonymous, anonymous.listBusinesses, { status: BusinessStatus.BUSINESS_STATUS_REJECTED, pageSize: 5, query: '', pageToken: '', provinceCode: '', wardCode: '', industryCode: '', type: 0 }));
      expect(list.code).toBe(grpc.status.UNAUTHENTICATED);
    } finally {
      anonymous.close();
    }
  });

  it('a partner token: a rejected business is not found; a service token sees it without personal data', async () => {
    const asPartner = createGrpcClient(BusinessDirectoryServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.partner });
    const asService = createGrpcClient(BusinessDirectoryServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service });
    try {
      expect((await fails(callUnary(asPartner, asPartner.getBusiness, { id: pendingId }))).code).toBe(grpc.status.NOT_FOUND);
      const seen = await callUnary(asService, asService.getBusiness, { id: pendingId });
      expect(seen.business?.status).toBe(BusinessStatus.BUSINESS_STATUS_REJECTED);
      expect(seen.business?.representative).toBeUndefined();
    } finally {
      asPartner.close();
      asService.close();
    }
  });
});

describe('item 6: ownership follows the business id, never a shared subject', () => {
  it('an enterprise token for business B cannot read business A’s representative, even with A’s subject', async () => {
    const a = await selfRegister();
    const sameSubjectOtherBusiness = await h.tokens.enterprise(randomUUID(), `account-${a.id}`);
    const res = await h.http.get(`/v1/businesses/${a.id}`).set(bearer(sameSubjectOtherBusiness));
    expect(res.status).toBe(404);
    const own = await h.http.get(`/v1/businesses/${a.id}`).set(bearer(a.token));
    expect(own.body.representative).toBeDefined();
  });
});

describe('items 8 and 10 on the registry', () => {
  it('malformed percent-encoding and a lying Content-Encoding are 400s', async () => {
    expect((await h.http.get('/v1/businesses/%E0%A4%A')).status).toBe(400);
    const res = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{}');
    expect(res.status).toBe(400);
  });

  it('a bidi override in a legal name is a field error', async () => {
    const res = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).send(registration({ legalName: 'Công ty \u202eKẹo dừa' }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'legalName', code: 'BIDI_CONTROL', message: expect.any(String) }]);
  });

  it('text/plain on a JSON route is 415', async () => {
    const res = await h.http.post('/v1/businesses').set(bearer(h.tokens.staff)).set('Content-Type', 'text/plain').send('legalName=x');
    expect(res.status).toBe(415);
  });

  it('an enterprise token whose business_id is not an identifier is refused', async () => {
    const res = await h.http.post('/v1/businesses').set(bearer(await h.tokens.enterprise('x:approve'))).send(registration());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
  });
});
