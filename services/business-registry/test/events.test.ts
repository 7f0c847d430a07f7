// The events contract: exactly which events each use case emits, read back from Kafka where the
// outbox relay put them (CloudEvents binary mode, protobuf payloads from the catalogue).
import { randomUUID } from 'node:crypto';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { createKafka, eventType, fromKafkaMessage } from '@hangviet/events';
import type { Consumer } from 'kafkajs';
import { prepareRegistration } from '../src/application/register-business';
import { Business } from '../src/domain/business';
import { businessModel } from '../src/infrastructure/business-model';
import { MongoBusinessRepository } from '../src/infrastructure/mongo-business-repository';
import { bearer } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { nextTaxCode, registration } from './support/fixtures';

let h: Harness;
let consumer: Consumer;

interface Received {
  type: string;
  subject: string;
  source: string;
  id: string;
  data: Record<string, unknown> & { business?: Record<string, unknown> };
}
const received: Received[] = [];
const waiters: (() => void)[] = [];

beforeAll(async () => {
  h = await startRegistry('registry_events');
  const kafka = createKafka({ clientId: 'registry-events-test', brokers: h.scope.kafkaBrokers });
  consumer = kafka.consumer({ groupId: h.scope.group('events-test') });
  await consumer.connect();
  await consumer.subscribe({ topic: h.scope.topic('hangviet.registry.business'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = fromKafkaMessage(message);
      const definition = eventType(envelope.type);
      if (!definition) throw new Error(`unknown event type ${envelope.type}`);
      if (process.env.DEBUG_EVENTS) process.stderr.write(`${envelope.subject} ${envelope.type} ${envelope.id}\n`);
      received.push({ type: envelope.type, subject: envelope.subject, source: envelope.source, id: envelope.id, data: definition.codec.toJSON(definition.codec.decode(envelope.data)) as Received['data'] });
      waiters.splice(0).forEach((wake) => wake());
    },
  });
}, 120_000);

afterAll(async () => {
  await consumer?.disconnect();
  await h?.stop();
}, 60_000);

const short = (type: string): string => type.replace('hangviet.registry.business.', '').replace('.v1', '');

/**
 * Waits for the business's sentinel event (dissolved), then returns its events in order. Delivery
 * is at-least-once (a relay may re-send after a crash or a lost acknowledgement): like every
 * consumer, count each ce_id once.
 */
async function eventsOf(id: string): Promise<Received[]> {
  const done = () => received.some((e) => e.subject === id && short(e.type) === 'dissolved');
  while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  const seen = new Set<string>();
  return received.filter((e) => e.subject === id && !seen.has(e.id) && seen.add(e.id));
}

const staff = () => bearer(h.tokens.staff);
async function register(body = registration()): Promise<string> {
  const res = await h.http.post('/v1/businesses').set(staff()).send(body);
  expect(res.status).toBe(201);
  return res.body.id as string;
}
const act = async (id: string, action: string, body: object = { reason: 'Lý do' }) => {
  const res = await h.http.post(`/v1/businesses/${id}:${action}`).set(staff()).send(body);
  expect(res.status).toBe(200);
};
// Dissolving last marks the end of a business's stream: Kafka keeps one key's events in order, so
// whatever a use case emitted before it has arrived by the time the sentinel does.
const seal = (id: string) => act(id, 'dissolve', { reason: 'kết thúc kiểm thử' });

describe('events per use case', () => {
  it('register-business emits registered with the snapshot a subscriber needs', async () => {
    const id = await register(registration({ legalName: 'Công ty TNHH Sự kiện', contact: { email: 'Sukien@Example.vn' } }));
    await seal(id);
    const events = await eventsOf(id);
    expect(events.map((e) => short(e.type))).toEqual(['registered', 'dissolved']);
    const registered = events[0] as Received;
    expect(registered.source).toBe('business-registry');
    expect(registered.data.business).toMatchObject({
      id,
      legalName: 'Công ty TNHH Sự kiện',
      status: 'BUSINESS_STATUS_PENDING_REVIEW',
      type: 'BUSINESS_TYPE_COMPANY',
      contactEmail: 'sukien@example.vn',
      preferredLocale: 'vi',
      version: '1',
      address: expect.objectContaining({ provinceCode: '86', wardCode: '28903' }),
      mainIndustry: expect.objectContaining({ code: '1073', main: true }),
    });
    // Events fan out to partners: never the representative's personal data.
    expect(JSON.stringify(registered.data)).not.toContain('Nguyễn Thị Hoa');
    expect(registered.data.actorSubject).toBe('staff-1');
  }, 30_000);

  it('approve, suspend, reinstate and dissolve emit one event each, in order, with reasons', async () => {
    const id = await register();
    await act(id, 'approve', {});
    await act(id, 'suspend', { reason: 'Nhãn sai' });
    await act(id, 'reinstate', {});
    await seal(id);
    const events = await eventsOf(id);
    expect(events.map((e) => short(e.type))).toEqual(['registered', 'approved', 'suspended', 'reinstated', 'dissolved']);
    expect(events.map((e) => e.data.business?.version)).toEqual(['1', '2', '3', '4', '5']);
    expect(events[2]?.data).toMatchObject({ reason: 'Nhãn sai', business: { status: 'BUSINESS_STATUS_SUSPENDED' } });
    expect(events[4]?.data).toMatchObject({ reason: 'kết thúc kiểm thử', previousStatus: 'BUSINESS_STATUS_ACTIVE' });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(BusinessStatus.BUSINESS_STATUS_DISSOLVED).toBe(5);
  }, 30_000);

  it('reject-business emits rejected with its reason', async () => {
    const id = await register();
    await act(id, 'reject', { reason: 'Thiếu giấy phép' });
    await seal(id);
    const events = await eventsOf(id);
    expect(events.map((e) => short(e.type))).toEqual(['registered', 'rejected', 'dissolved']);
    expect(events[1]?.data).toMatchObject({ reason: 'Thiếu giấy phép', business: { status: 'BUSINESS_STATUS_REJECTED' } });
  }, 30_000);

  it('update-business-profile emits profile_updated naming the changed fields, and nothing for a no-op', async () => {
    const id = await register();
    const patch = (body: object) => h.http.patch(`/v1/businesses/${id}`).set(staff()).send(body);
    expect((await patch({ englishName: 'Event Candy', website: 'https://keo.example.vn' })).status).toBe(200);
    expect((await patch({ englishName: 'Event Candy' })).status).toBe(200);
    await seal(id);
    const events = await eventsOf(id);
    expect(events.map((e) => short(e.type))).toEqual(['registered', 'profile_updated', 'dissolved']);
    expect(events[1]?.data).toMatchObject({ changedFields: ['englishName', 'website'], business: { englishName: 'Event Candy' } });
  }, 30_000);

  it('failed commands and queries emit nothing', async () => {
    const id = await register();
    expect((await h.http.post(`/v1/businesses/${id}:suspend`).set(staff()).send({ reason: 'x' })).status).toBe(409);
    expect((await h.http.post(`/v1/businesses/${id}:reject`).set(staff()).send({})).status).toBe(422);
    expect((await h.http.get(`/v1/businesses/${id}`).set(staff())).status).toBe(200);
    expect((await h.http.get('/v1/businesses').set(staff())).status).toBe(200);
    await seal(id);
    expect((await eventsOf(id)).map((e) => short(e.type))).toEqual(['registered', 'dissolved']);
  }, 30_000);

  it('import-businesses emits registered (and approved with approve=true) per created row', async () => {
    const taxCode = nextTaxCode();
    const res = await h.http
      .post('/v1/businesses:import')
      .query({ approve: 'true' })
      .set(staff())
      .set('Content-Type', 'text/csv')
      .send(`taxCode,type,legalName,provinceCode,wardCode,street,industries\n${taxCode},COMPANY,Công ty TNHH Nhập ${randomUUID().slice(0, 6)},86,28903,1 Đường A,1073\n`);
    expect(res.body.summary).toMatchObject({ created: 1 });
    const id = res.body.rows[0].id as string;
    await seal(id);
    const events = await eventsOf(id);
    expect(events.map((e) => short(e.type))).toEqual(['registered', 'approved', 'dissolved']);
    expect(events[0]?.data.business).toMatchObject({ status: 'BUSINESS_STATUS_PENDING_REVIEW', version: '1' });
    expect(events[1]?.data.business).toMatchObject({ status: 'BUSINESS_STATUS_ACTIVE', version: '2' });
  }, 30_000);

  it('publishes events a crash left in the outbox (the relay sweeper)', async () => {
    // A repository without the after-write publish: as if the process died right after the write.
    const crashed = new MongoBusinessRepository(businessModel(h.service.host.connection));
    const body = registration();
    const { taxCode, profile } = prepareRegistration(body);
    const business = Business.register({ id: randomUUID(), taxCode, type: body.type, profile, actor: { subject: 'crashed' }, now: new Date() });
    await crashed.add(business);
    while (!received.some((e) => e.subject === business.id)) await new Promise<void>((resolve) => waiters.push(resolve));
    expect(received.filter((e) => e.subject === business.id).map((e) => short(e.type))).toEqual(['registered']);
  }, 30_000);

  it('leaves no event behind in the outbox once published', async () => {
    const id = await register();
    await seal(id);
    await eventsOf(id);
    // The relay pulls what it sent right after Kafka acknowledged it.
    let doc: Record<string, unknown> | null = null;
    for (let i = 0; i < 50; i += 1) {
      doc = await h.service.host.connection.db!.collection('businesses').findOne({ _id: id as never });
      if (((doc?.outbox as unknown[] | undefined) ?? []).length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((doc?.outbox as unknown[] | undefined) ?? []).toEqual([]);
  }, 30_000);
});
