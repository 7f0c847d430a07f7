#!/usr/bin/env node
// `npm run chaos` (also a step of `npm test`): broker and database failures under steady load, on a PRIVATE
// Kafka + PostgreSQL + FerretDB (deploy/local/infra.mjs on other ports, state in .local/chaos), never the shared
// ones. The business registry and the notification service run against it with a partner webhook receiver;
// registrations arrive at a steady rate throughout. Then:
//   1. kill -9 the broker, keep it down a minute, start it again;
//   2. restart the database (PostgreSQL and FerretDB stopped, then started);
// and it checks that /readyz answered 503 during each outage and 200 again without restarting a service, that
// every registration acknowledged (201) is in the database, that its event is on the topic under one ce_id (copies
// the relay sent again after the broker's death are counted, and must be identical) and was delivered to the
// partner once (by webhook-id; repeated only while the database is down). Prints the recovery times; exits 1 on any
// broken promise.
// Bounded: every wait has a deadline derived from the start times this run measured (see readyAgainBoundMs), the
// services' output is kept in .local/logs/chaos-<service>.log, and the whole run stops after CHAOS_TIMEOUT_MS
// (default 15 min).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, portFree, root, say, services } from './lib.mjs';

const require = createRequire(import.meta.url);
const { mintDevToken } = require(join(root, 'libs', 'service-kit', 'dist', 'index.js'));
const { generateTaxCode } = require(join(root, 'libs', 'vn', 'dist', 'index.js'));
const { Kafka, logLevel } = require('kafkajs');

const SHARED_PORTS = new Set([9092, 9093, 27017, 5433, 1025, 8025]);
const ports = {
  kafka: Number(process.env.CHAOS_KAFKA_PORT ?? 19392),
  postgres: Number(process.env.CHAOS_PG_PORT ?? 15733),
  ferretdb: Number(process.env.CHAOS_FERRETDB_PORT ?? 37317),
};
const stateDir = join(root, '.local', 'chaos');
const logDir = join(root, '.local', 'logs');
const infraEnv = {
  ...process.env,
  HANGVIET_LOCAL_DIR: stateDir,
  HANGVIET_KAFKA_PORT: String(ports.kafka),
  HANGVIET_KAFKA_CONTROLLER_PORT: String(ports.kafka + 1),
  HANGVIET_PG_PORT: String(ports.postgres),
  HANGVIET_FERRETDB_PORT: String(ports.ferretdb),
};
const KAFKA = `127.0.0.1:${ports.kafka}`;
const MONGO = `mongodb://127.0.0.1:${ports.ferretdb}`;
const RATE_PER_S = 4;
// Kafka stays down a minute (writes must keep being acknowledged through the outbox meanwhile); the database is
// restarted at once.
const KAFKA_OUTAGE_MS = Number(process.env.CHAOS_KAFKA_OUTAGE_MS ?? 60_000);
const DATABASE_OUTAGE_MS = 0;
/**
 * The recovery bounds are derived from what this run measured on this machine, not fixed: a loaded machine starts
 * everything slower, and a bound fixed on a quiet one fails there at random. `servicesStartMs` is how long the
 * services took to become ready on the fresh infrastructure.
 *   - 503 within 30 s of the break having been made (the probe itself may take PROBE_TIMEOUT_MS);
 *   - ready again within max(60 s, 2 × servicesStartMs) of the dependency being back.
 */
const unreadyBoundMs = () => 30_000;
const readyAgainBoundMs = (servicesStartMs) => Math.max(60_000, 2 * servicesStartMs);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * deploy/local/infra.mjs with the private settings, asynchronously: a synchronous child would stop this process's
 * event loop (the load, the probes, the clients' timeouts) for as long as a broker takes to start.
 */
function infra(...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'deploy', 'local', 'infra.mjs'), ...args, '--json'], { env: infraEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`infra ${args.join(' ')}: ${err.trim().split('\n').pop()}`))));
  });
}
/** The same, blocking: only where the process is about to exit. */
function infraNow(...args) {
  spawnSync(process.execPath, [join(root, 'deploy', 'local', 'infra.mjs'), ...args], { env: infraEnv, stdio: 'ignore' });
}
const pidOf = (name) => Number(readFileSync(join(stateDir, 'run', `${name}.pid`), 'utf8'));

async function until(what, check, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

// A service bounds each readiness check at 2 s (service-kit's readiness), so a probe that gave up at 2 s would
// abandon every 503 that took its full bound to decide (a dead broker's check does): wait well past it.
const PROBE_TIMEOUT_MS = 6000;

async function readyStatus(s) {
  try {
    return (await fetch(s.readyUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })).status;
  } catch {
    return 0;
  }
}

const problems = [];
/** The services this run started (each in its own process group). */
const children = [];
const expect = (ok, message) => {
  if (!ok) problems.push(message);
  say(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

async function main() {
  for (const [name, port] of Object.entries(ports)) {
    if (SHARED_PORTS.has(port)) throw new Error(`CHAOS_${name.toUpperCase()}_PORT ${port} is a shared port: the chaos test never touches those`);
  }
  // A fresh private state each run (stopping a left-over private set first: its pid files are in stateDir).
  if (existsSync(join(stateDir, 'run'))) await infra('stop', 'kafka', 'postgres');
  rmSync(stateDir, { recursive: true, force: true });
  for (const port of [ports.kafka, ports.kafka + 1, ports.postgres, ports.ferretdb]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is in use: set CHAOS_KAFKA_PORT / CHAOS_PG_PORT / CHAOS_FERRETDB_PORT`);
  }
  mkdirSync(logDir, { recursive: true });
  say(`private Kafka ${KAFKA}, FerretDB ${MONGO} (PostgreSQL ${ports.postgres}), state in ${stateDir}`);
  const infraBegun = Date.now();
  await infra('start', 'kafka', 'ferretdb');
  say(`private infrastructure up in ${Date.now() - infraBegun} ms`);

  const keys = mkdtempSync(join(tmpdir(), 'hangviet-chaos-keys-'));
  const received = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        received.push({ id: String(req.headers['webhook-id']), subject: JSON.parse(body).subject, at: Date.now() });
      } catch {
        // a body that is not JSON is not ours to count
      }
      res.writeHead(204).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  try {
    await mintDevToken({ role: 'staff' }, keys);
    let offset = 12000; // fuzz.mjs, which may run beside this, starts at 11000; both put gRPC above the ephemeral ports
    while (!(await Promise.all(services({ portOffset: offset }).flatMap((s) => [s.httpPort, s.grpcPort].filter(Boolean)).map(portFree))).every(Boolean)) offset += 100;
    const list = services({ portOffset: offset, databasePrefix: 'chaos_', mongoUrl: MONGO }).filter((s) => ['business-registry', 'notification'].includes(s.folder));
    for (const s of list) {
      // Each service's whole output is kept (.local/logs/chaos-<service>.log): a failed run is read there.
      const log = openSync(join(logDir, `chaos-${s.folder}.log`), 'w');
      const child = spawn(s.command[0], s.command.slice(1), {
        cwd: s.dir,
        detached: true,
        stdio: ['ignore', log, 'pipe'],
        env: {
          ...process.env,
          ...s.env,
          KAFKA_BROKERS: KAFKA,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          AUTH_JWKS_FILE: join(keys, 'jwks.json'),
          SEED_DEMO_DATA: 'false',
          SMTP_URL: 'smtp://127.0.0.1:9',
          WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
          WEBHOOK_RETRY_SCHEDULE: '0,1s,2s,5s,10s,10s,10s,10s',
          WORKER_POLL_INTERVAL: '500ms',
          OUTBOX_SWEEP_INTERVAL_MS: '1000',
          OUTBOX_SWEEP_INTERVAL: '1s',
        },
      });
      let errors = '';
      child.stderr.on('data', (d) => {
        errors = (errors + d).slice(-3000);
        writeSync(log, d);
      });
      children.push({ ...s, child, errors: () => errors });
    }
    const servicesBegun = Date.now();
    for (const s of children) {
      // The first start is not under test; its time sets the recovery bounds. Generous: a cold, loaded machine.
      await until(`${s.folder} ready`, async () => {
        if (s.child.exitCode !== null) throw new Error(`${s.folder} exited with code ${s.child.exitCode} before it was ready`);
        return (await readyStatus(s)) === 200;
      }, 300_000).catch(async (err) => {
        const report = await fetch(s.readyUrl).then((r) => r.text(), () => 'no answer');
        throw new Error(`${err.message}; /readyz: ${report.slice(0, 400)}; stderr: ${s.errors().slice(-600)}`);
      });
    }
    const servicesStartMs = Date.now() - servicesBegun;
    say(`services ready in ${servicesStartMs} ms: recovery bound ${readyAgainBoundMs(servicesStartMs)} ms after each repair`);
    const registry = children.find((s) => s.folder === 'business-registry');
    const notification = children.find((s) => s.folder === 'notification');
    const staff = await mintDevToken({ role: 'staff', audience: 'hangviet' }, keys);
    const partner = await mintDevToken({ role: 'partner', partnerId: 'chaos-partner', audience: 'hangviet' }, keys);
    const headers = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    // Registrations under review reach only partners that staff granted `unpublished`: this one has it.
    const granted = await fetch(`http://127.0.0.1:${notification.httpPort}/v1/partners/chaos-partner/scopes`, {
      method: 'PUT',
      headers: headers(staff),
      body: JSON.stringify({ scopes: ['unpublished'] }),
    });
    if (granted.status !== 200) throw new Error(`granting the partner its scope failed: ${granted.status} ${await granted.text()}`);
    const subscribed = await fetch(`http://127.0.0.1:${notification.httpPort}/v1/webhook-endpoints`, {
      method: 'POST',
      headers: headers(partner),
      body: JSON.stringify({ url: `http://127.0.0.1:${receiver.address().port}/hook`, eventTypes: ['hangviet.registry.business.registered.v1'] }),
    });
    if (subscribed.status !== 201) throw new Error(`subscribing the partner failed: ${subscribed.status} ${await subscribed.text()}`);

    // Steady load: RATE_PER_S registrations a second, each with an Idempotency-Key, never retried.
    const acknowledged = new Set();
    let sent = 0;
    let refused = 0;
    const outcomes = new Map();
    const serverErrors = [];
    // Outcomes by the phase the request was sent in ('steady', or the outage under way).
    let phase = 'steady';
    const tally = (outcome, sentIn) => outcomes.set(`${outcome} (${sentIn})`, (outcomes.get(`${outcome} (${sentIn})`) ?? 0) + 1);
    let loading = true;
    const load = (async () => {
      let n = 0;
      while (loading) {
        const started = Date.now();
        n += 1;
        sent += 1;
        const sentIn = phase;
        fetch(`http://127.0.0.1:${registry.httpPort}/v1/businesses`, {
          method: 'POST',
          headers: { ...headers(staff), 'idempotency-key': randomUUID() },
          signal: AbortSignal.timeout(10_000),
          body: JSON.stringify({
            taxCode: generateTaxCode(100_000 + Math.floor(Math.random() * 800_000) + n, '77'),
            type: 'COMPANY',
            legalName: `Công ty TNHH Sự cố ${n}`,
            address: { provinceCode: '86', wardCode: '28903', street: '1 Quốc lộ 60' },
            industries: [{ edition: '2018', code: '1073' }],
            contact: { email: `chaos${n}@example.vn`, phone: '0912 345 678' },
            representative: { fullName: 'Trần Văn Sự', position: 'Giám đốc', phone: '0987654321' },
          }),
        })
          .then(async (res) => {
            tally(res.status, sentIn);
            if (res.status === 201) acknowledged.add((await res.json()).id);
            else {
              refused += 1;
              // A 5xx other than 503, or a 503 that does not say when to come back, breaks the API conventions.
              if (res.status >= 500 && (res.status !== 503 || !res.headers.get('retry-after'))) {
                serverErrors.push(`${res.status} (retry-after: ${res.headers.get('retry-after') ?? 'none'}) ${(await res.text()).slice(0, 300)}`);
              }
            }
          })
          .catch((err) => {
            tally(err.name === 'TimeoutError' ? 'timeout' : 'connection error', sentIn);
            refused += 1;
          });
        await sleep(Math.max(0, 1000 / RATE_PER_S - (Date.now() - started)));
      }
    })();

    const figures = [];
    /** When each outage began and when every service was ready again: where a repeated webhook fell. */
    const windows = [];
    /** Runs an outage: `breakIt`, wait for 503 on every service, `outageMs`, `repair`, wait for 200 on every service. */
    async function outage(name, outageMs, breakIt, repair) {
      await sleep(3000);
      const t0 = Date.now();
      const window = { name, from: t0, to: Infinity };
      windows.push(window);
      phase = name;
      let brokenAt;
      const broken = breakIt().then(() => (brokenAt = Date.now()));
      const unready = {};
      const answers = {};
      await Promise.all(
        children.map(async (s) => {
          const seen = new Map();
          await until(`${s.folder} /readyz 503 after ${name}`, async () => {
            const code = await readyStatus(s);
            seen.set(code, (seen.get(code) ?? 0) + 1);
            if (code !== 503 && brokenAt && Date.now() - brokenAt > unreadyBoundMs()) {
              throw new Error(`${s.folder} still answered ${code} ${unreadyBoundMs()} ms after ${name}`);
            }
            return code === 503;
          }, 600_000);
          unready[s.folder] = Date.now() - t0;
          // What /readyz answered before its first 503 (0: no answer within PROBE_TIMEOUT_MS).
          answers[s.folder] = [...seen].filter(([code]) => code !== 503).map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
        }),
      );
      await broken;
      await sleep(Math.max(0, outageMs - (Date.now() - t0)));
      const t1 = Date.now();
      let repaired;
      const repairing = repair().then(() => (repaired = Date.now() - t1));
      await Promise.all(
        children.map(async (s) => {
          await until(`${s.folder} /readyz 200 after ${name} came back`, async () => {
            if (s.child.exitCode !== null || s.child.signalCode !== null) throw new Error(`${s.folder} exited during ${name}: ${s.errors()}`);
            if (repaired !== undefined && Date.now() - t1 - repaired > readyAgainBoundMs(servicesStartMs)) {
              throw new Error(`${s.folder} not ready ${readyAgainBoundMs(servicesStartMs)} ms after ${name} was repaired`);
            }
            return (await readyStatus(s)) === 200;
          }, 900_000);
          await repairing;
          phase = 'steady';
          figures.push({ outage: name, service: s.folder, unreadyAfterMs: unready[s.folder], before: answers[s.folder], readyAfterRestartMs: Date.now() - t1, restartTookMs: repaired });
        }),
      );
    }

    const outageDone = (name) => (windows.find((w) => w.name === name).to = Date.now());
    await outage(
      'Kafka kill -9',
      KAFKA_OUTAGE_MS,
      async () => process.kill(pidOf('kafka'), 'SIGKILL'),
      () => infra('start', 'kafka'),
    );
    outageDone('Kafka kill -9');
    await outage(
      'database restart',
      DATABASE_OUTAGE_MS,
      () => infra('stop', 'postgres'),
      () => infra('start', 'ferretdb'),
    );
    outageDone('database restart');
    await sleep(3000);
    loading = false;
    await load;
    await sleep(10_000); // requests in flight finish (10 s timeout)

    for (const f of figures) {
      say(`${f.outage}: ${f.service} answered 503 ${f.unreadyAfterMs} ms after the break began (before that: ${f.before}), ready again ${f.readyAfterRestartMs} ms after the restart began (the restart itself took ${f.restartTookMs} ms)`);
    }
    say(`load: ${sent} registrations sent, ${acknowledged.size} acknowledged (201), ${refused} refused or failed (${[...outcomes].map(([k, v]) => `${k}: ${v}`).join(', ')})`);
    expect(children.every((s) => s.child.exitCode === null && s.child.signalCode === null), 'no service exited or was restarted');
    expect(acknowledged.size > 0, 'registrations were acknowledged');
    const duringKafka = outcomes.get('201 (Kafka kill -9)') ?? 0;
    expect(duringKafka > 0, `writes were acknowledged while Kafka was down (${duringKafka}, through the outbox)`);
    expect(serverErrors.length === 0, `no 5xx but 503 with Retry-After (${serverErrors.length}${serverErrors.length ? `: ${serverErrors.slice(0, 3).join(' | ')}` : ''})`);

    // Every acknowledged write is in the database.
    let missing = 0;
    for (const id of acknowledged) {
      const res = await fetch(`http://127.0.0.1:${registry.httpPort}/v1/businesses/${id}`, { headers: headers(staff) });
      if (res.status !== 200) missing += 1;
    }
    expect(missing === 0, `every acknowledged registration is in the database (${acknowledged.size - missing} of ${acknowledged.size})`);

    // Its event is on the topic, under one identity. Publication is at-least-once (ARCHITECTURE.md, "Outbox without
    // transactions"): a batch the broker wrote as it was killed, but never acknowledged, is sent again by the relay,
    // as the same events (same ce_id, same bytes), which every consumer drops by ce_id. So the topic may hold copies;
    // what must hold is one ce_id per registration, identical copies, and no effect doubled downstream (the webhook
    // check below, by webhook-id). Exactly once on the topic would take Kafka transactions in the relay.
    const kafka = new Kafka({ clientId: 'chaos-count', brokers: [KAFKA], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `chaos-count-${Date.now()}` });
    const events = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'hangviet.registry.business', fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (String(message.headers?.ce_type) === 'hangviet.registry.business.registered.v1') {
          events.push({ id: String(message.headers.ce_id), subject: String(message.headers.ce_subject), body: message.value?.toString('base64') ?? '' });
        }
      },
    });
    await until('an event for every acknowledged registration', () => [...acknowledged].every((id) => events.some((e) => e.subject === id)), 60_000).catch(() => {});
    await sleep(2000);
    await consumer.disconnect();
    const byId = new Map();
    for (const e of events) byId.set(e.id, (byId.get(e.id) ?? 0) + 1);
    const bySubject = new Map();
    for (const e of events) bySubject.set(e.subject, (bySubject.get(e.subject) ?? 0) + 1);
    const idsOf = new Map();
    for (const e of events) idsOf.set(e.subject, new Set([...(idsOf.get(e.subject) ?? []), e.id]));
    const bodiesOf = new Map();
    for (const e of events) bodiesOf.set(e.id, new Set([...(bodiesOf.get(e.id) ?? []), e.body]));
    expect([...acknowledged].every((id) => bySubject.get(id) >= 1), `each acknowledged registration's event is on the topic (${[...acknowledged].filter((id) => bySubject.get(id) >= 1).length} of ${acknowledged.size})`);
    expect([...acknowledged].every((id) => idsOf.get(id)?.size === 1), `each registration's event has one identity: its copies carry one ce_id (${[...acknowledged].filter((id) => idsOf.get(id)?.size === 1).length} of ${acknowledged.size})`);
    expect([...bodiesOf.values()].every((b) => b.size === 1), `copies of an event are identical (${[...bodiesOf.values()].filter((b) => b.size === 1).length} of ${bodiesOf.size} ce_id)`);
    say(`events on the topic: ${events.length} messages, ${byId.size} distinct ce_id: ${events.length - byId.size} copies sent again after the broker's failure (at-least-once; consumers drop them by ce_id)`);

    // Delivered to the partner once, by webhook-id (one message per event).
    await until('every event delivered to the partner', () => [...acknowledged].every((id) => received.some((r) => r.subject === id)), 90_000).catch(() => {});
    await sleep(3000);
    const deliveries = new Map();
    for (const r of received) deliveries.set(r.id, (deliveries.get(r.id) ?? 0) + 1);
    const deliveredSubjects = new Set(received.map((r) => r.subject));
    expect([...acknowledged].every((id) => deliveredSubjects.has(id)), `each acknowledged registration was delivered to the partner (${[...acknowledged].filter((id) => deliveredSubjects.has(id)).length} of ${acknowledged.size})`);
    const begun = windows[0]?.from ?? 0;
    for (const [id, count] of deliveries) {
      if (count < 2) continue;
      const times = received.filter((r) => r.id === id).map((r) => {
        const w = windows.find((x) => r.at >= x.from && r.at <= x.to);
        return `${((r.at - begun) / 1000).toFixed(1)} s${w ? ` (during ${w.name})` : ''}`;
      });
      say(`webhook ${id} received ${count} times, at ${times.join(', ')} after the first outage began (${windows.map((w) => `${w.name}: ${((w.from - begun) / 1000).toFixed(1)}–${((w.to - begun) / 1000).toFixed(1)} s`).join('; ')})`);
    }
    // At-least-once, by Standard Webhooks: a POST made while the database goes down may find no database to record it
    // in, and is made again under the same webhook-id (the partner drops it). Only there: a webhook repeated with a
    // receipt outside the database's outage is a defect.
    const database = windows.find((w) => w.name === 'database restart');
    const inOutage = (r) => database && r.at >= database.from && r.at <= database.to;
    const repeated = [...deliveries].filter(([, c]) => c > 1).map(([id]) => id);
    const excused = repeated.filter((id) => received.filter((r) => r.id === id).every(inOutage));
    expect(
      repeated.length === excused.length,
      `no webhook delivered twice but while the database was down (${received.length} requests, ${deliveries.size} distinct webhook-id; ${excused.length} repeated during the database restart, ${repeated.length - excused.length} elsewhere)`,
    );
  } finally {
    for (const s of children) if (alive(s.child.pid)) process.kill(-s.child.pid, 'SIGTERM');
    await sleep(1500);
    for (const s of children) if (alive(s.child.pid)) process.kill(-s.child.pid, 'SIGKILL');
    receiver.closeAllConnections();
    receiver.close();
    rmSync(keys, { recursive: true, force: true });
    try {
      await infra('stop', 'kafka', 'postgres');
    } catch (err) {
      say(`stopping the private infrastructure failed: ${err.message}`);
      problems.push('the private infrastructure did not stop');
    }
  }
}

// A last resort only: every wait above has its own bound.
const timeout = setTimeout(() => {
  say(`chaos: over ${Number(process.env.CHAOS_TIMEOUT_MS ?? 900_000) / 1000} s, giving up`);
  for (const s of children) if (alive(s.child.pid)) process.kill(-s.child.pid, 'SIGKILL');
  try {
    infraNow('stop', 'kafka', 'postgres');
  } finally {
    process.exit(1);
  }
}, Number(process.env.CHAOS_TIMEOUT_MS ?? 900_000));
timeout.unref();

main().then(
  () => {
    say(problems.length ? `chaos: ${problems.length} failed: ${problems.join('; ')}` : 'chaos: every check passed');
    process.exit(problems.length ? 1 : 0);
  },
  (err) => {
    say(`chaos: ${err.message}`);
    process.exit(1);
  },
);
