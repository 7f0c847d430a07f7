// Issue 20 against the real trade-fair service (Kafka, database, gRPC): a fair in year 9999 is a 422, not
// a stalled process (finding 4); a draft fair is staff's alone over REST and gRPC (finding 7); deeply nested
// JSON is a 422 (finding 8).
import * as grpc from '@grpc/grpc-js';
import { FairServiceClient, type GetFairResponse } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { bearer } from '@hangviet/service-testing';
import { createVenue, fairBody, staffToken, startTradeFair, type Harness } from './support/fixtures';

let h: Harness;
let venueId: string;
let staff: string;
let client: FairServiceClient;

beforeAll(async () => {
  h = await startTradeFair('tradefair_security');
  venueId = (await createVenue(h, 2, 3)).id;
  staff = await staffToken(h);
  client = new FairServiceClient(`127.0.0.1:${h.service.grpcPort}`, grpc.credentials.createInsecure());
}, 120_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
}, 60_000);

function getFairOverGrpc(id: string, token: string): Promise<GetFairResponse> {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return new Promise((resolve, reject) => client.getFair({ id }, metadata, { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res!))));
}

describe('finding 4: plausible dates', () => {
  it('answers a fair in year 9999 with 422 naming the days, at once, and writes nothing', async () => {
    const before = await h.service.host.db.collection('fairs').countDocuments();
    const days = { setUpDay: '9999-12-30', openingDay: '9999-12-30', closingDay: '9999-12-31', tearDownDay: '9999-12-31', openTime: '08:00', closeTime: '22:00' };
    const res = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'days.closingDay', code: 'DATE_OUT_OF_RANGE' })]));
    expect(await h.service.host.db.collection('fairs').countDocuments()).toBe(before);
  });

  it('refuses application times in year 0 and a list filter in year 9999', async () => {
    const res = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { applicationOpenTime: '0000-01-01T00:00:00Z' }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'applicationOpenTime', code: 'DATE_OUT_OF_RANGE' })]);
    const list = await h.http.get('/v1/fairs?from=9999-01-01');
    expect(list.status).toBe(422);
    expect(list.body.errors).toEqual([expect.objectContaining({ field: `from`, code: 'DATE_OUT_OF_RANGE' })]);
  });
});

describe('finding 7: draft fairs are staff-only', () => {
  it('hides a draft from the public and enterprises over REST and gRPC, as if it did not exist, until it opens', async () => {
    const created = await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { name: 'Hội chợ chưa công bố' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const enterprise = await h.token({ role: 'enterprise', businessId: 'b-any', subject: 'someone' });
    for (const path of [`/v1/fairs/${id}`, `/v1/fairs/${id}/summary`, `/v1/venues/${venueId}/floor-plan.svg?fairId=${id}`]) {
      const anonymous = await h.http.get(path);
      expect({ path, status: anonymous.status, code: anonymous.body.code }).toEqual({ path, status: 404, code: 'FAIR_NOT_FOUND' });
      expect((await h.http.get(path).set(bearer(enterprise))).status).toBe(404);
      expect((await h.http.get(path).set(bearer(staff))).status).toBe(200);
    }
    expect((await h.http.get(`/v1/fairs/${id}/applications`).set(bearer(enterprise))).status).toBe(404);
    await expect(getFairOverGrpc(id, enterprise)).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(getFairOverGrpc(id, staff)).resolves.toMatchObject({ fair: { id, name: 'Hội chợ chưa công bố' } });
    const listed = await h.http.get('/v1/fairs?pageSize=100');
    expect(listed.body.items.map((f: { id: string }) => f.id)).not.toContain(id);

    expect((await h.http.post(`/v1/fairs/${id}:open`).set(bearer(staff)).send()).status).toBe(200);
    expect((await h.http.get(`/v1/fairs/${id}`)).status).toBe(200);
    await expect(getFairOverGrpc(id, enterprise)).resolves.toMatchObject({ fair: { id } });
  });
});

describe('finding 8: deeply nested JSON', () => {
  it("answers '[' × 5000 with 422, not 500", async () => {
    const res = await h.http.post('/v1/fairs').set(bearer(staff)).set('content-type', 'application/json').send(`{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'NESTED_TOO_DEEPLY' });
  });
});
