// `npm test`: install, check the contracts, build, type-check and lint, bring up Kafka and the
// database, run every workspace's tests in one jest run, then the fuzzing of every service's
// OpenAPI (scripts/fuzz.mjs, one test) and every benchmark at its smoke size (scripts/bench.mjs --smoke,
// one test), stop what it started, and close with "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureChromium, ensureInfrastructure, ensureInstalled, root, run, say } from './lib.mjs';

const started = Date.now();
let infra;
let summary = { passed: 0, failed: 0, skipped: 0 };

async function main() {
  ensureInstalled();
  run(process.execPath, [join(root, 'scripts', 'proto-check.mjs')]);
  build();
  say('type-checking and linting (turbo run typecheck lint)…');
  run('npx', ['turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only']);
  // The console's end-to-end tests run in headless Chromium.
  ensureChromium();
  infra = await ensureInfrastructure();

  const results = join(root, '.local', 'jest-results.json');
  mkdirSync(join(root, '.local'), { recursive: true });
  rmSync(results, { force: true });
  const jest = spawn(
    join(root, 'node_modules', '.bin', 'jest'),
    ['--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  const code = await new Promise((resolve) => jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    summary = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
    if (r.numRuntimeErrorTestSuites > 0) summary.failed += r.numRuntimeErrorTestSuites;
  } else {
    summary.failed += 1;
  }
  if (summary.passed === 0 && summary.failed === 0) {
    say('no test ran');
    return 1;
  }
  // One more check on a whole run, one test in the count (`npm test -- <jest args>` is a focused run):
  // fuzzing every service that serves an OpenAPI document (bounded by FUZZ_SECONDS).
  let failedChecks = 0;
  if (process.argv.length === 2) {
    // scripts/chaos.mjs (`npm run chaos`) is not among them: on a loaded 2-core machine its recovery deadlines
    // are missed now and then (see deploy/README.md), and a check that fails at random hides real failures.
    // Every benchmark once at its smoke size (seconds each; full sizes stay behind `npm run bench:*`), so one that
    // stops working fails the run instead of rotting unseen; one check for all of them.
    for (const [what, script, ...args] of [
      ['fuzzing every service that serves an OpenAPI document', 'fuzz.mjs'],
      ['running every benchmark at its smoke size', 'bench.mjs', '--smoke'],
    ]) {
      say(`${what} (scripts/${[script, ...args].join(' ')})…`);
      const child = spawn(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit', env: process.env });
      const status = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
      summary[status === 0 ? 'passed' : 'failed'] += 1;
      if (status !== 0) failedChecks += 1;
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
  say(`npm test took ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
  process.exit(code);
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
