// Runs a TypeScript test scenario in a child `node` process. Auto-instrumentation patches modules
// through require hooks on Node's own loader, which jest's module registry bypasses: under jest,
// http, express and kafkajs load unpatched and produce no spans. A child process loads them the way a
// service does; it is also the only way to send a real signal to (or kill) a service under test.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** `node -r <this>` compiles .ts on require with SWC, as jest does. */
export const swcRequireHook = join(__dirname, '..', 'swc-require-hook.js');

export interface ScenarioRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the scenario file in a child `node` with `env` over the current environment (an undefined
 * value removes a variable). OTLP export settings and NODE_OPTIONS are not inherited: a scenario
 * decides for itself whether a collector is configured.
 */
export function startScenario(
  file: string,
  env: Record<string, string | undefined> = {},
): { child: ChildProcess; done: Promise<ScenarioRun> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete childEnv.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  delete childEnv.NODE_OPTIONS;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(process.execPath, ['-r', swcRequireHook, file], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<ScenarioRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runScenario(file: string, env: Record<string, string | undefined> = {}): Promise<ScenarioRun> {
  return startScenario(file, env).done;
}

/** The scenario's JSON report (its only stdout line); fails with the child's output when it has none. */
export function reportOf<T>(run: ScenarioRun): T {
  if (run.code !== 0) throw new Error(`scenario exited with ${run.code}:\n${run.stderr}\n${run.stdout}`);
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== 1 || !lines[0]) throw new Error(`expected one JSON line on stdout, got:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(lines[0]) as T;
}
