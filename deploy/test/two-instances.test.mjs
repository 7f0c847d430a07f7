// Two instances of every service under services/ (as scripts/lib.mjs `services()` finds them), on the shared Kafka
// and database of the jest global setup, with this file's own ports (HANGVIET_PORT_OFFSET-style offsets), databases,
// topics and consumer groups. Registrations and approvals go through both registry instances and flow to both
// notification instances and a partner's webhook receiver; one instance of each service is killed with SIGKILL
// half-way. Then: each event is on its topic once (counted by ce_id), each webhook arrives once (by webhook-id),
// the notification's per-event effect is written once, scheduled jobs run once per period across the two
// instances, and the consumers of a group share its partitions. Generic parts cover any service added later.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafka } from '@hangviet/events';
import { mintDevToken } from '@hangviet/service-kit';
import { testScope } from '@hangviet/testing';
import { generateTaxCode } from '@hangviet/vn';
import { AssignerProtocol } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { alive, services } from '../../scripts/lib.mjs';
import { freeOffsets, until } from './support.mjs';

jest.setTimeout(480_000);

const scope = testScope('two_instances');
const databasePrefix = `${scope.databaseName}_`;
const BUSINESSES = 24;
const JOB_PERIOD_MS = 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const keys = mkdtempSync(join(tmpdir(), 'hangviet-scale-keys-'));
const instances = [];
const received = [];
let receiver;
let mongo;
let admin;

async function status(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

function start(s, label) {
  const env = {
    ...process.env,
    ...s.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_JWKS_FILE: join(keys, 'jwks.json'),
    KAFKA_TOPIC_PREFIX: scope.topic(''),
    CONSUMER_GROUP: scope.group(s.folder),
    SEED_DEMO_DATA: 'false',
    SMTP_URL: 'smtp://127.0.0.1:9',
    WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
    WORKER_POLL_INTERVAL: '200ms',
    // WORKER_LEASE stays at its default (5 s): claims are renewed while an attempt runs, so a live instance keeps
    // them however loaded the machine, and a killed instance's attempts are taken over within seconds.
    OUTBOX_SWEEP_INTERVAL_MS: '1000',
    OUTBOX_SWEEP_INTERVAL: '1s',
    IDEMPOTENCY_SWEEP_INTERVAL_MS: String(JOB_PERIOD_MS),
    IDEMPOTENCY_SWEEP_INTERVAL: `${JOB_PERIOD_MS}ms`,
  };
  const child = spawn(s.command[0], s.command.slice(1), { cwd: s.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const instance = { ...s, label, child, output: '' };
  child.stdout.on('data', (d) => (instance.output = (instance.output + d).slice(-4000)));
  child.stderr.on('data', (d) => (instance.output = (instance.output + d).slice(-4000)));
  instances.push(instance);
  return instance;
}

function kill(instance) {
  process.kill(-instance.child.pid, 'SIGKILL');
  instance.killed = true;
}

const base = (i) => `http://127.0.0.1:${i.httpPort}`;
const live = (folder) => instances.filter((i) => i.folder === folder && !i.killed);

async function api(instance, method, path, token, body) {
  const res = await fetch(`${base(instance)}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

/** Sum over the live instances of a service of a scheduled-job metric, by job (`outcome` filters the runs counter). */
async function jobMetric(folder, name, outcome) {
  const totals = new Map();
  for (const i of live(folder)) {
    const text = await (await fetch(`${base(i)}/metrics`)).text();
    for (const [, labels, value] of text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\d+)`, 'gm'))) {
      const label = Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
      if (outcome === undefined || label.outcome === outcome) totals.set(label.job, (totals.get(label.job) ?? 0) + Number(value));
    }
  }
  return totals;
}
const jobRuns = (folder) => jobMetric(folder, 'scheduled_job_runs_total', 'success');

/** The jobs whose period this test sets (IDEMPOTENCY_SWEEP_INTERVAL*): only these must run within the window. */
const PERIOD_SET = new Set(['business-registry/idempotency-keys-sweep', 'notification/idempotency-keys-sweep']);

/** The `runs` of every scheduled job of a service, from its database's job_leases. */
async function leaseRuns(s) {
  const db = mongo.db(new URL(s.env.MONGO_URL).pathname.slice(1));
  return new Map((await db.collection('job_leases').find().toArray()).map((d) => [d._id, d.runs]));
}

/** Every message on a topic, from the beginning, read by a group of its own. */
async function readTopic(kafka, topic, expected) {
  const consumer = kafka.consumer({ groupId: scope.group(`count-${Math.random().toString(36).slice(2)}`) });
  const ids = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void ids.push(String(message.headers?.ce_id ?? '')) });
  try {
    await until(`${expected} events on ${topic}`, () => new Set(ids).size >= expected, 60_000);
    await sleep(2000); // a duplicate published late would arrive now
  } finally {
    await consumer.disconnect();
  }
  return ids;
}

beforeAll(async () => {
  mongo = await MongoClient.connect(process.env.MONGO_URL);
  await mintDevToken({ role: 'staff' }, keys);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), type: JSON.parse(body || '{}').type, at: Date.now() });
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await admin?.disconnect();
  for (const i of instances) if (alive(i.child.pid)) process.kill(-i.child.pid, 'SIGKILL');
  receiver?.closeAllConnections();
  if (receiver) await new Promise((r) => receiver.close(r));
  if (mongo) {
    const { databases } = await mongo.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) if (name.startsWith(databasePrefix)) await mongo.db(name).dropDatabase();
    await mongo.close();
  }
  rmSync(keys, { recursive: true, force: true });
});

it('two instances of every service share the work; killing one loses and doubles nothing', async () => {
  const [offsetA, offsetB] = await freeOffsets(2);
  const list = (offset) => services({ portOffset: offset, databasePrefix, mongoUrl: process.env.MONGO_URL });
  const folders = list(offsetA).map((s) => s.folder);
  expect(folders).toEqual(expect.arrayContaining(['business-registry', 'notification']));
  for (const [offset, label] of [[offsetA, 'a'], [offsetB, 'b']]) for (const s of list(offset)) start(s, label);

  // Every instance ready. Sixteen processes start at once on two cores beside the rest of the suite: the bound is a
  // hang guard (a clean run at load 14 had the gateway not ready after 90 s), and a miss shows what it printed.
  for (const i of instances) {
    let last;
    await until(`${i.folder} (${i.label}) ready`, async () => {
      if (i.child.exitCode !== null) throw new Error(`${i.folder} (${i.label}) exited ${i.child.exitCode}:\n${i.output}`);
      last = await status(`${base(i)}/readyz`);
      return last === 200;
    }, 240_000).catch((err) => {
      throw new Error(`${err.message} (last /readyz: ${last}); its output:\n${i.output}`);
    });
  }

  const staff = await mintDevToken({ role: 'staff', audience: 'hangviet' }, keys);
  const partner = await mintDevToken({ role: 'partner', partnerId: 'scale-partner', audience: 'hangviet' }, keys);
  const [notificationA] = live('notification');
  // Registrations under review reach only partners that staff granted `unpublished` (issue 12): this one has it.
  const granted = await api(notificationA, 'PUT', '/v1/partners/scale-partner/scopes', staff, { scopes: ['unpublished'] });
  expect(granted.status).toBe(200);
  const endpoint = await api(notificationA, 'POST', '/v1/webhook-endpoints', partner, {
    url: `http://127.0.0.1:${receiver.address().port}/hook`,
    eventTypes: ['hangviet.registry.business.*'],
    description: 'two-instances test',
  });
  expect(endpoint.status).toBe(201);

  // Scheduled jobs: over a window, the runs recorded in job_leases (shared) equal the runs the two instances'
  // /metrics count, and there are at most one per period, not one per instance per period.
  const jobsBefore = new Map(await Promise.all(folders.map(async (f) => [f, { leases: await leaseRuns(list(offsetA).find((s) => s.folder === f)), metrics: await jobRuns(f) }])));
  const windowStart = Date.now();

  // Load through both registry instances: register on one, approve on the other.
  const kafka = createKafka({ clientId: scope.group('scale-test'), brokers: process.env.KAFKA_BROKERS.split(',') });
  admin = kafka.admin();
  await admin.connect();
  const acknowledged = [];
  let groupsChecked = false;
  let killedAt = 0;
  for (let n = 0; n < BUSINESSES; n += 1) {
    const registries = live('business-registry');
    const [a, b] = [registries[n % registries.length], registries[(n + 1) % registries.length]];
    const registered = await api(a, 'POST', '/v1/businesses', staff, {
      taxCode: generateTaxCode(600_000 + Math.floor(Math.random() * 300_000), '77'),
      type: 'COMPANY',
      legalName: `Công ty TNHH Thử tải ${n}`,
      tradeName: `Thử tải ${n}`,
      address: { provinceCode: '86', wardCode: '28903', street: '12 Quốc lộ 60' },
      industries: [{ edition: '2018', code: '1073' }],
      contact: { email: `scale${n}@example.vn`, phone: '0912 345 678' },
      representative: { fullName: 'Nguyễn Thị Hoa', position: 'Giám đốc', phone: '0987654321' },
    });
    expect([registered.status, registered.body.detail]).toEqual([201, undefined]);
    const approved = await api(b, 'POST', `/v1/businesses/${registered.body.id}:approve`, staff, {});
    expect(approved.status).toBe(200);
    acknowledged.push(registered.body.id);

    if (n === BUSINESSES / 2) {
      // Before the kill: each consumer group of ours has both instances as members, sharing its partitions.
      const groups = folders.map((f) => scope.group(f));
      const described = await until('both members in every consumer group', async () => {
        const { groups: found } = await admin.describeGroups(groups);
        const existing = found.filter((g) => g.members.length > 0);
        return existing.length > 0 && existing.every((g) => g.state === 'Stable' && g.members.length === 2) ? existing : null;
      });
      expect(described.map((g) => g.groupId)).toContain(scope.group('notification'));
      for (const group of described) {
        const assignments = group.members.map((m) =>
          Object.entries(AssignerProtocol.MemberAssignment.decode(m.memberAssignment).assignment).flatMap(([t, ps]) => ps.map((p) => `${t}:${p}`)),
        );
        for (const a of assignments) expect(a.length).toBeGreaterThan(0);
        const all = assignments.flat();
        expect(new Set(all).size).toBe(all.length); // no partition owned twice
      }
      groupsChecked = true;
      // Kill one instance of every service.
      // Jobs, while both instances live: the runs the two instances' /metrics count since the window began equal the
      // runs recorded in the shared job_leases (a run may finish between the leases read and the /metrics read, at the
      // window's start and at its end: at most two apart).
      for (const f of folders) {
        const s = list(offsetA).find((x) => x.folder === f);
        const [leases, metrics] = [await leaseRuns(s), await jobRuns(f)];
        // Every job of every service: at most one of the two instances holds its lease.
        for (const [job, held] of await jobMetric(f, 'scheduled_job_lease_held')) expect({ service: f, job, held: held <= 1 }).toEqual({ service: f, job, held: true });
        for (const [job, runs] of leases) {
          const byLeases = runs - (jobsBefore.get(f).leases.get(job) ?? 0);
          const byMetrics = (metrics.get(job) ?? 0) - (jobsBefore.get(f).metrics.get(job) ?? 0);
          const seen = { service: f, job, byLeases, byMetrics };
          const ran = byLeases >= 1 || !PERIOD_SET.has(`${f}/${job}`);
          expect({ ...seen, agree: Math.abs(byLeases - byMetrics) <= 2, ran }).toEqual({ ...seen, agree: true, ran: true });
        }
      }
      killedAt = Date.now();
      for (const f of folders) kill(live(f)[0]);
    }
  }
  expect(groupsChecked).toBe(true);

  // Each event published once: registered + approved per business, on the registry's topic, by ce_id.
  const ids = await readTopic(kafka, scope.topic('hangviet.registry.business'), acknowledged.length * 2);
  const counts = new Map();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts.values()].filter((c) => c > 1)).toEqual([]);
  expect(counts.size).toBe(acknowledged.length * 2);

  // Every acknowledged write is there, as the survivor reads it.
  const [survivor] = live('business-registry');
  for (const id of acknowledged) {
    const got = await api(survivor, 'GET', `/v1/businesses/${id}`, staff);
    expect([id, got.status, got.body.status]).toEqual([id, 200, 'ACTIVE']);
  }

  // Each webhook delivered once: one webhook-id per event, none twice.
  await until(
    'every event delivered to the partner',
    () => new Set(received.map((r) => r.id)).size >= acknowledged.length * 2,
    180_000,
  ).catch((err) => {
    throw new Error(`${err.message}: ${new Set(received.map((r) => r.id)).size} of ${acknowledged.length * 2} delivered`);
  });
  await sleep(3000);
  const perId = new Map();
  for (const r of received) perId.set(r.id, (perId.get(r.id) ?? 0) + 1);
  // (Each twice-delivered id with its arrival times relative to the kill, to tell a kill-window redelivery from a lost lease.)
  const twice = [...perId.entries()].filter(([, c]) => c > 1).map(([id]) => [id, received.filter((r) => r.id === id).map((r) => r.at - killedAt)]);
  expect(twice).toEqual([]);
  expect(perId.size).toBe(acknowledged.length * 2);

  // The notification consumer's effect once per event: one partner message per (endpoint, event).
  const notification = list(offsetA).find((s) => s.folder === 'notification');
  const notificationDb = mongo.db(new URL(notification.env.MONGO_URL).pathname.slice(1));
  const messages = await notificationDb.collection('webhook_messages').countDocuments({});
  expect(messages).toBe(acknowledged.length * 2);

  // Jobs: once per period across both instances (the killed ones' counters are gone with them, so the
  // comparison with /metrics is made on the shared job_leases only).
  const windowMs = Date.now() - windowStart;
  for (const f of folders) {
    const s = list(offsetA).find((x) => x.folder === f);
    const after = await leaseRuns(s);
    for (const [job, runs] of after) {
      const delta = runs - (jobsBefore.get(f).leases.get(job) ?? 0);
      const periods = windowMs / JOB_PERIOD_MS;
      if (!PERIOD_SET.has(`${f}/${job}`)) continue; // only the jobs whose period this test sets
      expect([f, job, delta <= Math.ceil(periods) + 1]).toEqual([f, job, true]);
      expect([f, job, delta >= 1]).toEqual([f, job, true]);
    }
  }

  // The survivors are still ready.
  for (const i of instances.filter((x) => !x.killed)) expect(await status(`${base(i)}/readyz`)).toBe(200);
});
