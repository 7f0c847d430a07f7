#!/usr/bin/env node
// Local infrastructure without Docker: Apache Kafka 3.9.1 (KRaft, one node) from Maven Central
// jars, FerretDB v1.24.2 (SQLite backend) built with Go, and a local mail sink, run as plain
// processes under .local/.
//
//   node deploy/local/infra.mjs provision|start|stop|status [kafka] [ferretdb] [mailsink] [--json]
//
// Provisioning is cached: jars and the FerretDB binary are fetched or built once. `start` is
// idempotent: a component already running is reported and left alone. Every failure ends with
// one line naming the cause and the fix, and a non-zero exit code.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const local = process.env.HANGVIET_LOCAL_DIR ?? join(root, '.local');
const logs = join(local, 'logs');

class InfraError extends Error {}
const fail = (message) => {
  throw new InfraError(message);
};

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function requireTool(cmd, why, fix) {
  if (!which(cmd)) fail(`${cmd} is missing (needed ${why}): ${fix}`);
}

function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 15) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

// A directory lock so that concurrent callers (several jest processes, npm start and npm test)
// do not provision or start the same component twice.
async function withLock(name, fn) {
  mkdirSync(local, { recursive: true });
  const lock = join(local, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(readFileSafe(join(lock, 'pid')));
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) fail(`lock ${lock} is held by pid ${owner}: remove it if that process is gone`);
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readFileSafe(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function log(message) {
  if (!json) console.error(`[infra] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Components

const kafka = {
  name: 'kafka',
  dir: join(local, 'kafka'),
  port: 9092,
  ports: [9092, 9093],
  url: '127.0.0.1:9092',
  env: { KAFKA_BROKERS: '127.0.0.1:9092' },
  readyLine: /Kafka Server started/,

  provisioned() {
    return existsSync(join(this.dir, 'lib', 'kafka_2.13-3.9.1.jar'));
  },

  provision() {
    if (this.provisioned()) return;
    requireTool('java', 'to run Kafka', 'install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)');
    requireTool('mvn', 'to fetch the Kafka jars', 'install Maven (e.g. apt-get install maven)');
    log('fetching Apache Kafka 3.9.1 jars with Maven (first run only)…');
    const staging = join(this.dir, 'lib.partial');
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    const result = spawnSync(
      'mvn',
      ['-q', '-B', '-f', join(here, 'kafka', 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`],
      { encoding: 'utf8' },
    );
    writeFileSync(join(logs, 'kafka-provision.log'), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) {
      fail(`downloading the Kafka jars failed (mvn exit ${result.status}): check access to Maven Central; details in ${join(logs, 'kafka-provision.log')}`);
    }
    rmSync(join(this.dir, 'lib'), { recursive: true, force: true });
    renameSync(staging, join(this.dir, 'lib'));
  },

  configure() {
    const data = join(this.dir, 'data');
    mkdirSync(data, { recursive: true });
    const properties = join(this.dir, 'server.properties');
    writeFileSync(
      properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        'controller.quorum.voters=1@127.0.0.1:9093',
        'listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
        'advertised.listeners=PLAINTEXT://127.0.0.1:9092',
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=PLAINTEXT',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        `log.dirs=${data}`,
        'num.partitions=3',
        'auto.create.topics.enable=true',
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=6',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        'log.retention.hours=168',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(this.dir, 'log4j.properties'),
      [
        'log4j.rootLogger=INFO, stdout',
        'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
        'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
        'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
        'log4j.logger.kafka=INFO',
        'log4j.logger.org.apache.kafka=WARN',
        'log4j.logger.state.change.logger=WARN',
        '',
      ].join('\n'),
    );
    const classpath = `${join(this.dir, 'lib')}/*`;
    if (!existsSync(join(data, 'meta.properties'))) {
      log('formatting Kafka storage (first start)…');
      const java = (...args) =>
        execFileSync('java', [`-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`, '-cp', classpath, 'kafka.tools.StorageTool', ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      const clusterId = java('random-uuid').trim();
      java('format', '-t', clusterId, '-c', properties, '--ignore-formatted');
    }
    return {
      command: 'java',
      args: [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+UseG1GC',
        `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
        `-Dkafka.logs.dir=${logs}`,
        '-cp',
        classpath,
        'kafka.Kafka',
        properties,
      ],
    };
  },
};

// FerretDB v1.24.2 needs three changes for hangviet, applied to a vendored copy of its sources at build
// time (each explained in the overlay file it brings or next to its insertion):
// - atomic single-document updates: a per-collection lock around read-modify-write
//   (overlay/hangviet_lock.go);
// - _id filters answered from the _id index also when the filter has other fields, and for `$in`
//   (overlay/hangviet_id_pushdown.go);
// - an update command releases each statement's read before the next: upstream defers it to the end of
//   the command, so one bulk update of 100 statements holds all 100 SQLite connections and deadlocks;
// - _id lookups written as the _id index is (`->"_id"`): upstream queries `->'$._id'`, an expression
//   SQLite does not match to that index, so every lookup by _id scanned and parsed the whole table.
const FERRETDB_OVERLAYS = [
  { file: 'hangviet_lock.go', into: 'internal/handler' },
  { file: 'hangviet_id_pushdown.go', into: 'internal/backends/sqlite' },
];

const FERRETDB_PATCHES = [
  {
    file: 'internal/handler/msg_update.go',
    after: 'func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {\n',
    insert: '\tdefer hangvietLockCollection(params.DB, params.Collection)()\n',
  },
  {
    file: 'internal/handler/msg_update.go',
    after: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n',
    insert: '\t\tres.Iter.Close()\n',
  },
  {
    file: 'internal/handler/msg_findandmodify.go',
    after: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {\n',
    insert: '\tdefer hangvietLockCollection(params.DB, params.Collection)()\n',
  },
  {
    file: 'internal/handler/msg_delete.go',
    before: '\tfor i, p := range params.Deletes {\n',
    insert: '\tdefer hangvietLockCollection(params.DB, params.Collection)()\n',
  },
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    replace: `\tIDColumn = DefaultColumn + "->'$._id'"\n`,
    insert: '\tIDColumn = DefaultColumn + `->"_id"`\n',
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    before: '\tq += whereClause\n',
    insert: '\tif where, whereArgs, ok := hangvietIDWhere(params.Filter); ok {\n\t\twhereClause, args = where, whereArgs\n\t}\n\n',
  },
];

/**
 * Prepares a build directory with the wrapper module and a vendored, patched copy of FerretDB
 * (Go refuses overlays of files in the module cache, so the patch goes into vendor/); returns it.
 */
function ferretdbBuildDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['main.go', 'go.mod', 'go.sum']) writeFileSync(join(dir, file), readFileSync(join(here, 'ferretdb', file)));
  const vendor = spawnSync('go', ['mod', 'vendor'], { cwd: dir, encoding: 'utf8' });
  if (vendor.status !== 0) {
    fail(`fetching FerretDB's sources failed (go exit ${vendor.status}): check access to the Go module proxy; ${vendor.stderr.trim().split('\n').pop()}`);
  }
  const upstream = join(dir, 'vendor', 'github.com', 'FerretDB', 'FerretDB');
  for (const overlay of FERRETDB_OVERLAYS) {
    writeFileSync(join(upstream, overlay.into, overlay.file), readFileSync(join(here, 'ferretdb', 'overlay', overlay.file)));
  }
  for (const patch of FERRETDB_PATCHES) {
    const file = join(upstream, patch.file);
    const original = readFileSync(file, 'utf8');
    const anchor = patch.after ?? patch.before ?? patch.replace;
    const at = original.indexOf(anchor);
    if (at < 0 || original.indexOf(anchor, at + 1) >= 0) {
      fail(`cannot patch FerretDB's ${patch.file}: its code is not what the patch expects (is go.mod still on FerretDB v1.24.2?)`);
    }
    const cut = patch.after ? at + anchor.length : at;
    const resume = patch.replace ? at + anchor.length : cut;
    writeFileSync(file, original.slice(0, cut) + patch.insert + original.slice(resume));
  }
  return dir;
}

const ferretdb = {
  name: 'ferretdb',
  dir: join(local, 'ferretdb'),
  port: 27017,
  ports: [27017],
  url: 'mongodb://127.0.0.1:27017',
  env: { MONGO_URL: 'mongodb://127.0.0.1:27017' },
  readyLine: null,

  binary() {
    return join(this.dir, 'bin', 'ferretdb');
  },

  // The binary is rebuilt when the wrapper module, its overlay or the patch below changes.
  sourceHash() {
    const src = join(here, 'ferretdb');
    const hash = createHash('sha256').update(JSON.stringify(FERRETDB_PATCHES));
    for (const file of ['main.go', 'go.mod', 'go.sum', ...FERRETDB_OVERLAYS.map((o) => join('overlay', o.file))]) {
      hash.update(file).update(readFileSync(join(src, file)));
    }
    return hash.digest('hex');
  },

  provisioned() {
    return existsSync(this.binary()) && readFileSafe(join(this.dir, 'bin', 'source.sha256')) === this.sourceHash();
  },

  provision() {
    if (this.provisioned()) return;
    requireTool('go', 'to build FerretDB', 'install Go ≥ 1.22 (https://go.dev/dl) and make sure `go` is on PATH');
    log('building FerretDB v1.24.2 with Go (first run only, a few minutes)…');
    mkdirSync(join(this.dir, 'bin'), { recursive: true });
    const build = ferretdbBuildDir(join(this.dir, 'build'));
    const result = spawnSync('go', ['build', '-mod=vendor', '-trimpath', '-o', `${this.binary()}.partial`, '.'], {
      cwd: build,
      env: { ...process.env, CGO_ENABLED: '0' },
      encoding: 'utf8',
    });
    writeFileSync(join(logs, 'ferretdb-provision.log'), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) {
      fail(`building FerretDB failed (go exit ${result.status}): check access to the Go module proxy; details in ${join(logs, 'ferretdb-provision.log')}`);
    }
    renameSync(`${this.binary()}.partial`, this.binary());
    writeFileSync(join(this.dir, 'bin', 'source.sha256'), this.sourceHash());
  },

  configure() {
    const data = join(this.dir, 'data');
    mkdirSync(data, { recursive: true });
    return { command: this.binary(), args: ['-listen', '127.0.0.1:27017', '-data', data] };
  },
};

// A local SMTP sink with a Mailpit-like JSON API (deploy/local/mail-sink), so that mail the
// notification service sends can be read: GET http://127.0.0.1:8025/api/v1/messages.
const mailsink = {
  name: 'mailsink',
  dir: join(local, 'mailsink'),
  port: 8025,
  ports: [1025, 8025],
  url: 'smtp://127.0.0.1:1025 (messages at http://127.0.0.1:8025/api/v1/messages)',
  env: { SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_SINK_URL: 'http://127.0.0.1:8025' },
  readyLine: /SMTP 127\.0\.0\.1:1025/,

  provisioned() {
    return existsSync(join(root, 'node_modules', 'smtp-server')) || existsSync(join(here, 'mail-sink', 'node_modules', 'smtp-server'));
  },

  provision() {
    if (!this.provisioned()) fail('the mail sink needs its dependencies: run `npm install` at the repository root');
  },

  configure() {
    mkdirSync(this.dir, { recursive: true });
    return { command: process.execPath, args: [join(here, 'mail-sink', 'cli.js')] };
  },
};

const components = { kafka, ferretdb, mailsink };

// ---------------------------------------------------------------------------------------------
// Lifecycle

function pidFile(c) {
  return join(local, 'run', `${c.name}.pid`);
}

function runningPid(c) {
  const pid = Number(readFileSafe(pidFile(c)));
  return pid && alive(pid) ? pid : 0;
}

async function start(c) {
  const pid = runningPid(c);
  if (pid && (await portOpen(c.port))) {
    log(`${c.name} is already running (pid ${pid}) on ${c.url}: nothing changed`);
    return { name: c.name, url: c.url, pid, started: false };
  }
  for (const port of c.ports) {
    if (await portOpen(port)) {
      fail(`port ${port} is taken by another process, so ${c.name} cannot start: stop that process (\`ss -ltnp 'sport = :${port}'\` names it) or point ${Object.keys(c.env)[0]} at a running ${c.name}`);
    }
  }
  c.provision();
  const { command, args } = c.configure();
  const logFile = join(logs, `${c.name}.log`);
  const offset = existsSync(logFile) ? statSync(logFile).size : 0;
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  mkdirSync(join(local, 'run'), { recursive: true });
  writeFileSync(pidFile(c), String(child.pid));
  log(`starting ${c.name} (pid ${child.pid}), log in ${logFile}`);

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!alive(child.pid)) fail(`${c.name} exited during start-up; last lines of ${logFile}:\n${tail(logFile)}`);
    const ready = (await portOpen(c.port)) && (!c.readyLine || c.readyLine.test(readFileSync(logFile).subarray(offset).toString('utf8')));
    if (ready) {
      log(`${c.name} is ready on ${c.url}`);
      return { name: c.name, url: c.url, pid: child.pid, started: true };
    }
    await sleep(300);
  }
  process.kill(child.pid, 'SIGKILL');
  fail(`${c.name} did not become ready within 120 s; last lines of ${logFile}:\n${tail(logFile)}`);
}

async function stop(c) {
  const pid = runningPid(c);
  if (!pid) {
    log(`${c.name} is not running`);
    return { name: c.name, stopped: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile(c), { force: true });
  log(`${c.name} stopped`);
  return { name: c.name, stopped: true };
}

async function status(c) {
  const pid = runningPid(c);
  const up = pid ? await portOpen(c.port) : false;
  log(`${c.name}: ${up ? `running (pid ${pid}) on ${c.url}` : pid ? `process ${pid} alive but not answering on ${c.url}` : 'stopped'}${c.provisioned() ? '' : ', not provisioned'}`);
  return { name: c.name, url: c.url, pid, running: up, provisioned: c.provisioned() };
}

// ---------------------------------------------------------------------------------------------
// CLI

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const command = argv.find((a) => !a.startsWith('--')) ?? 'status';
const named = argv.filter((a) => !a.startsWith('--') && a !== command);

async function main() {
  const selected = (named.length ? named : Object.keys(components)).map(
    (n) => components[n] ?? fail(`unknown component "${n}": use ${Object.keys(components).join(', ')}`),
  );
  mkdirSync(logs, { recursive: true });
  const results = [];
  switch (command) {
    case 'provision':
      await withLock('infra', async () => selected.forEach((c) => c.provision()));
      break;
    case 'start':
      // Provision both first so that a slow build does not leave one component running alone.
      await withLock('infra', async () => {
        for (const c of selected) c.provision();
        for (const c of selected) results.push(await start(c));
      });
      break;
    case 'stop':
      for (const c of selected) results.push(await stop(c));
      break;
    case 'status':
      for (const c of selected) results.push(await status(c));
      break;
    default:
      fail(`unknown command "${command}": use provision, start, stop or status`);
  }
  if (json) {
    const env = Object.assign({}, ...selected.map((c) => c.env));
    process.stdout.write(`${JSON.stringify({ command, results, env })}\n`);
  }
}

main().catch((err) => {
  if (err instanceof InfraError) {
    console.error(`[infra] error: ${err.message}`);
  } else {
    console.error(`[infra] unexpected failure: ${err.stack ?? err}`);
  }
  process.exit(1);
});
