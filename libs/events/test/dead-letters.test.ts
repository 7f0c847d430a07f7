// A poison event goes to `<topic>.dlq` with the error and the consumer moves on; once the cause is
// fixed, replaying the dead letters applies it.
import { randomUUID } from 'node:crypto';
import type { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { main as dlqCli } from '../src/cli/dlq';
import {
  createEventConsumer,
  createEventProducer,
  listDeadLetters,
  toKafkaMessage,
  type ConsumedEvent,
  type EventConsumer,
  type EventProducer,
} from '../src';
import { caughtUp, logger, openHarness, widgetData, type Harness } from './support';
import { eventually } from '@hangviet/testing';

jest.setTimeout(120_000);

let h: Harness;
let producer: EventProducer;
let consumer: EventConsumer;
let causeFixed = false;
const attemptsById = new Map<string, number>();

beforeAll(async () => {
  h = await openHarness('events_dlq');
  producer = await createEventProducer(h.kafka);
  await producer.ensureTopics([h.changed.topic]);
  const effects = h.db.collection('effects');
  consumer = createEventConsumer({
    kafka: h.kafka,
    groupId: h.scope.group('dlq-consumer'),
    db: h.db,
    logger,
    types: [h.changed],
    retries: 3,
    backoffMs: 10,
    handlers: {
      [`${h.changed.topic}.*`]: async (event: ConsumedEvent<ErrorInfo>) => {
        attemptsById.set(event.id, (attemptsById.get(event.id) ?? 0) + 1);
        if (event.data.reason === 'POISON' && !causeFixed)
          throw new Error('widget colour "ultraviolet" is not supported');
        await effects.insertOne({ eventId: event.id, reason: event.data.reason });
      },
    },
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer.stop();
  await producer.disconnect();
  await h.close();
});

const message = (id: string, subject: string, reason: string) =>
  toKafkaMessage(
    {
      id,
      type: h.changed.type,
      source: 'test',
      subject,
      time: new Date().toISOString(),
      data: widgetData(reason),
    },
    h.changed.codec,
  );

test('a poison event is dead-lettered after its retries, later events are consumed, and a replay applies it once fixed', async () => {
  const subject = `widget-${randomUUID()}`;
  const [poison, next1, next2] = [randomUUID(), randomUUID(), randomUUID()];
  // One key, one partition: the events after the poison one wait behind it until it is dead-lettered.
  await producer.send(h.changed.topic, [
    message(poison, subject, 'POISON'),
    message(next1, subject, 'OK'),
    message(next2, subject, 'OK'),
  ]);

  const effects = h.db.collection('effects');
  await eventually(
    async () => (await effects.countDocuments({ eventId: { $in: [next1, next2] } })) === 2,
    'the following events',
  );
  expect(attemptsById.get(poison)).toBe(3);
  expect(await effects.countDocuments({ eventId: poison })).toBe(0);

  const letters = await listDeadLetters(h.kafka, h.changed.topic);
  expect(letters).toEqual([
    expect.objectContaining({
      ceId: poison,
      ceType: h.changed.type,
      error: 'Error: widget colour "ultraviolet" is not supported',
      consumer: h.scope.group('dlq-consumer'),
      originalTopic: h.changed.topic,
      failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    }),
  ]);

  const listed: string[] = [];
  expect(await dlqCli(['list', '--topic', h.changed.topic], (line) => listed.push(line))).toBe(0);
  expect(listed).toEqual([
    expect.stringContaining(`\t${poison}\t${h.changed.type}\tError: widget colour`),
    '1 dead letter(s)',
  ]);

  causeFixed = true;
  const replayer = h.scope.group('replayer');
  const replayOutput: string[] = [];
  expect(
    await dlqCli(['replay', '--topic', `${h.changed.topic}.dlq`, '--group', replayer], (line) =>
      replayOutput.push(line),
    ),
  ).toBe(0);
  expect(replayOutput.at(-1)).toBe('1 letter(s) replayed');
  await eventually(
    async () => (await effects.countDocuments({ eventId: poison })) === 1,
    'the replayed event to be applied',
  );

  // The replayer's group remembers the letter: a second replay sends nothing again.
  const again: string[] = [];
  expect(
    await dlqCli(['replay', '--topic', h.changed.topic, '--group', replayer], (line) => again.push(line)),
  ).toBe(0);
  expect(again).toEqual(['0 letter(s) replayed']);
  await eventually(
    () => caughtUp(h.kafka, h.scope.group('dlq-consumer'), h.changed.topic),
    'the consumer to commit',
  );
  expect(await effects.countDocuments({ eventId: poison })).toBe(1);
});

test('a message that is not a CloudEvent, or whose protobuf is broken, goes straight to the DLQ', async () => {
  const subject = `widget-${randomUUID()}`;
  const broken = randomUUID();
  const after = randomUUID();
  const notCloudEvent = randomUUID();
  const noHeaders = { key: subject, value: Buffer.from('hello'), headers: { ce_id: notCloudEvent } };
  const badProtobuf = { ...message(broken, subject, 'OK'), value: Buffer.from([0x0a, 0xff, 0xff, 0xff]) };
  await producer.send(h.changed.topic, [noHeaders, badProtobuf, message(after, subject, 'OK')]);

  await eventually(
    async () => (await h.db.collection('effects').countDocuments({ eventId: after })) === 1,
    'the event after them',
  );
  expect(attemptsById.has(broken)).toBe(false);
  // Same key, same DLQ partition: in the order they failed.
  const letters = (await listDeadLetters(h.kafka, h.changed.topic)).filter(
    (l) => l.ceId === notCloudEvent || l.ceId === broken,
  );
  expect(letters).toEqual([
    expect.objectContaining({
      ceId: notCloudEvent,
      error: 'EnvelopeError: missing header ce_specversion',
      originalTopic: h.changed.topic,
    }),
    expect.objectContaining({ ceId: broken, error: expect.stringMatching(/range|index|invalid|wire/i) }),
  ]);
});
