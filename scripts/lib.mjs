// Shared steps of `npm start` and `npm test`: install when needed, build, bring up infrastructure.
// Plain Node with no dependencies, because it runs before `npm install` has.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// No network beyond the package registries here: keep turbo from phoning home or checking for updates.
process.env.TURBO_TELEMETRY_DISABLED ??= '1';
process.env.TURBO_NO_UPDATE_NOTIFIER ??= '1';
process.env.DO_NOT_TRACK ??= '1';

export function say(line) {
  console.log(`[hangviet] ${line}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${result.status ?? result.signal}`);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install`, not `npm ci`: the registry these machines reach serves only the Linux builds of
  // platform packages (@bufbuild/buf-darwin-*, @swc/core-win32-*, …), so no lock file made here lists
  // them and `npm ci` refuses it as out of sync. `npm install` follows the committed lock all the same.
  say('installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/**
 * Runs `fn` as one named step of a run and records how long it took; `steps.report()` prints them as a table
 * (the run's own account of where its minutes went on a fresh machine).
 */
export function createSteps() {
  const done = [];
  return {
    async time(name, fn) {
      const begun = Date.now();
      try {
        return await fn();
      } finally {
        done.push([name, (Date.now() - begun) / 1000]);
      }
    },
    report() {
      if (!done.length) return;
      const width = Math.max(...done.map(([name]) => name.length));
      say('where the time went:');
      for (const [name, seconds] of done) console.log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s`);
    },
  };
}

/**
 * Starts a command without waiting for it, its output in .local/logs/<name>.log; the promise settles when it ends
 * (rejecting with the log's last lines when it fails). For the one-time provisioning that needs nothing built.
 */
export function inBackground(name, command, args) {
  const logs = join(root, '.local', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = join(logs, `${name}.log`);
  const fd = openSync(log, 'w');
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', fd, fd], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return new Promise((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`${name}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n');
      reject(new Error(`${name} failed (${code ?? signal}), see ${log}:\n${tail}`));
    });
  });
}

/**
 * Whether Kafka and the database will come from deploy/local: neither given in the environment nor forced to
 * containers, and no container runtime to be found (no DOCKER_HOST, no Docker socket).
 */
function localInfrastructureExpected() {
  const forced = process.env.HANGVIET_INFRA;
  if (forced === 'local') return true;
  if (forced === 'env' || forced === 'containers') return false;
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) return false;
  return !process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock');
}

/**
 * The slow, download-bound preparation of a fresh machine, started side by side with the install and the build
 * instead of after them: the local Kafka and FerretDB (deploy/local provision; `start` later waits on its lock),
 * Chromium when `chromium` and missing, the Python tools and kustomize. Resolves when all are done.
 */
export function prepareInBackground({ chromium = false, python = false, kustomize = false } = {}) {
  const tasks = [];
  if (localInfrastructureExpected()) {
    say('provisioning Kafka, PostgreSQL and FerretDB in the background (.local/logs/provision.log)…');
    tasks.push(inBackground('provision', process.execPath, [join(root, 'deploy', 'local', 'infra.mjs'), 'provision', 'kafka', 'postgres', 'ferretdb']));
  }
  if (chromium && !findChromium() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    say('installing Chromium for the browser tests in the background (.local/logs/chromium.log)…');
    tasks.push(inBackground('chromium', 'sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium']));
  }
  if (python && !pythonToolsCurrent()) {
    say('installing the Python tools in the background (.local/logs/python-tools.log)…');
    tasks.push(inBackground('python-tools', process.execPath, ['-e', `import(${JSON.stringify(join(root, 'scripts', 'lib.mjs'))}).then((m) => m.ensurePythonTools())`]));
  }
  if (kustomize) {
    // The deployment tests' kustomize, built with Go once (deploy/tools.mjs holds its lock and skips a current one).
    tasks.push(inBackground('kustomize', process.execPath, ['-e', `import(${JSON.stringify(join(root, 'deploy', 'tools.mjs'))}).then((m) => m.ensureKustomize())`]));
  }
  return Promise.all(tasks);
}

export function build() {
  say('building (turbo run build)…');
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
}

/**
 * Headless Chromium for the console's browser tests, from the operating system's package (Debian
 * `chromium`): installed with apt-get when missing and running as root (CI on a fresh machine). Sets
 * CHROMIUM_PATH for the tests.
 */
export function ensureChromium() {
  let found = findChromium();
  if (!found) {
    if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
      throw new Error('Chromium is missing for the browser tests: install the `chromium` package (Debian: apt-get install -y chromium) or set CHROMIUM_PATH');
    }
    say('installing Chromium for the browser tests (apt-get install -y chromium)…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = '/usr/bin/chromium';
  }
  process.env.CHROMIUM_PATH = found;
  return found;
}

function findChromium() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((path) => existsSync(path));
}

/** Brings Kafka and the database up (env → testcontainers → deploy/local); `stop()` undoes only that. */
export async function ensureInfrastructure() {
  const { ensureInfrastructure: ensure } = await import(join(root, 'libs', 'testing', 'dist', 'infrastructure.js'));
  const infra = await ensure((line) => say(line));
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.MONGO_URL = infra.mongoUrl;
  say(`Kafka at ${infra.kafkaBrokers}, database at ${infra.mongoUrl} (${infra.source})`);
  return infra;
}

/** Runs deploy/local/infra.mjs with --json; resolves with its report, rejects with its one-line error. */
export function runInfraCli(...args) {
  const result = spawnSync(process.execPath, [join(root, 'deploy', 'local', 'infra.mjs'), ...args, '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    return Promise.reject(new Error(result.stderr.trim().split('\n').filter(Boolean).pop() ?? `infra ${args.join(' ')} failed`));
  }
  return Promise.resolve(JSON.parse(result.stdout));
}

/**
 * The services under services/: each whose package.json has a "hangviet" field with its ports and whose
 * start script is `node <file>`, which npm start runs itself (with the workspace as cwd) so that the
 * process it supervises is the service, not an npm wrapper whose exit and the service's differ.
 * `portOffset` is added to every port; `databasePrefix` gives each service the database
 * `<prefix><folder>` on `mongoUrl` (a database in the URL path overrides a service's default).
 * `repository` is this checkout unless given (the generator's test uses a copy).
 */
export function services({ portOffset = 0, databasePrefix = '', mongoUrl = process.env.MONGO_URL, repository = root } = {}) {
  const dir = join(repository, 'services');
  if (!existsSync(dir)) return [];
  const list = readdirSync(dir)
    .filter((folder) => existsSync(join(dir, folder, 'package.json')))
    .map((folder) => ({ folder, pkg: JSON.parse(readFileSync(join(dir, folder, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.scripts?.start && pkg.hangviet?.httpPort)
    .map(({ folder, pkg }) => {
      const httpPort = shifted(pkg.name, 'HTTP', pkg.hangviet.httpPort, portOffset);
      const grpcPort = pkg.hangviet.grpcPort === undefined ? undefined : shifted(pkg.name, 'gRPC', pkg.hangviet.grpcPort, portOffset);
      const env = { HTTP_PORT: String(httpPort), ...(grpcPort === undefined ? {} : { GRPC_PORT: String(grpcPort) }) };
      if (databasePrefix) env.MONGO_URL = withDatabase(mongoUrl, `${databasePrefix}${folder.replace(/-/g, '_')}`);
      return {
        name: pkg.name,
        folder,
        dir: join(dir, folder),
        httpPort,
        grpcPort,
        readyUrl: `http://127.0.0.1:${httpPort}/readyz`,
        command: [process.execPath, ...nodeArguments(pkg)],
        env,
      };
    });
  // Where each service reaches the others over gRPC: <FOLDER>_GRPC_ADDRESS (e.g. BUSINESS_REGISTRY_GRPC_ADDRESS),
  // the name every service's config reads, so shifted ports (HANGVIET_PORT_OFFSET) are followed too.
  const addresses = Object.fromEntries(list.filter((s) => s.grpcPort !== undefined).map((s) => [grpcAddressVariable(s.folder), `127.0.0.1:${s.grpcPort}`]));
  for (const s of list) Object.assign(s.env, addresses);
  return list;
}

/** The environment variable holding a service's gRPC address: `trade-fair` → `TRADE_FAIR_GRPC_ADDRESS`. */
export function grpcAddressVariable(folder) {
  return `${folder.toUpperCase().replace(/-/g, '_')}_GRPC_ADDRESS`;
}

function shifted(name, kind, port, offset) {
  const value = port + offset;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}: ${kind} port ${port} + HANGVIET_PORT_OFFSET ${offset} is not a port (1–65535)`);
  }
  return value;
}

function nodeArguments(pkg) {
  const match = /^node((?:\s+[^\s;&|<>$`'"]+)+)$/.exec(pkg.scripts.start.trim());
  if (!match) {
    throw new Error(`${pkg.name}: its start script "${pkg.scripts.start}" is not "node <file> [args]", which npm start runs directly`);
  }
  return match[1].trim().split(/\s+/);
}

/** `url` with its path set to `/<database>`, keeping its host, credentials and options. */
export function withDatabase(url, database) {
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(database)) throw new Error(`"${database}" is not a database name (letters, digits, _ and -, at most 63)`);
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** HANGVIET_PORT_OFFSET as a number: 0 when unset, an error naming it when not a whole number. */
export function portOffsetFrom(env = process.env) {
  const text = env.HANGVIET_PORT_OFFSET ?? '';
  if (text === '') return 0;
  if (!/^-?\d+$/.test(text)) throw new Error(`HANGVIET_PORT_OFFSET: expected a whole number, got '${text}'`);
  return Number(text);
}

/** Whether a process with this pid exists. */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether nothing listens on `port` (on any address). */
export function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The project's Python tools (schemathesis for `npm run fuzz`, kubernetes-validate for the manifests), pinned in
 * scripts/python-requirements.txt, in one virtual environment under .local/python. Installs when the venv is missing
 * or older than the requirements file; returns the venv's bin directory.
 */
export function ensurePythonTools() {
  const venv = join(root, '.local', 'python');
  const requirements = join(root, 'scripts', 'python-requirements.txt');
  const bin = join(venv, 'bin');
  if (pythonToolsCurrent()) return bin;
  say('installing the Python tools (scripts/python-requirements.txt) into .local/python…');
  if (!existsSync(join(bin, 'python'))) run('python3', ['-m', 'venv', venv]);
  run(join(bin, 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(join(venv, '.installed'), `${new Date().toISOString()}\n`);
  return bin;
}

function pythonToolsCurrent() {
  const marker = join(root, '.local', 'python', '.installed');
  const requirements = join(root, 'scripts', 'python-requirements.txt');
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(requirements).mtimeMs;
}
