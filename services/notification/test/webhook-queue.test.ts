// How webhook messages are queued and found again, against the real database: one message per
// (event, endpoint) however often it is queued, messages an instance queued but never handed to its
// workers (it died) delivered by the fallback scan, endpoint changes seen by the next event although
// the fan-out keeps the endpoint list in memory, and claims that admit one worker per attempt.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BusinessApproved } from '@hangviet/events/catalog';
import type { NotificationDeps } from '../src/application/ports';
import { queueWebhookMessages } from '../src/application/fan-out-webhooks';
import { webhookMessageId } from '../src/application/ids';
import { dueEntryId } from '../src/infrastructure/webhook-store';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, receiverPool, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
const receivers = receiverPool();
beforeAll(async () => {
  h = await startNotification('notification_webhook_queue', {
    WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
    // Long enough that only this instance's own invalidation can make an endpoint change visible in time.
    WEBHOOK_ENDPOINT_CACHE: '1h',
  }, { subscribableTypes: ['hangviet.test.queue_twice.v1', 'hangviet.test.orphaned.v1', 'hangviet.test.before_due_entries.v1'] });
});
afterAll(async () => {
  await receivers.closeAll();
  await h?.stop();
});


async function subscribe(url: string, eventTypes: string[]) {
  const token = await h.token({ role: 'partner', partnerId: 'queue-tests' });
  const created = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url, eventTypes });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, token };
}

/** The service's use cases with the hand-over to its workers replaced: as an instance that dies right after writing. */
function depsHandingTo(handed: string[]): NotificationDeps {
  const deps = h.parts.deps;
  return { ...deps, enqueue: { delivery: () => undefined, webhook: (id) => void handed.push(id) } };
}

const webhookEvent = (type: string) => {
  const id = randomUUID();
  return { id, type, payload: JSON.stringify({ specversion: '1.0', id, type, source: 'test', subject: 's', time: new Date().toISOString(), data: {} }) };
};

describe('webhook queue', () => {
  it('queues an event once per endpoint: queueing it again writes nothing and hands nothing to the workers', async () => {
    const type = 'hangviet.test.queue_twice.v1';
    const endpoints = await Promise.all([1, 2, 3].map(async () => subscribe((await receivers.start()).url, [type])));
    const docs = await Promise.all(endpoints.map(async (e) => (await h.parts.deps.endpoints.get(e.id))!));
    const handed: string[] = [];
    const deps = depsHandingTo(handed);
    const event = webhookEvent(type);

    expect(await queueWebhookMessages(deps, event, docs)).toBe(3);
    expect(await queueWebhookMessages(deps, event, docs)).toBe(0);
    // Both at once, as two consumers racing on a redelivery.
    expect(await Promise.all([queueWebhookMessages(deps, event, docs), queueWebhookMessages(deps, event, docs)])).toEqual([0, 0]);
    expect(handed).toHaveLength(3);
    expect(await h.parts.models.webhookMessages.countDocuments({ eventId: event.id })).toBe(3);
  });

  it('delivers a message whose instance died before handing it to its workers', async () => {
    const type = 'hangviet.test.orphaned.v1';
    const r = await receivers.start();
    const { id } = await subscribe(r.url, [type]);
    const endpoint = (await h.parts.deps.endpoints.get(id))!;
    const event = webhookEvent(type);
    expect(await queueWebhookMessages(depsHandingTo([]), event, [endpoint])).toBe(1);

    const message = await eventually(async () => {
      const m = await h.parts.models.webhookMessages.findOne({ eventId: event.id }).lean();
      return m?.status === 'delivered' ? m : undefined;
    }, 'the message delivered by the fallback scan');
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers['webhook-id']).toBe(message._id);
    // Its due entry left with its pending state.
    expect(await h.parts.models.webhookDue.countDocuments({ _id: dueEntryId(message._id, message.nextAttemptAt) })).toBe(0);
  });

  it('finds a pending message that has no due entry once the entries are checked (data from before they existed)', async () => {
    const type = 'hangviet.test.before_due_entries.v1';
    const r = await receivers.start();
    const { id } = await subscribe(r.url, [type]);
    const endpoint = (await h.parts.deps.endpoints.get(id))!;
    const event = webhookEvent(type);
    const now = new Date();
    // As an older version wrote it: the message alone.
    await h.parts.models.webhookMessages.create({
      _id: webhookMessageId(event.id, endpoint.id),
      endpointId: endpoint.id,
      owner: endpoint.owner,
      eventId: event.id,
      eventType: type,
      payload: event.payload,
      operational: false,
      status: 'pending',
      attemptCount: 0,
      nextAttemptAt: now,
      failingNotified: false,
      createdAt: now,
    });

    expect(await h.parts.deps.webhooks.ensureDueEntries()).toBe(1);
    await eventually(() => r.received.length === 1, 'the message delivered');
  });

  it('sees an endpoint created or disabled through this instance at the next event, despite the cached endpoint list', async () => {
    const witness = await receivers.start();
    await subscribe(witness.url, ['hangviet.registry.business.approved.v1']);
    // Warm the fan-out's copy of the endpoint list.
    await h.publish(BusinessApproved, 'cache-biz', approvedEvent('cache-biz'));
    await eventually(() => witness.received.length === 1, 'the first event');

    const later = await receivers.start();
    const { id, token } = await subscribe(later.url, ['hangviet.registry.business.approved.v1']);
    const second = await h.publish(BusinessApproved, 'cache-biz', approvedEvent('cache-biz'));
    await eventually(() => later.received.length === 1, 'the new endpoint receiving the next event');

    expect((await api(h.base, 'POST', `/v1/webhook-endpoints/${id}:disable`, token)).status).toBe(200);
    const third = await h.publish(BusinessApproved, 'cache-biz', approvedEvent('cache-biz'));
    await eventually(() => witness.received.length === 3, 'the witness receiving the third event');
    expect(await h.parts.models.webhookMessages.countDocuments({ endpointId: id })).toBe(1);
    expect(await h.parts.models.webhookMessages.countDocuments({ endpointId: id, eventId: second })).toBe(1);
    expect(await h.parts.models.webhookMessages.countDocuments({ eventId: third })).toBe(1);
  });
});

describe('first attempts made by the consumer', () => {
  it('hands an attempt slower than its budget to the workers while it runs: the events after it go on, and the slow one is sent and recorded once', async () => {
    // A partner that answers only when the test lets it.
    const slowIds: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = createServer((req, res) => {
      slowIds.push(String(req.headers['webhook-id']));
      req.resume();
      void released.then(() => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const fast = await receivers.start();
      const type = 'hangviet.registry.business.approved.v1';
      const { id: slowId } = await subscribe(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`, [type]);
      await subscribe(fast.url, [type]);
      // One subject, one partition: without the hand-over the second event would wait for the slow partner's answer.
      const first = await h.publish(BusinessApproved, 'slow-biz', approvedEvent('slow-biz'));
      const second = await h.publish(BusinessApproved, 'slow-biz', approvedEvent('slow-biz'));
      const eventIds = () => fast.received.map((x) => (JSON.parse(x.body) as { id: string }).id);
      await eventually(() => eventIds().includes(second), 'the second event at the fast partner while the slow one still holds the first');
      const messageId = webhookMessageId(first, slowId);
      // Handed over: written pending, its first attempt not recorded yet.
      expect(await h.parts.models.webhookMessages.findById(messageId).lean()).toMatchObject({ status: 'pending', attemptCount: 0 });
      release();
      await eventually(async () => (await h.parts.models.webhookMessages.findById(messageId).lean())?.status === 'delivered', 'the slow message delivered');
      await eventually(async () => slowIds.filter((id) => id === webhookMessageId(second, slowId)).length === 1, 'the second event at the slow partner');
      expect(slowIds.filter((id) => id === messageId)).toHaveLength(1);
      expect(await h.parts.models.webhookAttempts.countDocuments({ messageId })).toBe(1);
      expect(await h.parts.models.webhookMessages.findById(messageId).lean()).toMatchObject({ status: 'delivered', attemptCount: 1 });
    } finally {
      release();
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe('claims', () => {
  it('admits exactly one of many concurrent claims of one key, and every claim of distinct keys', async () => {
    const { claims } = h.parts.deps;
    const now = new Date();
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => claims.claim(key, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const distinct = await Promise.all(Array.from({ length: 20 }, () => claims.claim(`test:${randomUUID()}`, now)));
    expect(distinct.every(Boolean)).toBe(true);
  });

  it('holds a key through the next lease period and lets it go after that', async () => {
    const { claims } = h.parts.deps;
    const key = `test:${randomUUID()}`;
    const lease = claims.leaseMs;
    const start = Math.floor(Date.now() / lease) * lease;
    expect(await claims.claim(key, new Date(start))).toBe(true);
    expect(await claims.claim(key, new Date(start + lease))).toBe(false);
    // The refused claimer left nothing behind that would stretch the lease.
    expect(await claims.claim(key, new Date(start + 2 * lease))).toBe(true);
  });
});
