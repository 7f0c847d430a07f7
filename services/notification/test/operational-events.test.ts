// Operational events end to end on the real Kafka and database: a failing delivery emits exactly the
// catalogue events it should (through the endpoint's outbox, keyed by the endpoint), they come back
// through the consumer as webhooks to the owner's other endpoints only, and a delivery about a delivery
// raises nothing further.
import { createKafka, decodeEnvelope, eventType } from '@hangviet/events';
import { BusinessApproved, WebhookAttemptExhausted, WebhookAttemptFailing } from '@hangviet/events/catalog';
import type { Consumer } from 'kafkajs';
import { operationalEventId } from '../src/application/ids';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, DELIVERY_TOPIC, receiverPool, startNotification, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
let consumer: Consumer;
const seen: { key: string; type: string; id: string; source: string; data: Record<string, unknown> }[] = [];
const receivers = receiverPool();

beforeAll(async () => {
  h = await startNotification('notification_operational', {
    WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
    WEBHOOK_RETRY_SCHEDULE: '0,200ms,400ms',
    WEBHOOK_FAILING_AFTER_ATTEMPTS: '2',
  });
  // A reader of the delivery topic of its own: what the service really published.
  const kafka = createKafka({ clientId: `t-${h.scope.id}-reader`, brokers: h.scope.kafkaBrokers });
  consumer = kafka.consumer({ groupId: h.scope.group('reader') });
  await consumer.connect();
  await consumer.subscribe({ topic: h.scope.topic(DELIVERY_TOPIC), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const type = String(message.headers?.ce_type);
      const definition = eventType(type)!;
      const event = decodeEnvelope(message, definition.codec);
      seen.push({ key: String(message.key), type, id: event.id, source: event.source, data: definition.codec.toJSON(event.data) as Record<string, unknown> });
    },
  });
});

afterAll(async () => {
  await consumer?.disconnect();
  await receivers.closeAll();
  await h?.stop();
});


async function subscribe(partnerId: string, url: string, eventTypes: string[]) {
  const token = await h.token({ role: 'partner', partnerId });
  const created = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url, eventTypes });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, token };
}

describe('operational events', () => {
  it('are emitted exactly as failing then exhausted, through Kafka, to the owner’s other endpoint only, without loops', async () => {
    const down = await receivers.start([500]);
    // The owner's operations endpoint is down too: its operational messages must raise nothing more.
    const ownerOps = await receivers.start([500]);
    const strangerOps = await receivers.start([204]);
    const failing = await subscribe('owner', down.url, ['hangviet.registry.business.*', 'hangviet.notification.delivery.*']);
    const ops = await subscribe('owner', ownerOps.url, ['hangviet.notification.delivery.*']);
    await subscribe('stranger', strangerOps.url, ['hangviet.notification.delivery.*', '*']);

    await h.publish(BusinessApproved, 'biz-ops', approvedEvent('biz-ops'));
    const [message] = await eventually(async () => {
      const list = await api(h.base, 'GET', `/v1/webhook-endpoints/${failing.id}/messages`, failing.token);
      const items = list.body.items as { id: string; status: string }[];
      return items[0]?.status === 'exhausted' ? items : undefined;
    }, 'the message exhausted');

    // Exactly these two events, published once each, about the failing endpoint and keyed by it.
    const about = await eventually(() => {
      const list = seen.filter((e) => e.key === failing.id);
      return list.length >= 2 ? list : undefined;
    }, 'both events on Kafka', 40_000);
    expect(about.map((e) => [e.type, e.id])).toEqual([
      [WebhookAttemptFailing.type, operationalEventId(message!.id, 'attempt.failing', 2)],
      [WebhookAttemptExhausted.type, operationalEventId(message!.id, 'attempt.exhausted', 3)],
    ]);
    expect(about[1]).toMatchObject({
      source: 'notification',
      data: { endpointId: failing.id, owner: 'partner:owner', messageId: message!.id, eventType: BusinessApproved.type, attempts: 3, lastError: 'HTTP 500' },
    });

    // The owner's other endpoint tried each of them (and failed); the stranger and the failing endpoint got none.
    await eventually(() => ownerOps.received.length >= 6, 'the owner’s operational webhooks, all three attempts of both', 40_000);
    const opsTypes = ownerOps.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
    expect(new Set(opsTypes)).toEqual(new Set([WebhookAttemptFailing.type, WebhookAttemptExhausted.type]));
    expect(down.received.every((r) => (JSON.parse(r.body) as { type: string }).type === BusinessApproved.type)).toBe(true);
    expect(strangerOps.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([BusinessApproved.type]);

    // The operations endpoint's own messages exhausted without a single event about it.
    await eventually(async () => {
      const list = await api(h.base, 'GET', `/v1/webhook-endpoints/${ops.id}/messages?status=exhausted`, ops.token);
      return (list.body.items as unknown[]).length === 2;
    }, 'the operational messages exhausted', 40_000);
    // Everything on the topic read (its events are published before a message's state is written).
    const admin = createKafka({ clientId: `t-${h.scope.id}-admin`, brokers: h.scope.kafkaBrokers }).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(h.scope.topic(DELIVERY_TOPIC));
    await admin.disconnect();
    const published = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    await eventually(() => seen.length >= published, 'every published operational event read');
    expect(published).toBe(2);
    expect(seen.filter((e) => e.key === ops.id)).toEqual([]);
    expect(seen.filter((e) => e.key !== failing.id)).toEqual([]);
    const listed = await api(h.base, 'GET', `/v1/webhook-endpoints/${ops.id}/operational-events`, ops.token);
    expect(listed.body).toEqual({ items: [], nextPageToken: '' });
  });
});
