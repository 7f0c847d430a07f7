#!/usr/bin/env node
// `npm run deploy:sync [-- --check]`: writes every per-service deployment file (Dockerfile, compose entry,
// Kubernetes directory, Kafka topics, MongoDB users) from deploy/platform.mjs, and removes those of services
// that are gone. `--check` writes nothing and exits 1 naming each file that is missing, stale or left over.
// The service generator (npm run new:service) runs it; so does the lead after merging a service branch.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaTopics, platformServices } from './platform.mjs';
import { renderAll } from './render.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The derived files for the repository at `root`, and the generated service directories no service owns. */
export function plan(root) {
  const services = platformServices(root);
  const files = renderAll({ services, topics: kafkaTopics(root) });
  const servicesDir = join(root, 'deploy', 'k8s', 'base', 'services');
  const owned = new Set(services.map((s) => s.folder));
  const leftovers = existsSync(servicesDir)
    ? readdirSync(servicesDir)
        .filter((d) => !owned.has(d))
        .map((d) => `deploy/k8s/base/services/${d}`)
    : [];
  if (!services.some((s) => s.public) && existsSync(join(root, 'deploy/k8s/base/ingress.yaml'))) leftovers.push('deploy/k8s/base/ingress.yaml');
  return { services, files, leftovers };
}

/** What differs from the plan: [{ path, problem }], empty when everything is up to date. */
export function check(root) {
  const { files, leftovers } = plan(root);
  const problems = [];
  for (const { path, text } of files) {
    const file = join(root, path);
    if (!existsSync(file)) problems.push({ path, problem: 'missing' });
    else if (readFileSync(file, 'utf8') !== text) problems.push({ path, problem: 'stale' });
  }
  for (const path of leftovers) problems.push({ path, problem: 'left over from a service that is gone' });
  return problems;
}

/** Writes the plan; returns the paths written or removed. */
export function sync(root) {
  const { files, leftovers } = plan(root);
  const changed = [];
  for (const { path, text } of files) {
    const file = join(root, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    changed.push(path);
  }
  for (const path of leftovers) {
    rmSync(join(root, path), { recursive: true, force: true });
    changed.push(path);
  }
  return changed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(here, '..');
  try {
    if (process.argv.includes('--check')) {
      const problems = check(root);
      for (const { path, problem } of problems) console.error(`[deploy:sync] ${path}: ${problem}`);
      if (problems.length) {
        console.error('[deploy:sync] run `npm run deploy:sync` and commit the result');
        process.exit(1);
      }
      console.log('[deploy:sync] every deployment file is up to date');
    } else {
      const changed = sync(root);
      console.log(changed.length ? `[deploy:sync] wrote ${changed.join(', ')}` : '[deploy:sync] nothing to change');
    }
  } catch (err) {
    console.error(`[deploy:sync] ${err.message}`);
    process.exit(1);
  }
}
