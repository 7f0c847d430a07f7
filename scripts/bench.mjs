// `npm run bench:<name>`: the same set-up as `npm test` (install, build, infrastructure), then one
// benchmark from bench/, which prints its figures. Stops what it started.
//   node scripts/bench.mjs <name> [args]      one benchmark at its full size (args go to it)
//   node scripts/bench.mjs <name> --smoke     the same at a smoke size (BENCH_SMOKE=1: seconds, not minutes)
//   node scripts/bench.mjs --smoke            every benchmark (each `bench:<name>` script of the root
//                                             package.json) at its smoke size, one after the other: what
//                                             `npm test` runs, so a benchmark that stops working fails the run
// A benchmark fails when it exits non-zero (an error, failed requests, rows its paths disagree on); a goal it
// does not meet is a figure it prints, never a failure (the machine's load decides those).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureInfrastructure, ensureInstalled, root, say } from './lib.mjs';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const [name, ...passed] = args.filter((a) => a !== '--smoke');

/** The benchmarks `npm run bench:<name>` runs: each root script of the form `node scripts/bench.mjs <name>`. */
function benchmarks() {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.entries(scripts)
    .filter(([script, command]) => script.startsWith('bench:') && /^node scripts\/bench\.mjs [\w-]+$/.test(command.trim()))
    .map(([, command]) => command.trim().split(/\s+/).pop());
}

// TypeScript benchmarks compile to bench/dist/<name>.js; plain ones are bench/<name>.mjs.
const scriptOf = (benchmark) => [join(root, 'bench', 'dist', `${benchmark}.js`), join(root, 'bench', `${benchmark}.mjs`)].find((file) => existsSync(file));

if (!name && !smoke) {
  say(`usage: node scripts/bench.mjs <name> [--smoke] | --smoke (every one of: ${benchmarks().join(', ')})`);
  process.exit(2);
}
const names = name ? [name] : benchmarks();

ensureInstalled();
build();
const missing = names.filter((n) => !scriptOf(n));
if (missing.length > 0) {
  say(`no benchmark named ${missing.map((n) => `"${n}"`).join(', ')} in bench/`);
  process.exit(2);
}
const infra = await ensureInfrastructure();
const env = smoke ? { ...process.env, BENCH_SMOKE: '1' } : process.env;
const failed = [];
for (const benchmark of names) {
  if (smoke) say(`benchmark ${benchmark} at its smoke size (BENCH_SMOKE=1)…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [scriptOf(benchmark), ...passed], { cwd: root, stdio: 'inherit', env });
  const status = result.status ?? 1;
  if (status !== 0) failed.push(benchmark);
  if (smoke) say(`benchmark ${benchmark}: ${status === 0 ? 'ran' : `FAILED (exit ${result.status ?? result.signal})`} in ${Math.round((Date.now() - started) / 1000)} s`);
}
await infra.stop();
if (names.length > 1) say(failed.length === 0 ? `all ${names.length} benchmarks ran` : `benchmarks that failed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
