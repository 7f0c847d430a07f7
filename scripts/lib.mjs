// Shared steps of `npm start` and `npm test`: install when needed, build, bring up infrastructure.
// Plain Node with no dependencies, because it runs before `npm install` has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

export function build() {
  say('building (turbo run build)…');
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
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

/** The services under services/, with the ports each declares in its package.json "hangviet" field. */
export function services() {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((folder) => join(dir, folder, 'package.json'))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')))
    .filter((pkg) => pkg.scripts?.start && pkg.hangviet?.httpPort)
    .map((pkg) => ({ name: pkg.name, httpPort: pkg.hangviet.httpPort, grpcPort: pkg.hangviet.grpcPort }));
}

export function startService(service, env) {
  return spawn('npm', ['run', '-s', 'start', '-w', service.name], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
}

export async function waitReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops a process group started with detached: true: SIGTERM, then SIGKILL after a bound. It waits
 * for the whole group, not just its leader: `npm run` exits on SIGTERM while the service it started
 * is still draining, and infrastructure stopped under it would cut that short.
 */
export async function stopProcess(child, graceMs = 15_000) {
  if (!groupAlive(child.pid)) return;
  process.kill(-child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
}
