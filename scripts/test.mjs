// `npm test`: install, check the contracts, build, type-check and lint, bring up Kafka and the
// database, run every workspace's tests in one jest run, then the fuzzing of every service's
// OpenAPI (scripts/fuzz.mjs) and the failure test (scripts/chaos.mjs), then every benchmark at its smoke size
// (scripts/bench.mjs --smoke), one test each, stop what it started, and close with "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build, createSteps, ensureChromium, ensureInfrastructure, ensureInstalled, prepareInBackground, root, run, say } from './lib.mjs';

const started = Date.now();
const steps = createSteps();
let infra;
let summary = { passed: 0, failed: 0, skipped: 0 };
// What failed, repeated after the timings so that the last lines of a long run (all a CI page may keep) name it.
const failures = [];

async function main() {
  // What only downloads or compiles tools (Kafka, FerretDB, Chromium, the Python tools, kustomize) runs beside
  // the install and the build; it is awaited before the first test needs it.
  const prepared = prepareInBackground({ chromium: true, python: true, kustomize: true });
  prepared.catch(() => undefined); // awaited below; not an unhandled rejection while the build runs
  await steps.time('install (npm install)', () => ensureInstalled());
  await steps.time('contracts (buf lint, breaking)', () => run(process.execPath, [join(root, 'scripts', 'proto-check.mjs')]));
  await steps.time('build (turbo run build)', () => build());
  say('type-checking and linting (turbo run typecheck lint)…');
  await steps.time('typecheck and lint', () => run('npx', ['turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only']));
  await steps.time('provisioning still running after the build', () => prepared);
  // The console's end-to-end tests run in headless Chromium.
  ensureChromium();
  infra = await steps.time('Kafka and the database up', () => ensureInfrastructure());

  const results = join(root, '.local', 'jest-results.json');
  mkdirSync(join(root, '.local'), { recursive: true });
  rmSync(results, { force: true });
  const jest = spawn(
    join(root, 'node_modules', '.bin', 'jest'),
    ['--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  const code = await steps.time('jest (every workspace)', () => new Promise((resolve) => jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)))));
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    summary = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
    if (r.numRuntimeErrorTestSuites > 0) summary.failed += r.numRuntimeErrorTestSuites;
    for (const suite of r.testResults ?? []) {
      const file = suite.name.startsWith(root) ? suite.name.slice(root.length + 1) : suite.name;
      const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failed) failures.push(`${file} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      if (!failed.length && suite.status === 'failed') failures.push(`${file}: ${firstLine(suite.message)}`);
    }
  } else {
    summary.failed += 1;
  }
  if (summary.passed === 0 && summary.failed === 0) {
    say('no test ran');
    return 1;
  }
  // More checks on a whole run, one test each in the count, each run even when another failed (`npm test -- <jest
  // args>` is a focused run): fuzzing every service that serves an OpenAPI document (bounded by FUZZ_SECONDS), and
  // the failure test (Kafka killed for a minute, the database restarted, under load, on its own private
  // infrastructure; its bounds derive from the start times it measures, see scripts/chaos.mjs). They share nothing,
  // so they run side by side, each line prefixed with its name.
  let failedChecks = 0;
  if (process.argv.length === 2) {
    const checks = [
      ['fuzz', 'fuzzing every service that serves an OpenAPI document', 'fuzz.mjs'],
      ['chaos', 'the failure test: Kafka and the database fail under load', 'chaos.mjs'],
    ];
    const statuses = await steps.time(
      `checks side by side (${checks.map(([, , script]) => `scripts/${script}`).join(', ')})`,
      () =>
        Promise.all(
          checks.map(([name, what, script]) => {
            say(`${what} (scripts/${script})…`);
            const child = spawn(process.execPath, [join(root, 'scripts', script)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
            for (const stream of [child.stdout, child.stderr]) {
              createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
            }
            return new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
          }),
        ),
    );
    for (const [i, status] of statuses.entries()) {
      summary[status === 0 ? 'passed' : 'failed'] += 1;
      if (status !== 0) {
        failedChecks += 1;
        say(`scripts/${checks[i][2]} failed (exit ${status})`);
        failures.push(`scripts/${checks[i][2]} exited ${status} (its lines above are prefixed [${checks[i][0]}])`);
      }
    }
    // Every benchmark once at its smoke size (seconds each; full sizes stay behind `npm run bench:*`), so one that
    // stops working fails the run instead of rotting unseen: one check for all. After the failure test, not beside
    // it: benchmarks load the machine flat out, and the failure test's bounds follow the load it measures.
    say('every benchmark at its smoke size (scripts/bench.mjs --smoke)…');
    const bench = spawn(process.execPath, [join(root, 'scripts', 'bench.mjs'), '--smoke'], { cwd: root, stdio: 'inherit', env: process.env });
    const benchStatus = await steps.time('benchmarks at smoke size', () => new Promise((resolve) => bench.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)))));
    summary[benchStatus === 0 ? 'passed' : 'failed'] += 1;
    if (benchStatus !== 0) {
      failedChecks += 1;
      say(`scripts/bench.mjs --smoke failed (exit ${benchStatus})`);
      failures.push(`scripts/bench.mjs --smoke exited ${benchStatus}`);
    }
  }
  return code || (failedChecks ? 1 : 0);
}

async function finish(code) {
  try {
    await infra?.stop();
  } catch (err) {
    say(`stopping the infrastructure failed: ${err.message}`);
    code ||= 1;
  }
  steps.report();
  say(`npm test took ${Math.round((Date.now() - started) / 1000)} s`);
  if (failures.length) {
    say('what failed:');
    for (const f of failures) console.log(`  ✕ ${f}`);
  }
  console.log(`${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
  process.exit(code);
}

/** A jest failure message in one line: its first three lines and where in a test file it was thrown, without colour. */
function firstLine(message = '') {
  // eslint-disable-next-line no-control-regex
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const text = lines.filter((l) => !l.startsWith('at ') && !l.startsWith('●')).slice(0, 3);
  const where = lines.find((l) => l.startsWith('at ') && /\.test\.[jt]sx?:/.test(l));
  const line = [...text, where].filter(Boolean).join(' · ');
  return line.length > 400 ? `${line.slice(0, 397)}…` : line;
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void finish(130));

main().then(
  (code) => finish(code),
  (err) => {
    console.error(`[hangviet] ${err.message}`);
    summary.failed ||= 1;
    return finish(1);
  },
);
