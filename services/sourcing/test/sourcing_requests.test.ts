// The service end to end, against the real Kafka, database and gRPC: directory events reach the
// consumer, opening a sourcing-request publishes exactly one event through the outbox, REST and gRPC
// answer, errors are problem+json / gRPC status with details, and the scheduled job's use case works.
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus, HealthClient } from '@hangviet/contracts/grpc/health/v1/health';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { SourcingRequestServiceClient, SourcingRequestStatus } from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { BusinessApproved, BusinessDissolved } from '@hangviet/events/catalog';
import { callUnary, createGrpcClient, decodeGrpcError } from '@hangviet/service-kit';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { forgetDissolvedBusinesses } from '../src/application/forget-dissolved-businesses';
import { sourcingService } from '../src/service';

const start = () => startServiceHarness(sourcingService, { label: 'sourcing' });
let h: Awaited<ReturnType<typeof start>>;
let client: SourcingRequestServiceClient;
const business = randomUUID();
const statusOf = async (id: string) => (await h.parts.businesses.stored(id))?.status;

beforeAll(async () => {
  h = await start();
  await h.listen('hangviet.sourcing.sourcing_request');
  client = createGrpcClient(SourcingRequestServiceClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service, deadlineMs: 5000 });
  await h.publishBusiness(BusinessApproved, { id: business, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 2, ownerSubject: 'owner-1' });
  await eventually(async () => { const status = await statusOf(business); return status === 'ACTIVE' && status; }, "status === 'ACTIVE'");
}, 120_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
}, 60_000);

describe('POST /v1/sourcing-requests', () => {
  it('opens a sourcing-request for the enterprise’s own active business and publishes exactly one created event', async () => {
    const token = await h.token({ role: 'enterprise', businessId: business, subject: 'owner-1' });
    const res = await h.http.post('/v1/sourcing-requests').set(bearer(token)).send({ businessId: business, title: '  Hội chợ hàng Việt  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ businessId: business, title: 'Hội chợ hàng Việt', status: 'OPEN', version: 1 });
    expect(res.headers.location).toBe(`/v1/sourcing-requests/${res.body.id}`);

    const events = await eventually(async () => { const list = await h.received.filter((e) => e.subject === res.body.id); return (list.length > 0) && list; }, 'list.length > 0');
    expect(events).toEqual([
      {
        type: 'hangviet.sourcing.sourcing_request.created.v1',
        subject: res.body.id,
        source: 'sourcing',
        data: expect.objectContaining({ sourcingRequest: expect.objectContaining({ id: res.body.id, businessId: business, title: 'Hội chợ hàng Việt', status: 'SOURCING_REQUEST_STATUS_OPEN' }), actorSubject: 'owner-1' }),
      },
    ]);
    expect((await h.http.get(`/v1/sourcing-requests/${res.body.id}`)).body).toEqual(res.body);
  });

  it('answers problem+json naming the field, the role or the owner, and writes nothing', async () => {
    const staff = await h.token({ role: 'staff', subject: 'staff-1' });
    const stranger = await h.token({ role: 'enterprise', businessId: randomUUID(), subject: 'someone-else' });
    const partner = await h.token({ role: 'partner', partnerId: 'portal', subject: 'partner-1' });
    const post = (token: string | undefined, body: object) => {
      const req = h.http.post('/v1/sourcing-requests');
      return (token ? req.set(bearer(token)) : req).send(body);
    };
    const stored = () => h.service.host.db.collection('sourcing_requests').countDocuments();
    const before = await stored();
    const cases = [
      [await post(staff, { businessId: business, title: '   ' }), 422, 'VALIDATION_FAILED'],
      [await post(staff, { businessId: randomUUID(), title: 'Unknown business' }), 422, 'VALIDATION_FAILED'],
      [await post(stranger, { businessId: business, title: 'Not mine' }), 403, 'NOT_OWNER'],
      [await post(partner, { businessId: business, title: 'Partners read' }), 403, 'ROLE_REQUIRED'],
      [await post(undefined, { businessId: business, title: 'Anonymous' }), 401, 'TOKEN_MISSING'],
      [await post(staff, { businessId: business }), 422, 'VALIDATION_FAILED'],
    ] as const;
    for (const [res, status, code] of cases) {
      expect({ status: res.status, type: res.headers['content-type'], code: res.body.code }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/), code });
    }
    expect(cases[0][0].body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'REQUIRED' })]);
    expect(cases[1][0].body.errors).toEqual([expect.objectContaining({ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE' })]);
    expect(cases[5][0].body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
    expect(await stored()).toBe(before);
    // A token naming the business is not enough: the registry's owner decides (a transferred registration's squatter).
    const squatter = await h.token({ role: 'enterprise', businessId: business, subject: 'squatter-1' });
    const squatted = await post(squatter, { businessId: business, title: 'Not mine any more' });
    expect({ status: squatted.status, code: squatted.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    expect(await stored()).toBe(before);
  });

  it('GET of an unknown id is 404 SOURCING_REQUEST_NOT_FOUND', async () => {
    const res = await h.http.get('/v1/sourcing-requests/no-such-id');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'SOURCING_REQUEST_NOT_FOUND' });
  });
});

describe('gRPC', () => {
  it('answers grpc.health.v1 SERVING and GetSourcingRequest, with NOT_FOUND details for an unknown id', async () => {
    const health = createGrpcClient(HealthClient, `127.0.0.1:${h.service.grpcPort}`, { token: async () => h.tokens.service, deadlineMs: 5000 });
    try {
      expect((await callUnary(health, health.check, { service: '' })).status).toBe(HealthCheckResponse_ServingStatus.SERVING);
    } finally {
      health.close();
    }
    const staff = await h.token({ role: 'staff', subject: 'staff-1' });
    const opened = await h.http.post('/v1/sourcing-requests').set(bearer(staff)).send({ businessId: business, title: 'Over gRPC' });
    const res = await callUnary(client, client.getSourcingRequest, { id: opened.body.id });
    expect(res.sourcingRequest).toMatchObject({ id: opened.body.id, title: 'Over gRPC', status: SourcingRequestStatus.SOURCING_REQUEST_STATUS_OPEN, version: '1' });
    const err = await callUnary(client, client.getSourcingRequest, { id: 'no-such-id' }).then(
      () => undefined,
      (e: grpc.ServiceError) => decodeGrpcError(e),
    );
    expect(err).toMatchObject({ code: grpc.status.NOT_FOUND, reason: 'SOURCING_REQUEST_NOT_FOUND' });
  });
});

describe('business events consumer and the scheduled job', () => {
  it('keeps the newest status of each business, refusing older or repeated versions', async () => {
    const other = randomUUID();
    await h.publishBusiness(BusinessApproved, { id: other, status: BusinessStatus.BUSINESS_STATUS_ACTIVE, version: 3 });
    await eventually(async () => { const status = await statusOf(other); return status === 'ACTIVE' && status; }, "status === 'ACTIVE'");
    const older = { id: other, name: other, status: 'SUSPENDED', provinceCode: '', version: 2, updateTime: new Date() };
    expect(await h.parts.businesses.record(older)).toBe('stale');
    expect(await h.parts.businesses.record({ ...older, version: 3 })).toBe('stale');
    expect(await statusOf(other)).toBe('ACTIVE');
    expect(await h.parts.businesses.record({ ...older, version: 4 })).toBe('recorded');
    expect(await statusOf(other)).toBe('SUSPENDED');
  });

  it('the job forgets businesses dissolved long ago, and only those', async () => {
    const dissolved = randomUUID();
    const recent = randomUUID();
    await h.publishBusiness(BusinessDissolved, { id: dissolved, status: BusinessStatus.BUSINESS_STATUS_DISSOLVED, version: 9 }, new Date('2020-01-01T00:00:00Z'));
    await h.publishBusiness(BusinessDissolved, { id: recent, status: BusinessStatus.BUSINESS_STATUS_DISSOLVED, version: 9 });
    await eventually(async () => { const s = [await statusOf(dissolved), await statusOf(recent)]; return s.every((x) => x === 'DISSOLVED') && s; }, "both DISSOLVED");

    expect(await forgetDissolvedBusinesses(h.parts)).toBe(1);
    expect(await statusOf(dissolved)).toBeUndefined();
    expect(await statusOf(recent)).toBe('DISSOLVED');
    expect(await statusOf(business)).toBe('ACTIVE');
    expect(await forgetDissolvedBusinesses(h.parts)).toBe(0);
  });
});
