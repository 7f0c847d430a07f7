// SIGTERM under load: a service stops while 20 clients keep creating items. Every item a client saw
// acknowledged (201) is in the database and its event in Kafka; nothing acknowledged is lost.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import {
  createEventProducer,
  createOutboxRelay,
  defineEvent,
  headerText,
  readTopicToEnd,
  type EventProducer,
  type OutboxFields,
} from '../src';
import { startScenario, type ScenarioRun, eventually } from '@hangviet/testing';
import { logger, openHarness, type Harness } from './support';

jest.setTimeout(240_000);

interface Item extends OutboxFields {
  _id: string;
}

let h: Harness;
let producer: EventProducer;

beforeAll(async () => {
  h = await openHarness('events_shutdown');
  producer = await createEventProducer(h.kafka);
});

afterAll(async () => {
  await producer.disconnect();
  await h.close();
});

async function publishedSubjects(topic: string): Promise<Map<string, number>> {
  const subjects = new Map<string, number>();
  await readTopicToEnd(h.kafka, topic, async ({ message }) => {
    const subject = headerText(message.headers, 'ce_subject')!;
    subjects.set(subject, (subjects.get(subject) ?? 0) + 1);
  });
  return subjects;
}

test('every item acknowledged before SIGTERM is in the database and its event in Kafka', async () => {
  const created = defineEvent(`${h.scope.topic('hangviet.test.item')}.created.v1`, ErrorInfo, 'an item was created');
  await producer.ensureTopics([created.topic]);
  const { child, done } = startScenario(join(__dirname, 'scenarios', 'shutdown-service.ts'), {
    KAFKA_BROKERS: h.scope.kafkaBrokers.join(','),
    MONGO_URL: h.scope.mongoUrl,
    EVENT_TYPE: created.type,
  });
  let exited = false;
  void done.then(() => (exited = true));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const ready = /^ready (\d+)$/m.exec(out);
      if (ready) resolve(Number(ready[1]));
    });
    void done.then((run) => reject(new Error(`the service exited before it was ready:\n${run.stderr}`)));
  });

  const acknowledged: string[] = [];
  let refused = 0; // 503: arrived on a kept-alive connection after shutdown began
  let unreachable = 0; // connection refused or closed: no longer accepting
  let signalled = false;
  const client = async () => {
    while (!exited) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/items`, { method: 'POST' });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else {
          await response.arrayBuffer();
          // Only a stopping service may refuse.
          if (response.status !== 503 || !signalled) throw new Error(`unexpected ${response.status}`);
          refused++;
        }
      } catch (error) {
        // No response (refused, or a kept-alive connection closed as the request went out): nothing was
        // acknowledged. By message: undici's TypeError is not this jest realm's TypeError.
        if ((error as { message?: unknown }).message !== 'fetch failed') throw error;
        unreachable++;
        await sleep(20);
      }
      if (!signalled && acknowledged.length >= 150) {
        signalled = true;
        child.kill('SIGTERM');
      }
    }
  };
  let run: ScenarioRun;
  try {
    await Promise.all(Array.from({ length: 20 }, client));
    run = await done;
  } finally {
    if (!exited) child.kill('SIGKILL');
  }

  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  // Stop accepting and drain, then flush the relay, then the producer, then the database.
  expect(run.stdout.split('\n').filter((l) => l.startsWith('hook:'))).toEqual([
    'hook:http',
    'hook:relay',
    'hook:producer',
    'hook:database',
  ]);
  expect(signalled).toBe(true);
  expect(refused + unreachable).toBeGreaterThan(0);

  const items = h.db.collection<Item>('items');
  expect(new Set(acknowledged).size).toBe(acknowledged.length);
  expect(await items.countDocuments({ _id: { $in: acknowledged } })).toBe(acknowledged.length);

  // What the service left unpublished (a publish cut short), if anything; everything else is on Kafka already.
  const pending = new Set((await items.find({ outboxPendingSince: { $exists: true } }).toArray()).map((d) => d._id));
  const published = await publishedSubjects(created.topic);
  expect(acknowledged.filter((id) => !pending.has(id) && !published.has(id))).toEqual([]);

  // A sweeper, as the next instance would run, publishes whatever was left.
  const relay = createOutboxRelay({ collection: items, producer, logger, sweepIntervalMs: 100, graceMs: 100 });
  await relay.start();
  try {
    await eventually(
      async () => (await items.countDocuments({ outboxPendingSince: { $exists: true } })) === 0,
      'the sweeper to publish what was left',
    );
  } finally {
    await relay.stop();
  }
  const afterSweep = await publishedSubjects(created.topic);
  expect(acknowledged.filter((id) => !afterSweep.has(id))).toEqual([]);
  // Written but not acknowledged (answered too late, or not at all) is published too: nothing written is lost.
  const written = (await items.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  expect(written.filter((id) => !afterSweep.has(id))).toEqual([]);

  console.info(
    `shutdown under load: ${acknowledged.length} acknowledged, ${refused} refused with 503, ` +
      `${unreachable} attempts unreachable, ${written.length} written, ${pending.size} left for the sweeper`,
  );
});
