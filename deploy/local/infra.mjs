#!/usr/bin/env node
// Local infrastructure without Docker: Apache Kafka 3.9.1 (KRaft, one node) from Maven Central
// jars, a private PostgreSQL 15 cluster from the operating system's packages, FerretDB v1.24.2
// (PostgreSQL handler, patched) built with Go, and a local mail sink, run as plain processes
// under .local/.
//
//   node deploy/local/infra.mjs provision|start|stop|status [kafka] [postgres] [ferretdb] [mailsink] [--json]
//
// FerretDB needs PostgreSQL: naming ferretdb alone brings postgres with it (started first, stopped last).
//
// Provisioning is cached: jars and the FerretDB binary are fetched or built once. `start` is
// idempotent: a component already running is reported and left alone. Every failure ends with
// one line naming the cause and the fix, and a non-zero exit code.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
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
// State (data, logs, pids) under HANGVIET_LOCAL_DIR; what is fetched or built once (the Kafka jars, the FerretDB
// binary) under HANGVIET_TOOLS_DIR, so a private set of processes on other ports (the chaos test) reuses them.
const local = process.env.HANGVIET_LOCAL_DIR ?? join(root, '.local');
const tools = process.env.HANGVIET_TOOLS_DIR ?? join(root, '.local');
const logs = join(local, 'logs');

/** A port from the environment, or the default; a bad value stops with one line naming the variable. */
function envPort(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}: expected a port number 1–65535, got '${text}'`);
  return port;
}

class InfraError extends Error {}
const fail = (message) => {
  throw new InfraError(message);
};

const KAFKA_PORT = envPort('HANGVIET_KAFKA_PORT', 9092);
const KAFKA_CONTROLLER_PORT = envPort('HANGVIET_KAFKA_CONTROLLER_PORT', KAFKA_PORT + 1);
const FERRETDB_PORT = envPort('HANGVIET_FERRETDB_PORT', 27017);

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
      else if (Date.now() > deadline)
        fail(`lock ${lock} is held by pid ${owner}: remove it if that process is gone`);
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
  lib: join(tools, 'kafka', 'lib'),
  port: KAFKA_PORT,
  ports: [KAFKA_PORT, KAFKA_CONTROLLER_PORT],
  url: `127.0.0.1:${KAFKA_PORT}`,
  env: { KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}` },
  readyLine: /Kafka Server started/,

  provisioned() {
    return existsSync(join(this.lib, 'kafka_2.13-3.9.1.jar'));
  },

  provision() {
    if (this.provisioned()) return;
    requireTool('java', 'to run Kafka', 'install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)');
    requireTool('mvn', 'to fetch the Kafka jars', 'install Maven (e.g. apt-get install maven)');
    log('fetching Apache Kafka 3.9.1 jars with Maven (first run only)…');
    const staging = `${this.lib}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(this.lib), { recursive: true });
    const result = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(here, 'kafka', 'pom.xml'),
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${staging}`,
      ],
      { encoding: 'utf8' },
    );
    writeFileSync(join(logs, 'kafka-provision.log'), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) {
      fail(
        `downloading the Kafka jars failed (mvn exit ${result.status}): check access to Maven Central; details in ${join(logs, 'kafka-provision.log')}`,
      );
    }
    rmSync(this.lib, { recursive: true, force: true });
    renameSync(staging, this.lib);
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
        `controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}`,
        `listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}`,
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
    mkdirSync(this.dir, { recursive: true });
    const classpath = `${this.lib}/*`;
    if (!existsSync(join(data, 'meta.properties'))) {
      log('formatting Kafka storage (first start)…');
      const java = (...args) =>
        execFileSync(
          'java',
          [
            `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
            '-cp',
            classpath,
            'kafka.tools.StorageTool',
            ...args,
          ],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
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

// PostgreSQL 15 (or newer) from the operating system's packages, as a private cluster under
// .local/postgres on its own port. initdb refuses to run as root, so as root the cluster belongs to an
// unprivileged system user this script creates. Settings are for a development database on one machine
// (see postgresFlags): a crash of the machine may lose the last commits, never a process crash.
const PG_USER = 'hangviet';
const PG_PORT = Number(process.env.HANGVIET_PG_PORT ?? 5433);

/** The directory of initdb/postgres/pg_ctl: $HANGVIET_PG_BIN, the newest /usr/lib/postgresql/N/bin (N ≥ 15), or PATH. */
function postgresBin() {
  if (process.env.HANGVIET_PG_BIN) return process.env.HANGVIET_PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .map(Number)
        .filter((v) => v >= 15 && existsSync(join(base, String(v), 'bin', 'initdb')))
        .sort((a, b) => b - a)
    : [];
  if (versions.length) return join(base, String(versions[0]), 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return dirname(onPath);
  fail(
    'PostgreSQL ≥ 15 server binaries are missing (initdb, postgres): install them, e.g. `apt-get install postgresql-15`',
  );
}

/** The uid/gid the cluster runs as: ours, or (as root) those of PG_USER, created when missing. */
function postgresIdentity() {
  if (process.getuid() !== 0) return {};
  const id = (flag) => spawnSync('id', [flag, PG_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', PG_USER],
      { encoding: 'utf8' },
    );
    if (made.status !== 0)
      fail(
        `cannot create the system user ${PG_USER} for PostgreSQL (initdb refuses root): ${made.stderr.trim()}`,
      );
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

// Chosen for a development database on a 2-core machine (measured, see the root README):
// - fsync/full_page_writes off, synchronous_commit off: no disk flush per commit; a process crash loses
//   nothing, a power cut may lose the cluster (rebuild it with `rm -rf .local/postgres`);
// - max_connections 100: FerretDB's pool takes up to 50 (pool_max_conns below) plus a few for psql;
// - plan_cache_mode force_custom_plan: FerretDB's statements are prepared and cached; generic plans
//   cannot tell a 1 % token from a 30 % one, and planning costs far less than a wrong plan;
// - jit off: compiling a query costs tens of milliseconds, more than any query here takes;
// - no Unix socket (its default directory belongs to the system's PostgreSQL), TCP on loopback only.
function postgresFlags() {
  return [
    `port=${PG_PORT}`,
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'max_connections=100',
    'shared_buffers=256MB',
    'work_mem=16MB',
    'maintenance_work_mem=128MB',
    'effective_cache_size=1GB',
    'random_page_cost=1.1',
    'fsync=off',
    'full_page_writes=off',
    'synchronous_commit=off',
    'wal_level=minimal',
    'max_wal_senders=0',
    'max_wal_size=1GB',
    'checkpoint_timeout=15min',
    'plan_cache_mode=force_custom_plan',
    'jit=off',
    'logging_collector=off',
    'log_min_messages=warning',
    'log_min_duration_statement=-1',
  ].flatMap((setting) => ['-c', setting]);
}

const postgres = {
  name: 'postgres',
  dir: join(local, 'postgres'),
  port: PG_PORT,
  ports: [PG_PORT],
  url: `postgres://ferretdb@127.0.0.1:${PG_PORT}/postgres`,
  env: { HANGVIET_PG_URL: `postgres://ferretdb@127.0.0.1:${PG_PORT}/postgres` },
  readyLine: /database system is ready to accept connections/,

  data() {
    return join(this.dir, 'data');
  },

  provisioned() {
    return existsSync(join(this.data(), 'PG_VERSION'));
  },

  provision() {
    if (this.provisioned()) return;
    const bin = postgresBin();
    const identity = postgresIdentity();
    log(`creating a PostgreSQL cluster in ${this.data()} (first run only)…`);
    const staging = `${this.data()}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    if (identity.uid !== undefined) {
      // The parents must be traversable by the cluster's user; the data directory must be its own.
      // Every directory from the repository down (.local may have been made 0700 by another tool).
      const parents = [];
      for (let d = this.dir; d.startsWith(`${root}/`) && d !== root; d = dirname(d)) parents.push(d);
      for (const d of parents.length ? parents : [local, this.dir]) chmodSync(d, statSync(d).mode | 0o011);
      chownSync(staging, identity.uid, identity.gid);
    }
    // C locale: text and jsonb strings compare byte by byte, which for UTF-8 is MongoDB's binary order.
    const result = spawnSync(
      join(bin, 'initdb'),
      [
        '-D',
        staging,
        '--username=ferretdb',
        '--auth-local=trust',
        '--auth-host=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      { encoding: 'utf8', ...identity },
    );
    writeFileSync(join(logs, 'postgres-provision.log'), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0)
      fail(`initdb failed (exit ${result.status}); details in ${join(logs, 'postgres-provision.log')}`);
    // Trust on loopback only: initdb's defaults also name local sockets, which are off.
    writeFileSync(
      join(staging, 'pg_hba.conf'),
      'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n',
    );
    if (identity.uid !== undefined) chownSync(join(staging, 'pg_hba.conf'), identity.uid, identity.gid);
    renameSync(staging, this.data());
  },

  configure() {
    const bin = postgresBin();
    return {
      command: join(bin, 'postgres'),
      args: ['-D', this.data(), ...postgresFlags()],
      options: postgresIdentity(),
    };
  },

  // Fast shutdown (SIGINT semantics): open client connections are closed instead of waited for.
  stop() {
    const result = spawnSync(
      join(postgresBin(), 'pg_ctl'),
      ['stop', '-D', this.data(), '-m', 'fast', '-w', '-t', '60'],
      { encoding: 'utf8', ...postgresIdentity() },
    );
    return result.status === 0;
  },
};

// FerretDB v1.24.2 with its PostgreSQL handler, built from the wrapper module in deploy/local/ferretdb:
// `go mod vendor`, then every deploy/local/ferretdb/patches/*.patch applied in name order with
// `patch -p1` inside vendor/github.com/FerretDB/FerretDB. Each patch starts with why it exists.
const FERRETDB_SOURCES = join(here, 'ferretdb');

function ferretdbPatches() {
  return readdirSync(join(FERRETDB_SOURCES, 'patches'))
    .filter((f) => f.endsWith('.patch'))
    .sort();
}

/** Prepares a build directory with the wrapper module and a vendored, patched copy of FerretDB; returns it. */
function ferretdbBuildDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['main.go', 'go.mod', 'go.sum'])
    writeFileSync(join(dir, file), readFileSync(join(FERRETDB_SOURCES, file)));
  // Go refuses edits of files in the module cache, so the patches go into a vendored copy.
  const vendor = spawnSync('go', ['mod', 'vendor'], { cwd: dir, encoding: 'utf8' });
  if (vendor.status !== 0) {
    fail(
      `fetching FerretDB's sources failed (go exit ${vendor.status}): check access to the Go module proxy; ${vendor.stderr.trim().split('\n').pop()}`,
    );
  }
  const upstream = join(dir, 'vendor', 'github.com', 'FerretDB', 'FerretDB');
  for (const patch of ferretdbPatches()) {
    const applied = spawnSync(
      'patch',
      [
        '-p1',
        '--forward',
        '--batch',
        '--no-backup-if-mismatch',
        '-i',
        join(FERRETDB_SOURCES, 'patches', patch),
      ],
      { cwd: upstream, encoding: 'utf8' },
    );
    if (applied.status !== 0) {
      fail(
        `patch ${patch} does not apply to FerretDB's sources (is go.mod still on FerretDB v1.24.2?): ${applied.stdout.trim().split('\n').pop()}`,
      );
    }
  }
  return dir;
}

const ferretdb = {
  name: 'ferretdb',
  dir: join(tools, 'ferretdb'),
  port: FERRETDB_PORT,
  ports: [FERRETDB_PORT],
  url: `mongodb://127.0.0.1:${FERRETDB_PORT}`,
  env: { MONGO_URL: `mongodb://127.0.0.1:${FERRETDB_PORT}` },
  readyLine: null,
  needs: 'postgres',

  binary() {
    return join(this.dir, 'bin', 'ferretdb');
  },

  // The binary is rebuilt when the wrapper module or a patch changes.
  sourceHash() {
    const hash = createHash('sha256');
    for (const file of ['main.go', 'go.mod', 'go.sum', ...ferretdbPatches().map((p) => join('patches', p))]) {
      hash.update(file).update(readFileSync(join(FERRETDB_SOURCES, file)));
    }
    return hash.digest('hex');
  },

  provisioned() {
    return (
      existsSync(this.binary()) && readFileSafe(join(this.dir, 'bin', 'source.sha256')) === this.sourceHash()
    );
  },

  provision() {
    if (this.provisioned()) return;
    requireTool(
      'go',
      'to build FerretDB',
      'install Go ≥ 1.22 (https://go.dev/dl) and make sure `go` is on PATH',
    );
    requireTool('patch', "to apply hangviet's fixes to FerretDB", 'install it (e.g. apt-get install patch)');
    log('building FerretDB v1.24.2 with Go (first run only, a few minutes)…');
    mkdirSync(join(this.dir, 'bin'), { recursive: true });
    const build = ferretdbBuildDir(join(this.dir, 'build'));
    const result = spawnSync(
      'go',
      ['build', '-mod=vendor', '-trimpath', '-o', `${this.binary()}.partial`, '.'],
      {
        cwd: build,
        env: { ...process.env, CGO_ENABLED: '0' },
        encoding: 'utf8',
      },
    );
    writeFileSync(join(logs, 'ferretdb-provision.log'), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) {
      fail(
        `building FerretDB failed (go exit ${result.status}): check access to the Go module proxy; details in ${join(logs, 'ferretdb-provision.log')}`,
      );
    }
    renameSync(`${this.binary()}.partial`, this.binary());
    writeFileSync(join(this.dir, 'bin', 'source.sha256'), this.sourceHash());
  },

  configure() {
    // 50 pooled connections, within PostgreSQL's max_connections (100).
    return {
      command: this.binary(),
      args: ['-listen', `127.0.0.1:${FERRETDB_PORT}`, '-postgresql-url', `${postgres.url}?pool_max_conns=50`],
    };
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
    return (
      existsSync(join(root, 'node_modules', 'smtp-server')) ||
      existsSync(join(here, 'mail-sink', 'node_modules', 'smtp-server'))
    );
  },

  provision() {
    if (!this.provisioned())
      fail('the mail sink needs its dependencies: run `npm install` at the repository root');
  },

  configure() {
    mkdirSync(this.dir, { recursive: true });
    return { command: process.execPath, args: [join(here, 'mail-sink', 'cli.js')] };
  },
};

const components = { kafka, postgres, ferretdb, mailsink };

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
      fail(
        `port ${port} is taken by another process, so ${c.name} cannot start: stop that process (\`ss -ltnp 'sport = :${port}'\` names it) or point ${Object.keys(c.env)[0]} at a running ${c.name}`,
      );
    }
  }
  c.provision();
  const { command, args, options } = c.configure();
  const logFile = join(logs, `${c.name}.log`);
  const offset = existsSync(logFile) ? statSync(logFile).size : 0;
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out], ...options });
  closeSync(out);
  child.unref();
  mkdirSync(join(local, 'run'), { recursive: true });
  writeFileSync(pidFile(c), String(child.pid));
  log(`starting ${c.name} (pid ${child.pid}), log in ${logFile}`);

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!alive(child.pid))
      fail(`${c.name} exited during start-up; last lines of ${logFile}:\n${tail(logFile)}`);
    const ready =
      (await portOpen(c.port)) &&
      (!c.readyLine || c.readyLine.test(readFileSync(logFile).subarray(offset).toString('utf8')));
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
  if (!c.stop?.()) process.kill(pid, 'SIGTERM');
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
  log(
    `${c.name}: ${up ? `running (pid ${pid}) on ${c.url}` : pid ? `process ${pid} alive but not answering on ${c.url}` : 'stopped'}${c.provisioned() ? '' : ', not provisioned'}`,
  );
  return { name: c.name, url: c.url, pid, running: up, provisioned: c.provisioned() };
}

// ---------------------------------------------------------------------------------------------
// CLI

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const command = argv.find((a) => !a.startsWith('--')) ?? 'status';
const named = argv.filter((a) => !a.startsWith('--') && a !== command);

/**
 * The components named (all when none), in start order: a component's dependency (ferretdb needs postgres)
 * is added before it when starting, and its dependents are added when stopping it.
 */
function selection(names, stopping) {
  const wanted = new Set(
    names.map((n) =>
      components[n] ? n : fail(`unknown component "${n}": use ${Object.keys(components).join(', ')}`),
    ),
  );
  for (const c of Object.values(components)) {
    if (!c.needs) continue;
    if (!stopping && wanted.has(c.name)) wanted.add(c.needs);
    if (stopping && wanted.has(c.needs)) wanted.add(c.name);
  }
  const ordered = Object.values(components).filter((c) => wanted.has(c.name));
  return stopping ? ordered.reverse() : ordered;
}

async function main() {
  const selected = selection(named.length ? named : Object.keys(components), command === 'stop');
  mkdirSync(logs, { recursive: true });
  const results = [];
  switch (command) {
    case 'provision':
      await withLock('infra', async () => selected.forEach((c) => c.provision()));
      break;
    case 'start':
      // Provision all first so that a slow build does not leave one component running alone.
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
