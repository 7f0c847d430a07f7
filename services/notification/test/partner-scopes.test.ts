// Issue 12, item 4: partners receive the partner-safe projection of each event; personal data, internal
// reasons and events about never-public businesses only with scopes staff grant by name.
import { BusinessApproved, BusinessRegistered, BusinessSuspended } from '@hangviet/events/catalog';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, receiverPool, registeredEvent, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
const receivers = receiverPool();
beforeAll(async () => {
  h = await startNotification('notification_partner_scopes', { WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8' });
});
afterAll(async () => {
  await receivers.closeAll();
  await h?.stop();
});

async function subscribeAs(partnerId: string) {
  const r = await receivers.start([204]);
  const token = await h.token({ role: 'partner', partnerId });
  const created = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url: r.url, eventTypes: ['hangviet.registry.business.*'] });
  expect(created.status).toBe(201);
  return { r, token };
}

const bodies = (r: { received: { body: string }[] }) => r.received.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> });

describe('what partners receive', () => {
  it('without a grant: no never-public events, no personal data, no internal reasons', async () => {
    const { r } = await subscribeAs('plain');
    const id = `biz-plain-${Date.now()}`;
    await h.publish(BusinessRegistered, id, registeredEvent(id));
    await h.publish(BusinessApproved, id, approvedEvent(id));
    await h.publish(BusinessSuspended, id, BusinessSuspended.codec.fromJSON({ ...BusinessApproved.codec.toJSON(approvedEvent(id)) as object, reason: 'Nghi vấn hàng giả, hồ sơ nội bộ số 12' }));
    const got = await eventually(() => r.received.length >= 2 && bodies(r), 'two deliveries');
    expect(got.map((e) => e.type)).toEqual(['hangviet.registry.business.approved.v1', 'hangviet.registry.business.suspended.v1']);
    for (const e of got) {
      expect(e.data).not.toHaveProperty('actorSubject');
      expect(e.data.business).not.toHaveProperty('contactEmail');
      expect(e.data).not.toHaveProperty('reason');
    }
  });

  it('staff grant named scopes; a partner cannot grant itself', async () => {
    const { r, token } = await subscribeAs('trusted');
    const self = await api(h.base, 'PUT', '/v1/partners/trusted/scopes', token, { scopes: ['personal-data'] });
    expect(self.status).toBe(403);
    const staff = await h.token({ role: 'staff' });
    const granted = await api(h.base, 'PUT', '/v1/partners/trusted/scopes', staff, { scopes: ['personal-data', 'internal-reasons', 'unpublished'] });
    expect(granted.status).toBe(200);
    expect((await api(h.base, 'GET', '/v1/partners/trusted/scopes', token)).body.scopes).toEqual(['personal-data', 'internal-reasons', 'unpublished']);
    expect((await api(h.base, 'PUT', '/v1/partners/trusted/scopes', staff, { scopes: ['everything'] })).status).toBe(422);

    const id = `biz-trusted-${Date.now()}`;
    await h.publish(BusinessRegistered, id, registeredEvent(id));
    const [registered] = await eventually(() => r.received.length >= 1 && bodies(r), 'the registration');
    expect(registered!.type).toBe('hangviet.registry.business.registered.v1');
    expect(registered!.data.business).toMatchObject({ contactEmail: 'htx@chetancuong.vn' });
    expect(registered!.data.actorSubject).toBe('owner-1');
  });
});
