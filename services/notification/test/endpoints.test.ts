// The webhook endpoint REST resource: who may manage which endpoint, validation, listing,
// disable/enable, replay, idempotent creation, deletion, and automatic disabling of a dead endpoint.
import { BusinessApproved } from '@hangviet/events/catalog';
import { randomUUID } from 'node:crypto';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, receiverPool, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
const receivers = receiverPool();
beforeAll(async () => {
  h = await startNotification('notification_endpoints', {
    WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
    WEBHOOK_RETRY_SCHEDULE: '0,600ms,600ms',
    WEBHOOK_DISABLE_AFTER: '300ms',
    WEBHOOK_ENDPOINTS_PER_OWNER: '4',
  });
});
afterAll(async () => {
  await receivers.closeAll();
  await h?.stop();
});


describe('webhook endpoints REST', () => {
  it('lets partners and staff manage endpoints, each partner only its own', async () => {
    const a = await h.token({ role: 'partner', partnerId: 'portal' });
    const b = await h.token({ role: 'partner', partnerId: 'bank' });
    const staff = await h.token({ role: 'staff' });
    const enterprise = await h.token({ role: 'enterprise', businessId: 'biz-1' });
    const r = await receivers.start([204]);

    expect((await api(h.base, 'POST', '/v1/webhook-endpoints', enterprise, { url: r.url, eventTypes: ['*'] })).status).toBe(403);
    expect((await api(h.base, 'POST', '/v1/webhook-endpoints', undefined, { url: r.url, eventTypes: ['*'] })).status).toBe(401);
    const invalid = await api(h.base, 'POST', '/v1/webhook-endpoints', a, { url: r.url, eventTypes: ['hangviet.*.approved'], extra: 1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');

    const created = await api(h.base, 'POST', '/v1/webhook-endpoints', a, { url: r.url, eventTypes: ['hangviet.registry.*'], description: 'Cổng tỉnh' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/webhook-endpoints/${created.body.id as string}`);
    expect(created.body).toMatchObject({ status: 'active', owner: 'partner:portal', description: 'Cổng tỉnh', secret: expect.stringMatching(/^whsec_/) });
    const id = created.body.id as string;

    const got = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, a);
    expect(got.body.secret).toBeUndefined(); // shown once, at creation
    expect((await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, b)).status).toBe(404);
    expect((await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, staff)).status).toBe(200);
    expect(((await api(h.base, 'GET', '/v1/webhook-endpoints', b)).body.items as unknown[]).map((e) => (e as { id: string }).id)).not.toContain(id);
    expect(((await api(h.base, 'GET', '/v1/webhook-endpoints', a)).body.items as { id: string }[]).map((e) => e.id)).toContain(id);

    const disabled = await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:disable`, a);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'DISABLED_BY_OWNER' });
    expect((await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:disable`, a)).body.code).toBe('WEBHOOK_ENDPOINT_ALREADY_DISABLED');
    expect((await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:enable`, a)).body.status).toBe('active');

    expect((await api(h.base, 'DELETE', `/v1/webhook-endpoints/${id}`, b)).status).toBe(404);
    expect((await api(h.base, 'DELETE', `/v1/webhook-endpoints/${id}`, a)).status).toBe(204);
    expect((await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, a)).status).toBe(404);
  });

  it('refuses a pattern that matches no event of the catalogue, naming it (issue 12, item 11)', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'typo' });
    const r = await receivers.start([204]);
    const res = await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['hangviet.registry.*', 'hangviet.registry.busines.approved.v1'] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'eventTypes.1', code: 'EVENT_TYPE_UNKNOWN', message: expect.any(String) }]);
  });

  it('caps the endpoints one owner may have (issue 12, item 11)', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'hoarder' });
    const r = await receivers.start([204]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['*'] })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 409]);
    const other = await h.token({ role: 'partner', partnerId: 'modest' });
    expect((await api(h.base, 'POST', '/v1/webhook-endpoints', other, { url: r.url, eventTypes: ['*'] })).status).toBe(201);
  });

  it('holds the cap when twenty creations race: exactly the cap remains, and a deletion frees a place (issue 24, item 4)', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'crowd' });
    const r = await receivers.start([204]);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['*'] })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 409)).toHaveLength(16);
    const listed = (await api(h.base, 'GET', '/v1/webhook-endpoints?pageSize=50', p)).body.items as { id: string }[];
    expect(listed).toHaveLength(4);

    expect((await api(h.base, 'DELETE', `/v1/webhook-endpoints/${listed[0]!.id}`, p)).status).toBe(204);
    expect((await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['*'] })).status).toBe(201);
    expect((await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['*'] })).status).toBe(409);
  });

  it('pages the list of endpoints', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'pager' });
    const r = await receivers.start([204]);
    for (let i = 0; i < 3; i++) await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['hangviet.registry.*'] });
    const first = await api(h.base, 'GET', '/v1/webhook-endpoints?pageSize=2', p);
    expect(first.body.items).toHaveLength(2);
    const second = await api(h.base, 'GET', `/v1/webhook-endpoints?pageSize=2&pageToken=${first.body.nextPageToken as string}`, p);
    expect(second.body).toMatchObject({ nextPageToken: '' });
    expect(second.body.items).toHaveLength(1);
    expect((await api(h.base, 'GET', '/v1/webhook-endpoints?pageToken=nonsense', p)).status).toBe(422);
  });

  it('replays the same creation for a repeated Idempotency-Key', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'idem' });
    const r = await receivers.start([204]);
    const key = randomUUID();
    const post = () =>
      fetch(`${h.base}/v1/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${p}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ url: r.url, eventTypes: ['hangviet.registry.*'] }),
      });
    const one = await post();
    const two = await post();
    expect(two.headers.get('idempotency-replayed')).toBe('true');
    expect(((await two.json()) as { id: string }).id).toBe(((await one.json()) as { id: string }).id);
  });

  it('replays one delivered message on request, with the same webhook-id', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'replayer' });
    const r = await receivers.start([204]);
    const created = await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['hangviet.registry.business.approved.v1'] });
    const id = created.body.id as string;
    await h.publish(BusinessApproved, 'biz-replay', approvedEvent('biz-replay'));
    const message = await eventually(async () => {
      const [m] = (await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/messages`, p)).body.items as { id: string; status: string }[];
      return m?.status === 'delivered' ? m : undefined;
    }, 'the first delivery');
    expect(r.received).toHaveLength(1);
    const replayed = await api(h.base, 'POST', `/v1/webhook-endpoints/${id}/messages/${message!.id}:replay`, p);
    expect(replayed.status).toBe(200);
    await eventually(() => r.received.length === 2, 'the replay');
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect((await api(h.base, 'POST', `/v1/webhook-endpoints/${id}/messages/msg_unknown:replay`, p)).status).toBe(404);
  });

  it('disables an endpoint that keeps failing past the (compressed) limit and says so', async () => {
    const p = await h.token({ role: 'partner', partnerId: 'dead' });
    const r = await receivers.start([500]);
    const created = await api(h.base, 'POST', '/v1/webhook-endpoints', p, { url: r.url, eventTypes: ['hangviet.registry.business.approved.v1'] });
    const id = created.body.id as string;
    await h.publish(BusinessApproved, 'biz-dead', approvedEvent('biz-dead'));
    const endpoint = await eventually(async () => {
      const res = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, p);
      return res.body.status === 'disabled' ? res.body : undefined;
    }, 'the endpoint disabled');
    expect(endpoint.disabledReason).toBe('FAILING_TOO_LONG');
    expect(r.received).toHaveLength(2);
    const types = await eventually(async () => {
      const events = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/operational-events`, p);
      const list = (events.body.items as { type: string }[]).map((e) => e.type).sort();
      return list.length === 2 ? list : undefined;
    }, 'the operational events');
    expect(types).toEqual(['hangviet.notification.delivery.attempt_exhausted.v1', 'hangviet.notification.delivery.endpoint_disabled.v1']);
    const recover = await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:recover`, p, { since: new Date(Date.now() - 60_000).toISOString() });
    expect(recover.body.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
  });
});
