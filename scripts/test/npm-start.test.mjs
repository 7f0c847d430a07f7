// `npm start` (scripts/start.mjs) with every service, as real processes: SIGKILL one service, see it
// answer /readyz again within 20 s while the other never stopped answering, then Ctrl-C (SIGINT) and
// check nothing is left running. Infrastructure comes from KAFKA_BROKERS/MONGO_URL (the jest global
// setup); ports are shifted and databases, topics and consumer groups are this run's own, so it cannot
// collide with a developer's `npm start`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { testScope } from '@hangviet/testing';
import { MongoClient } from 'mongodb';
import { alive, portFree, services } from '../lib.mjs';

const root = join(__dirname, '..', '..');
const scope = testScope('npm_start');
const databasePrefix = `${scope.databaseName}_`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port offset under which every service's ports are free now (another run may hold 1000). */
async function freeOffset() {
  for (;;) {
    const offset = 1000 + 100 * Math.floor(Math.random() * 140);
    const ports = services({ portOffset: offset, mongoUrl: process.env.MONGO_URL }).flatMap((s) => [
      s.httpPort,
      s.grpcPort,
    ]);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return offset;
  }
}

async function ready(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

let supervisor;
let output = '';
const seenPids = new Set();

/** `npm start --no-build` under a port offset, with this run's databases and topics; resolves once it is up. */
async function startPlatform(offset) {
  output = '';
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: root,
    env: {
      ...process.env,
      HANGVIET_PORT_OFFSET: String(offset),
      HANGVIET_DB_PREFIX: databasePrefix,
      KAFKA_TOPIC_PREFIX: scope.topic(''),
      EVENT_TOPICS: scope.topic('hangviet.registry.business'),
      CONSUMER_GROUP: scope.group('notification'),
      KAFKA_CLIENT_ID: scope.group('notification'),
      SEED_DEMO_DATA: 'false',
      SMTP_URL: 'smtp://127.0.0.1:9',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Up: the start-up table names each service's pid.
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    await sleep(200);
  }
  return { child, exited };
}

/** A service's pid, from the start-up table npm start printed. */
const pidOf = (name) => Number(new RegExp(`${name.replace('/', '\\/')}\\s.*pid (\\d+)\\)`).exec(output)?.[1]);

afterAll(async () => {
  // Only when the test failed half-way: leave nothing behind.
  if (supervisor && supervisor.exitCode === null && supervisor.signalCode === null) {
    supervisor.kill('SIGINT');
    await new Promise((r) => supervisor.once('exit', r));
  }
  for (const pid of seenPids) if (alive(pid)) process.kill(-pid, 'SIGKILL');
  const client = await MongoClient.connect(process.env.MONGO_URL);
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases)
      if (name.startsWith(databasePrefix)) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}, 60_000);

it('restarts a service killed with SIGKILL while the others keep serving, and Ctrl-C leaves nothing running', async () => {
  const offset = await freeOffset();
  const list = services({ portOffset: offset, mongoUrl: process.env.MONGO_URL });
  expect(list.map((s) => s.name)).toEqual(
    expect.arrayContaining(['@hangviet/business-registry', '@hangviet/notification']),
  );

  const started = await startPlatform(offset);
  supervisor = started.child;
  const exited = started.exited;
  const [victim, other] = ['@hangviet/business-registry', '@hangviet/notification'].map((name) =>
    list.find((s) => s.name === name),
  );
  const victimPid = pidOf(victim.name);
  const otherPid = pidOf(other.name);
  for (const pid of [victimPid, otherPid]) seenPids.add(pid);
  expect(await ready(victim.readyUrl)).toBe(true);
  expect(await ready(other.readyUrl)).toBe(true);

  // The other service is polled throughout; every answer must be 200.
  const answers = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      answers.push(await ready(other.readyUrl));
      await sleep(100);
    }
  })();

  process.kill(victimPid, 'SIGKILL');
  const deadline = Date.now() + 20_000;
  let back;
  while (Date.now() < deadline) {
    back = Number(/business-registry \(pid (\d+)\) is ready again/.exec(output)?.[1]) || undefined;
    if (back && (await ready(victim.readyUrl))) break;
    back = undefined;
    await sleep(200);
  }
  polling = false;
  await poller;
  if (back) seenPids.add(back);

  expect(output).toMatch(
    new RegExp(
      `@hangviet/business-registry \\(pid ${victimPid}\\) exited with signal SIGKILL .*restarting in 1 s`,
    ),
  );
  expect(back).toBeDefined();
  expect(back).not.toBe(victimPid);
  expect(alive(victimPid)).toBe(false);
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.filter((ok) => !ok)).toEqual([]);
  expect(alive(otherPid)).toBe(true); // the very same process, never restarted
  expect(output).not.toMatch(/notification \(pid \d+\) exited/);

  supervisor.kill('SIGINT');
  expect(await exited).toEqual({ code: 0, signal: null });
  expect(output).toContain('[hangviet] stopped');
  expect([...seenPids].filter(alive)).toEqual([]);
  const ports = list.flatMap((s) => [s.httpPort, s.grpcPort]);
  expect(await Promise.all(ports.map(portFree))).toEqual(ports.map(() => true));
}, 180_000);

it('stops every service when the supervisor itself is killed with SIGKILL: no orphan keeps a port', async () => {
  const offset = await freeOffset();
  const list = services({ portOffset: offset, mongoUrl: process.env.MONGO_URL });
  const started = await startPlatform(offset);
  supervisor = started.child;
  const pids = list.map((s) => pidOf(s.name));
  expect(pids.every((pid) => pid > 0)).toBe(true);
  for (const pid of pids) seenPids.add(pid);

  supervisor.kill('SIGKILL');
  expect(await started.exited).toEqual({ code: null, signal: 'SIGKILL' });
  const ports = list.flatMap((s) => [s.httpPort, s.grpcPort]).filter(Boolean);
  // Each service shuts down on its own (its hooks are bounded by SHUTDOWN_TIMEOUT_MS, 10 s by default).
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && pids.some(alive)) await sleep(200);
  expect(pids.filter(alive)).toEqual([]);
  expect(await Promise.all(ports.map(portFree))).toEqual(ports.map(() => true));
}, 180_000);
