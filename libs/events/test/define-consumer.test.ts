// Consumers declared with defineConsumer, run as parts of a service on the shared host, against the
// real Kafka and database: the handler gets the event's catalogue definition and its bytes; a wildcard
// consumer gets every catalogue event; redeliveries are skipped; a poison event goes to the DLQ.
import { randomUUID } from 'node:crypto';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { BusinessApproved as BusinessApprovedMessage } from '@hangviet/contracts/hangviet/registry/v1/events';
import { baseConfigSchema, loadConfig, startService, defineService, type RunningService } from '@hangviet/service-kit';
import { testScope, eventually } from '@hangviet/testing';
import {
  consumers,
  defineConsumer,
  defineEvent,
  eventBus,
  listDeadLetters,
  toKafkaMessage,
  type ConsumedEvent,
  type EventBus,
} from '../src';
import { BusinessApproved } from '../src/catalog';
import { logger } from './support';

jest.setTimeout(120_000);

const scope = testScope('events_define_consumer');
const prefix = scope.topic('');
const GadgetChanged = defineEvent('hangviet.test.gadget.changed.v1', ErrorInfo, 'a test gadget changed');

const audited: ConsumedEvent<ErrorInfo>[] = [];
const everything: ConsumedEvent[] = [];
const attempts = new Map<string, number>();

const gadgetAudit = defineConsumer({
  name: 'gadget-audit',
  events: [GadgetChanged],
  types: [GadgetChanged],
  retries: 2,
  backoffMs: 10,
  handle: async (event) => {
    attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
    if (event.data.reason === 'POISON') throw new Error('gadget colour "ultraviolet" is not supported');
    audited.push(event);
  },
});

// Notification's shape: one handler for every event of the catalogue, present and future.
const everyEvent = defineConsumer({
  name: 'every-event',
  events: ['*'],
  types: [GadgetChanged],
  handle: async (event) => void everything.push(event),
});

// A consumer that handles a chunk at once (notification's webhook first attempts): a chunk holding a
// SPLIT or TOXIC event fails as a batch and is handled one event at a time instead.
const batches: string[][] = [];
const batched: ConsumedEvent[] = [];
const alone: ConsumedEvent[] = [];
const gadgetBatches = defineConsumer({
  name: 'gadget-batches',
  events: [GadgetChanged],
  types: [GadgetChanged],
  retries: 2,
  backoffMs: 10,
  handleBatch: async (events) => {
    if (events.some((e) => ['SPLIT', 'TOXIC'].includes((e.data as ErrorInfo).reason))) throw new Error('this batch cannot be handled together');
    batches.push(events.map((e) => e.id));
    batched.push(...events);
  },
  handle: async (event) => {
    if (event.data.reason === 'TOXIC') throw new Error('gadget glaze "lead" is not allowed');
    alone.push(event);
  },
});

let service: RunningService<unknown, EventBus>;
const bus = () => service.parts;

beforeAll(async () => {
  const definition = defineService({
    name: scope.group('svc'),
    database: 'unused',
    config: baseConfigSchema,
    async compose(host) {
      const events = await host.add(eventBus(host, { topicPrefix: prefix, publishes: [GadgetChanged.topic, BusinessApproved.topic] }));
      await host.add(consumers(events, [gadgetAudit, everyEvent, gadgetBatches]));
      return events;
    },
  });
  const config = { ...loadConfig(baseConfigSchema, { MONGO_URL: scope.mongoUrl, KAFKA_BROKERS: scope.kafkaBrokers.join(',') }), HTTP_PORT: 0, GRPC_PORT: 0 };
  service = (await startService(definition, { config, logger, listenHost: '127.0.0.1' })) as RunningService<unknown, EventBus>;
});

afterAll(async () => {
  await service?.host.db.dropDatabase().catch(() => undefined);
  await service?.stop();
});

const gadget = (id: string, reason: string) =>
  toKafkaMessage(
    { id, type: GadgetChanged.type, source: 'test', subject: 'gadget-1', time: new Date().toISOString(), data: { reason, domain: 'test.hangviet.vn', metadata: {} } },
    GadgetChanged.codec,
  );

it('hands the handler the decoded data, the catalogue definition and the bytes as received', async () => {
  const id = randomUUID();
  const message = gadget(id, 'REPAINTED');
  await bus().producer.send(GadgetChanged.topic, [message]);
  const event = await eventually(async () => audited.find((e) => e.id === id), 'the audit consumer');
  expect(event.data.reason).toBe('REPAINTED');
  expect(event.definition).toBe(GadgetChanged);
  expect(Buffer.from(event.bytes).equals(message.value as Buffer)).toBe(true);
  expect(event.topic).toBe(`${prefix}hangviet.test.gadget`);
});

it('gives a wildcard consumer every catalogue event, each with its own definition', async () => {
  const approved = randomUUID();
  const data = BusinessApprovedMessage.fromPartial({ business: { id: 'b-1', legalName: 'HTX Kẹo dừa Mỏ Cày' } });
  await bus().producer.send(BusinessApproved.topic, [
    toKafkaMessage({ id: approved, type: BusinessApproved.type, source: 'business-registry', subject: 'b-1', time: new Date().toISOString(), data }, BusinessApproved.codec),
  ]);
  const gadgetId = randomUUID();
  await bus().producer.send(GadgetChanged.topic, [gadget(gadgetId, 'POLISHED')]);

  const seen = await eventually(async () => {
    const a = everything.find((e) => e.id === approved);
    const g = everything.find((e) => e.id === gadgetId);
    return a && g ? { a, g } : undefined;
  }, 'the wildcard consumer');
  expect(seen.a.definition).toBe(BusinessApproved);
  expect(seen.g.definition).toBe(GadgetChanged);
  // What notification does with it: the JSON form from the definition, the bytes stored as they came.
  expect(seen.a.definition.codec.toJSON(seen.a.data)).toMatchObject({ business: { id: 'b-1', legalName: 'HTX Kẹo dừa Mỏ Cày' } });
  expect(BusinessApproved.codec.decode(seen.a.bytes)).toEqual(data);
});

it('skips a redelivered event, and dead-letters a poison one and moves on', async () => {
  const twice = randomUUID();
  const poison = randomUUID();
  const after = randomUUID();
  await bus().producer.send(GadgetChanged.topic, [gadget(twice, 'RESEALED')]);
  await eventually(async () => audited.some((e) => e.id === twice), 'the first delivery');
  await bus().producer.send(GadgetChanged.topic, [gadget(twice, 'RESEALED'), gadget(poison, 'POISON'), gadget(after, 'SHIPPED')]);
  await eventually(async () => audited.some((e) => e.id === after), 'the event after the poison one');

  expect(audited.filter((e) => e.id === twice)).toHaveLength(1);
  expect(attempts.get(poison)).toBe(2);
  const letters = await eventually(async () => {
    const found = (await listDeadLetters(bus().kafka, `${prefix}hangviet.test.gadget`)).filter((l) => l.ceId === poison);
    return found.length > 0 ? found : undefined;
  }, 'the dead letter');
  expect(letters).toEqual([
    expect.objectContaining({
      ceId: poison,
      error: 'Error: gadget colour "ultraviolet" is not supported',
      consumer: `${scope.group('svc')}.gadget-audit`,
    }),
  ]);
});

it('hands a chunk to the batch handler at once, in order, and a redelivered event not again', async () => {
  const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
  // The first one twice in the same request (a producer's retry): handed over once.
  await bus().producer.send(GadgetChanged.topic, [...ids, ids[0]!].map((id) => gadget(id, 'STACKED')));
  await eventually(async () => ids.every((id) => batched.some((e) => e.id === id)), 'the batch handler');
  // One key, one partition: the three in their order, together unless the fetch split them.
  expect(batches.flat().filter((id) => ids.includes(id))).toEqual(ids);
  expect(batched.find((e) => e.id === ids[0])?.definition).toBe(GadgetChanged);
  const later = randomUUID();
  await bus().producer.send(GadgetChanged.topic, [gadget(ids[0]!, 'STACKED'), gadget(later, 'STACKED')]);
  await eventually(async () => batched.some((e) => e.id === later), 'the event after the redelivered one');
  expect(batched.filter((e) => e.id === ids[0])).toHaveLength(1);
  expect(alone.filter((e) => ids.includes(e.id) || e.id === later)).toEqual([]);
});

it('handles a chunk the batch handler fails on one event at a time, dead-lettering a poison one', async () => {
  const [split, poison, after] = [randomUUID(), randomUUID(), randomUUID()] as [string, string, string];
  await bus().producer.send(GadgetChanged.topic, [gadget(split, 'SPLIT'), gadget(poison, 'TOXIC'), gadget(after, 'SHIPPED')]);
  await eventually(async () => [...alone, ...batched].some((e) => e.id === after), 'the event after them');
  // (`after` is handled alone too unless the fetch put it in a chunk of its own.)
  expect(alone.filter((e) => [split, poison].includes(e.id)).map((e) => e.id)).toEqual([split]);
  expect(batched.filter((e) => [split, poison].includes(e.id))).toEqual([]);
  expect([...alone, ...batched].filter((e) => e.id === after)).toHaveLength(1);
  const letters = await eventually(async () => {
    const found = (await listDeadLetters(bus().kafka, `${prefix}hangviet.test.gadget`)).filter((l) => l.ceId === poison && l.consumer === `${scope.group('svc')}.gadget-batches`);
    return found.length > 0 ? found : undefined;
  }, 'the dead letter');
  expect(letters).toHaveLength(1);
});

it('is ready while Kafka answers, under the part name kafka', async () => {
  const res = await fetch(`http://127.0.0.1:${service.httpPort}/readyz`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { checks: Record<string, string> }).checks).toEqual({ mongo: 'ok', kafka: 'ok' });
});

it('refuses a consumer without events or with a name that is not kebab-case', () => {
  expect(() => defineConsumer({ name: 'x', events: [], handle: async () => undefined })).toThrow("consumer 'x' names no events");
  expect(() => defineConsumer({ name: 'Gadget Audit', events: ['*'], handle: async () => undefined })).toThrow('must be kebab-case');
});
