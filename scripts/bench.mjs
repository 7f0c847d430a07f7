// `npm run bench:<name>`: the same set-up as `npm test` (install, build, infrastructure), then one
// benchmark from bench/, which prints its figures. Stops what it started.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureInfrastructure, ensureInstalled, root, say } from './lib.mjs';

const [name, ...args] = process.argv.slice(2);
// TypeScript benchmarks compile to bench/dist/<name>.js; plain ones are bench/<name>.mjs.
const script = [join(root, 'bench', 'dist', `${name}.js`), join(root, 'bench', `${name}.mjs`)].find((file) => existsSync(file));

ensureInstalled();
build();
if (!script) {
  say(`no benchmark named "${name}" in bench/`);
  process.exit(2);
}
const infra = await ensureInfrastructure();
const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: process.env });
await infra.stop();
process.exit(result.status ?? 1);
