// Partner webhooks end to end: Kafka event → signed POST to a local receiver, retries on the
// (compressed) schedule, exhaustion with its operational event, and no duplicate for a redelivery.
import { Webhook } from 'standardwebhooks';
import { BusinessApproved } from '@hangviet/events/catalog';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, receiverPool, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
const receivers = receiverPool();

beforeAll(async () => {
  h = await startNotification('notification_webhooks', {
    WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
    WEBHOOK_RETRY_SCHEDULE: '0,200ms,400ms',
    WEBHOOK_FAILING_AFTER_ATTEMPTS: '2',
  });
});

afterAll(async () => {
  await receivers.closeAll();
  await h?.stop();
});


async function subscribe(url: string, eventTypes = ['hangviet.registry.business.*']) {
  const token = await h.token({ role: 'partner', partnerId: 'partner-a' });
  const created = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url, eventTypes, description: 'test' });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, secret: created.body.secret as string, token };
}

/** The types of the endpoint's listed operational events, once `count` are there. */
async function operationalEventTypes(id: string, token: string, count: number): Promise<string[]> {
  const items = await eventually(async () => {
    const list = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/operational-events`, token);
    const found = list.body.items as { type: string }[];
    return found.length >= count ? found : undefined;
  }, `${count} operational events`);
  return items.map((e) => e.type).sort();
}

describe('webhook delivery', () => {
  it('delivers a business approval as signed CloudEvents JSON that the receiver verifies; a tampered body fails', async () => {
    const r = await receivers.start([204]);
    const { secret } = await subscribe(r.url);
    const eventId = await h.publish(BusinessApproved, 'biz-signed', approvedEvent('biz-signed'));

    const [delivery] = await eventually(() => r.received.length > 0 && r.received, 'the webhook');
    const headers = {
      'webhook-id': String(delivery!.headers['webhook-id']),
      'webhook-timestamp': String(delivery!.headers['webhook-timestamp']),
      'webhook-signature': String(delivery!.headers['webhook-signature']),
    };
    const event = new Webhook(secret).verify(delivery!.body, headers) as Record<string, unknown>;
    expect(event).toMatchObject({
      specversion: '1.0',
      id: eventId,
      type: 'hangviet.registry.business.approved.v1',
      source: 'business-registry',
      subject: 'biz-signed',
      datacontenttype: 'application/json',
      data: { business: { id: 'biz-signed', tradeName: 'Gốm Bát Tràng', status: 'BUSINESS_STATUS_ACTIVE' } },
    });
    expect(headers['webhook-id']).toMatch(/^msg_/);
    expect(delivery!.headers['content-type']).toBe('application/json');
    const tampered = delivery!.body.replace('Gốm Bát Tràng', 'Gốm Giả Mạo');
    expect(tampered).not.toBe(delivery!.body);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
  });

  it('retries a receiver that fails twice: three attempts, then delivered', async () => {
    const r = await receivers.start([500, 503, 200]);
    const { id, token } = await subscribe(r.url);
    await h.publish(BusinessApproved, 'biz-flaky', approvedEvent('biz-flaky'));

    const messages = await eventually(async () => {
      const list = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/messages`, token);
      const [m] = list.body.items as { status: string; attempts: number; id: string }[];
      return m?.status === 'delivered' ? list.body.items : undefined;
    }, 'the message delivered');
    expect(messages).toEqual([expect.objectContaining({ status: 'delivered', attempts: 3 })]);
    expect(r.received).toHaveLength(3);
    // Every attempt of one message carries the same webhook-id, so the receiver can deduplicate.
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1);

    const attempts = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/attempts`, token);
    expect((attempts.body.items as { statusCode: number; ok: boolean }[]).map((a) => [a.statusCode, a.ok])).toEqual([
      [200, true],
      [503, false],
      [500, false],
    ]);
    const endpoint = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, token);
    expect(endpoint.body.failingSince).toBeUndefined();
    // Failing after the second attempt (compressed threshold), then recovered by the third: both
    // published on Kafka and listed once consumed back.
    expect(await operationalEventTypes(id, token, 2)).toEqual([
      'hangviet.notification.delivery.attempt_failing.v1',
      'hangviet.notification.delivery.attempt_recovered.v1',
    ]);
  });

  it('exhausts a message to a receiver that is down for the whole schedule and tells the owner', async () => {
    const r = await receivers.start([500]);
    const ops = await receivers.start([204]);
    const { id, token } = await subscribe(r.url);
    // The owner listens for operational events on another endpoint of theirs.
    await subscribe(ops.url, ['hangviet.notification.delivery.*']);
    await h.publish(BusinessApproved, 'biz-down', approvedEvent('biz-down'));

    await eventually(async () => {
      const list = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}/messages`, token);
      const [m] = list.body.items as { status: string }[];
      return m?.status === 'exhausted';
    }, 'the message exhausted');
    expect(r.received).toHaveLength(3);
    expect(await operationalEventTypes(id, token, 2)).toEqual([
      'hangviet.notification.delivery.attempt_exhausted.v1',
      'hangviet.notification.delivery.attempt_failing.v1',
    ]);
    const endpoint = await api(h.base, 'GET', `/v1/webhook-endpoints/${id}`, token);
    expect(endpoint.body).toMatchObject({ status: 'active', failingSince: expect.any(String) });
    const opsReceived = await eventually(() => ops.received.length >= 2 && ops.received, 'the operational webhooks');
    const exhausted = opsReceived.map((x) => JSON.parse(x.body) as { type: string; data: { endpointId: string; attempts: number } })
      .find((e) => e.type === 'hangviet.notification.delivery.attempt_exhausted.v1');
    expect(exhausted?.data).toMatchObject({ endpointId: id, attempts: 3 });

    // Once the partner is back, recovering the range sends the message again.
    const back = await receivers.start([204]);
    await api(h.base, 'PATCH', `/v1/webhook-endpoints/${id}`, token, { url: back.url });
    const recovered = await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:recover`, token, { since: new Date(Date.now() - 60_000).toISOString() });
    expect(recovered.body).toEqual({ recovered: 1 });
    await eventually(() => back.received.length === 1, 'the recovered message');
  });

  it('sends one webhook and one e-mail when Kafka delivers the same event twice', async () => {
    const r = await receivers.start([204]);
    const { id } = await subscribe(r.url, ['hangviet.registry.business.approved.v1']);
    const data = approvedEvent('biz-twice', { email: 'twice@gom.vn' });
    const eventId = await h.publish(BusinessApproved, 'biz-twice', data);
    await h.publish(BusinessApproved, 'biz-twice', data, { id: eventId });
    // A third, different event after both: once it has arrived, both copies have been consumed (same partition, in order).
    await h.publish(BusinessApproved, 'biz-twice', approvedEvent('biz-twice', { email: 'twice@gom.vn', name: 'Marker' }));

    await eventually(() => r.received.length >= 2 && r.received, 'both events');
    await eventually(() => h.mail.messages().filter((m) => m.To[0]?.Address === 'twice@gom.vn').length >= 2, 'both e-mails');
    const ids = r.received.map((x) => (JSON.parse(x.body) as { id: string }).id);
    expect(ids.filter((id) => id === eventId)).toHaveLength(1);
    expect(r.received).toHaveLength(2);
    expect(h.mail.messages().filter((m) => m.To[0]?.Address === 'twice@gom.vn')).toHaveLength(2);
    expect(await h.parts.models.webhookMessages.countDocuments({ eventId, endpointId: id })).toBe(1);
    expect(await h.parts.models.deliveries.countDocuments({ eventId, channel: 'email' })).toBe(1);
  });

  it('signs with both the old and the new secret during a rotation overlap', async () => {
    const r = await receivers.start([204]);
    const { id, secret: old, token } = await subscribe(r.url);
    const rotated = await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:rotateSecret`, token, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);

    await h.publish(BusinessApproved, 'biz-rotate', approvedEvent('biz-rotate'));
    const [delivery] = await eventually(() => r.received.length > 0 && r.received, 'the webhook');
    const headers = {
      'webhook-id': String(delivery!.headers['webhook-id']),
      'webhook-timestamp': String(delivery!.headers['webhook-timestamp']),
      'webhook-signature': String(delivery!.headers['webhook-signature']),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(delivery!.body, headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(delivery!.body, headers)).not.toThrow();
  });
});
