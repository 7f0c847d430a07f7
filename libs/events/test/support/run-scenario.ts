// Runs a scenario (test/scenarios/<name>.ts) in a fresh `node` process, as libs/telemetry's tests do.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ScenarioRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts test/scenarios/<name>.ts in a child `node`. Auto-instrumentation patches modules through require
 * hooks on Node's own loader, which jest's module registry bypasses: under jest, http, express and kafkajs
 * load unpatched and produce no spans. A child process loads them the way a service does; it is also the
 * only way to send a real SIGTERM to a service.
 */
export function startScenario(
  name: string,
  env: Record<string, string | undefined>,
): { child: ChildProcess; done: Promise<ScenarioRun> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // The scenario decides for itself whether a collector is configured.
  delete childEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete childEnv.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  delete childEnv.NODE_OPTIONS;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'swc-require-hook.js'), join(__dirname, '..', 'scenarios', `${name}.ts`)],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<ScenarioRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

export function runScenario(name: string, env: Record<string, string | undefined>): Promise<ScenarioRun> {
  return startScenario(name, env).done;
}

/** The scenario's JSON report (its only stdout line); fails with the child's output when it has none. */
export function reportOf<T>(run: ScenarioRun): T {
  if (run.code !== 0) throw new Error(`scenario exited with ${run.code}:\n${run.stderr}\n${run.stdout}`);
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== 1 || !lines[0])
    throw new Error(`expected one JSON line on stdout, got:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(lines[0]) as T;
}
