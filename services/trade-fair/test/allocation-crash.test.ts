// Done when (issue 23, item 1): an allocation applied in bulk survives a real SIGKILL half-way. Two
// instances share the database and Kafka: a child process (the built service, `node dist/main.js`) runs
// `:allocate` and is killed with SIGKILL while applying; the other (in-process) resumes the run from its
// document by the job resume-allocation-runs once the dead one's lease lapses. Then: every application
// carries the run's result, no booth is held twice, and each application's outcome event was written
// once (one ce_id each) and reached Kafka.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafka, fromKafkaMessage } from '@hangviet/events';
import { ensureDevKeys, mintDevToken } from '@hangviet/service-kit';
import type { Consumer } from 'kafkajs';
import { bearer } from '@hangviet/service-testing';
import { eventually, freePort } from '@hangviet/testing';
import { apply, createVenue, knownBusinesses, openFair, staffToken, startTradeFair, type Harness } from './support/fixtures';

const APPLICATIONS = 100;
const BOOTHS = { rows: 5, columns: 10 };

let h: Harness;
let child: ChildProcess | undefined;
let keys: string;
let consumer: Consumer;
const seen: { id: string; type: string; subject: string }[] = [];

/** `eventually` with a predicate over the probe's value; 4 minutes: a loaded machine is slow, not stuck. */
const until = <T>(what: string, probe: () => Promise<T> | T, predicate: (value: T) => boolean, ms = 240_000): Promise<T> =>
  eventually(async () => {
    const value = await probe();
    return predicate(value) ? { value } : undefined;
  }, what, ms).then((r) => r.value);

beforeAll(async () => {
  h = await startTradeFair('tradefair_crash', { ALLOCATION_RESUME_EVERY: '1s', ALLOCATION_APPLY_BATCH: '5', ALLOCATION_LEASE_MS: '2000' });
  const kafka = createKafka({ clientId: 'tradefair-crash-test', brokers: h.scope.kafkaBrokers });
  consumer = kafka.consumer({ groupId: h.scope.group('crash-listener') });
  await consumer.connect();
  await consumer.subscribe({ topic: h.scope.topic('hangviet.tradefair.booth_application'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const e = fromKafkaMessage(message);
      seen.push({ id: e.id, type: e.type, subject: e.subject });
    },
  });
  keys = await mkdtemp(join(tmpdir(), 'trade-fair-crash-keys-'));
  await ensureDevKeys(keys);
}, 400_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await consumer?.disconnect();
  await h?.stop();
  await rm(keys, { recursive: true, force: true });
}, 60_000);

it('SIGKILL half-way through applying: resumed from the run document, no booth twice, each event once', async () => {
  const venue = await createVenue(h, BOOTHS.rows, BOOTHS.columns);
  const fairId = (await openFair(h, venue.id)).id;
  const businesses = await knownBusinesses(h, APPLICATIONS);
  process.stderr.write(`crash test: ${APPLICATIONS} businesses known at ${new Date().toISOString()}\n`);
  for (let i = 0; i < businesses.length; i += 20) {
    const statuses = await Promise.all(businesses.slice(i, i + 20).map(async (b) => (await apply(h, fairId, b)).status));
    expect(statuses.every((s) => s === 201)).toBe(true);
  }

  // The instance that will die: the built service, small bulk batches, a 2 s allocation lease.
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      MONGO_URL: h.scope.mongoUrl, KAFKA_BROKERS: h.scope.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: h.scope.topic(''),
      HTTP_PORT: String(httpPort), GRPC_PORT: String(grpcPort), AUTH_JWKS_FILE: join(keys, 'jwks.json'), LOG_LEVEL: 'error',
      SEED_DEMO_DATA: 'false', BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1', PRODUCT_CERTIFICATION_GRPC_ADDRESS: '127.0.0.1:1', CERTIFICATION_DEADLINE_MS: '300',
      ALLOCATION_APPLY_BATCH: '5', ALLOCATION_LEASE_MS: '2000', OTEL_SDK_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${httpPort}`;
  await until('the child to be ready', () => fetch(`${base}/readyz`).then((r) => r.status).catch(() => 0), (s) => s === 200);
  const token = await mintDevToken({ role: 'staff', subject: 'staff-crash' }, keys);
  const applications = h.service.host.db.collection<{ _id: string; status: string; booths: string[] }>('booth_applications');

  let answered: string | undefined;
  const allocating = fetch(`${base}/v1/fairs/${fairId}:allocate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })
    .then(async (r) => { answered = `${r.status} ${(await r.text()).slice(0, 200)}`; })
    .catch(() => undefined);
  // Half-way: some applications carry their result, others not yet.
  await until('a first batch applied by the child', async () => ({ applied: await applications.countDocuments({ fairId, status: { $ne: 'SUBMITTED' } } as never), answered }), (v) => v.applied > 0 || v.answered !== undefined);
  expect(answered).toBeUndefined(); // killed before it answered
  child.kill('SIGKILL');
  await new Promise((resolve) => child!.once('exit', resolve));
  await allocating;

  const run = await h.service.host.db.collection<{ state: string }>('allocation_runs').findOne({ fairId } as never);
  expect(run?.state).toBe('APPLYING');
  const leftAtKill = await applications.countDocuments({ fairId, status: 'SUBMITTED' } as never);
  expect(leftAtKill).toBeGreaterThan(0);
  expect(leftAtKill).toBeLessThan(APPLICATIONS);

  // The surviving instance's job resumes the run once the dead one's lease lapses.
  await until('the run resumed to APPLIED', () => h.service.host.db.collection<{ state: string }>('allocation_runs').findOne({ fairId } as never), (r) => r?.state === 'APPLIED');
  const staff = await staffToken(h);
  const allocation = (await h.http.get(`/v1/fairs/${fairId}/allocation`).set(bearer(staff))).body as { results: { applicationId: string; explanation: { outcome: string; booths: { code: string }[] } }[] };
  const docs = await applications.find({ fairId } as never).toArray();
  expect(docs.filter((d) => d.status === 'SUBMITTED')).toHaveLength(0);
  const byId = new Map(docs.map((d) => [d._id, d]));
  for (const r of allocation.results) {
    expect(byId.get(r.applicationId)!.status).toBe(r.explanation.outcome);
    expect(byId.get(r.applicationId)!.booths).toEqual(r.explanation.booths.map((b) => b.code));
  }
  const allocatedBooths = docs.flatMap((d) => d.booths);
  expect(allocatedBooths).toHaveLength(BOOTHS.rows * BOOTHS.columns);
  expect(new Set(allocatedBooths).size).toBe(allocatedBooths.length);
  const holds = await h.service.host.db.collection<{ applicationId: string; code: string }>('booth_holds').find({ fairId } as never).toArray();
  expect(holds).toHaveLength(allocatedBooths.length);
  expect(holds.every((hold) => byId.get(hold.applicationId)?.booths.includes(hold.code))).toBe(true);

  // Each application's outcome reached Kafka, written once: one ce_id per application.
  const outcomes = await until(
    'every outcome event on Kafka',
    () => seen.filter((e) => e.type.endsWith('.allocated.v1') || e.type.endsWith('.waitlisted.v1')),
    (l) => new Set(l.map((e) => e.subject)).size === APPLICATIONS,
  );
  const idsPerApplication = new Map<string, Set<string>>();
  for (const e of outcomes) idsPerApplication.set(e.subject, (idsPerApplication.get(e.subject) ?? new Set()).add(e.id));
  expect([...idsPerApplication.values()].every((ids) => ids.size === 1)).toBe(true);
  // Nothing is left unpublished in the outbox.
  await until('an empty outbox', () => applications.countDocuments({ fairId, outboxPendingSince: { $exists: true } } as never), (n) => n === 0);
}, 900_000);
