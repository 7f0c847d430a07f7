// What a service's main.ts calls after `import '@hangviet/telemetry/register'`: a bad configuration
// stops the process at once with one line naming each variable; otherwise the service runs under
// runService (SIGTERM/SIGINT → the shutdown stack within SHUTDOWN_TIMEOUT_MS → exit).
import type { z } from 'zod';
import { ConfigError, loadConfig, type BaseConfig } from '../config';
import { runService } from '../lifecycle';
import { createLogger } from '../logging';
import { startService, type ServiceDefinition } from './service-host';

/** `business-registry: invalid configuration: HTTP_PORT: expected a port number 1–65535, got 'abc'` (one line). */
export function configFailureLine(service: string, err: unknown): string {
  const problems = err instanceof ConfigError ? err.problems : [err instanceof Error ? err.message : String(err)];
  return `${service}: invalid configuration: ${problems.join('; ')}`;
}

export interface RunMainOptions {
  /** Runs after every other shutdown step, e.g. the telemetry flush, so spans of the shutdown are sent too. */
  lastly?: () => Promise<void>;
  env?: NodeJS.ProcessEnv;
}

export function runMain<S extends z.ZodObject, R>(definition: ServiceDefinition<S, R>, opts: RunMainOptions = {}): void {
  let config: z.infer<S>;
  try {
    config = loadConfig(definition.config, opts.env ?? process.env);
  } catch (err) {
    process.stderr.write(`${configFailureLine(definition.name, err)}\n`);
    process.exitCode = 1;
    return;
  }
  const base = config as unknown as BaseConfig;
  const logger = createLogger({ service: definition.name, level: base.LOG_LEVEL });
  runService({ service: definition.name, logger, timeoutMs: base.SHUTDOWN_TIMEOUT_MS }, async (lifecycle) => {
    // Registered first, so it runs last.
    if (opts.lastly) lifecycle.onShutdown('lastly', opts.lastly);
    await startService(definition, { config, logger, lifecycle });
  });
}
