// Every service's Dockerfile, read statically (no Docker engine here): built the same way from a pinned base
// image, pruned to the service's workspaces, production dependencies only, run as a non-root user, with a
// HEALTHCHECK on /healthz.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformServices } from '../platform.mjs';
import { lintDockerfiles } from '../tools.mjs';
import { parseDockerfile } from './dockerfile.mjs';

const root = join(__dirname, '..', '..');
const services = platformServices();

it('parses instructions across line continuations and ignores comments', () => {
  const parsed = parseDockerfile('# c\nFROM a AS b\nRUN x \\\n  && y\n# d\nUSER 1000\n');
  expect(parsed.instructions).toEqual([
    { keyword: 'FROM', args: 'a AS b' },
    { keyword: 'RUN', args: 'x && y' },
    { keyword: 'USER', args: '1000' },
  ]);
});

describe.each(services.map((s) => [s.folder, s]))('services/%s/Dockerfile', (_name, s) => {
  const path = join(root, 'services', s.folder, 'Dockerfile');
  const parsed = existsSync(path) ? parseDockerfile(readFileSync(path, 'utf8')) : { instructions: [] };
  const all = (keyword) => parsed.instructions.filter((i) => i.keyword === keyword);
  const stages = () => {
    const result = [];
    for (const i of parsed.instructions) {
      if (i.keyword === 'FROM') result.push({ from: i.args, instructions: [] });
      else result.at(-1)?.instructions.push(i);
    }
    return result;
  };

  it('exists', () => expect(existsSync(path)).toBe(true));

  it('builds in stages from one pinned base image', () => {
    const arg = all('ARG').map((i) => /^NODE_IMAGE=(.+)$/.exec(i.args)).find(Boolean);
    expect(arg?.[1]).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
    expect(stages().map((st) => st.from)).toEqual(['${NODE_IMAGE} AS prune', '${NODE_IMAGE} AS build', '${NODE_IMAGE} AS runtime']);
  });

  it('prunes the monorepo to the service’s workspaces and keeps production dependencies only', () => {
    const [prune, build] = stages();
    expect(prune.instructions.map((i) => i.args).join('\n')).toMatch(new RegExp(`turbo@[0-9.]+ prune ${s.packageName.replace('/', '\\/')} --docker`));
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(runs).toContain(`--filter=${s.packageName}...`);
    expect(runs).toContain('npm prune --omit=dev');
  });

  it('runs as a non-root user with a HEALTHCHECK on /healthz, on its ports', () => {
    const runtime = stages().at(-1).instructions;
    const users = runtime.filter((i) => i.keyword === 'USER');
    expect(users).toHaveLength(1);
    expect(users[0].args).toMatch(/^[1-9][0-9]*(:[1-9][0-9]*)?$/);
    const health = runtime.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0].args).toContain('/healthz');
    expect(health[0].args).toContain(String(s.httpPort));
    expect(all('EXPOSE')[0].args.split(' ').map(Number)).toEqual([s.httpPort, ...(s.grpcPort === undefined ? [] : [s.grpcPort])]);
    expect(JSON.parse(all('CMD')[0].args)).toEqual(['node', ...s.start]);
  });
});

it("gives the gateway's image its routing table: the manifest of every service that declares routes", () => {
  const gateway = services.find((s) => s.public);
  const routed = services.filter((s) => s !== gateway && s.routes.length > 0);
  expect(routed.length).toBeGreaterThan(0);
  const copies = parseDockerfile(readFileSync(join(root, 'services', gateway.folder, 'Dockerfile'), 'utf8'))
    .instructions.filter((i) => i.keyword === 'COPY' && i.args.startsWith('services/'))
    .map((i) => i.args);
  expect(copies).toEqual(routed.map((s) => `services/${s.folder}/package.json ./services/${s.folder}/package.json`));
});

it('passes hadolint, and hadolint reports a Dockerfile that breaks its rules (so the check can fail)', () => {
  const files = services.map((s) => join(root, 'services', s.folder, 'Dockerfile'));
  const clean = lintDockerfiles(files);
  expect(clean.output).toBe('');
  expect(clean.ok).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'hangviet-hadolint-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\nRUN cd /app && npm install\n');
    const broken = lintDockerfiles([join(dir, 'Dockerfile')]);
    expect(broken.ok).toBe(false);
    expect(broken.output).toMatch(/DL3007|DL3003/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
