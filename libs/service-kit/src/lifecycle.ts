import type { Logger } from './logging';

export interface Lifecycle {
  /** Hooks run in reverse order of registration: stop taking work first, close what it used last. */
  onShutdown(name: string, fn: () => Promise<void>): void;
}

/** The one shutdown stack: runService's, and the service host's when it runs in-process (tests). */
export interface ShutdownStack extends Lifecycle {
  /**
   * Runs the hooks in reverse order within the bound, once (later calls get the same result).
   * A failing hook is logged and the rest still run.
   */
  run(): Promise<{ ok: boolean; timedOut: boolean }>;
}

export function createShutdownStack(opts: { logger: Logger; timeoutMs: number }): ShutdownStack {
  const { logger, timeoutMs } = opts;
  const hooks: { name: string; fn: () => Promise<void> }[] = [];
  let ran: Promise<{ ok: boolean; timedOut: boolean }> | undefined;
  return {
    onShutdown(name, fn) {
      hooks.push({ name, fn });
    },
    run: () =>
      (ran ??= (async () => {
        let failed = false;
        let timer: NodeJS.Timeout | undefined;
        const run = (async () => {
          for (const hook of hooks.splice(0).reverse()) {
            try {
              await hook.fn();
              logger.debug({ hook: hook.name }, 'shutdown hook done');
            } catch (err) {
              failed = true;
              logger.error({ err, hook: hook.name }, `shutdown hook '${hook.name}' failed`);
            }
          }
        })();
        const timedOut = await Promise.race([
          run.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) logger.error({ timeoutMs }, 'shutdown hooks did not finish in time');
        return { ok: !failed && !timedOut, timedOut };
      })()),
  };
}

export interface RunServiceOptions {
  service: string;
  logger: Logger;
  /** Bound for all shutdown hooks together (default SHUTDOWN_TIMEOUT_MS or 10 s). */
  timeoutMs?: number;
  /** For tests: what to do instead of process.exit. */
  exit?: (code: number) => void;
}

/**
 * Runs a service: start(lifecycle) wires it up; SIGTERM/SIGINT, or the close of the IPC channel of the supervisor
 * that started it, runs the shutdown hooks in reverse order within timeoutMs, then exits 0 (1 on timeout or a
 * failing hook). A start failure logs one
 * line, runs the hooks registered so far, and exits 1.
 */
export function runService(opts: RunServiceOptions, start: (lifecycle: Lifecycle) => Promise<void>): void {
  const { logger } = opts;
  const timeoutMs = opts.timeoutMs ?? (Number(process.env.SHUTDOWN_TIMEOUT_MS) || 10_000);
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const stack = createShutdownStack({ logger, timeoutMs });
  let stopping: Promise<void> | undefined;

  const shutdown = (reason: string, code: number): Promise<void> =>
    (stopping ??= (async () => {
      logger.info({ reason }, `${opts.service} shutting down`);
      const { ok } = await stack.run();
      const exitCode = ok ? code : 1;
      logger.info({ exitCode }, `${opts.service} stopped`);
      exit(exitCode);
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": the operator has stopped waiting.
      logger.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    void shutdown(signal, 0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  if (process.connected) {
    // Started by a supervisor with an IPC channel (npm start): the channel closes when the supervisor dies, even
    // by SIGKILL, and a service must not outlive it (its ports would stay taken, its work unsupervised).
    process.channel?.unref();
    process.once('disconnect', () => void shutdown('supervisor gone', 0));
  }

  start({ onShutdown: (name, fn) => stack.onShutdown(name, fn) }).then(
    () => logger.info(`${opts.service} started`),
    (err: unknown) => {
      logger.error({ err }, `${opts.service} failed to start: ${err instanceof Error ? err.message : String(err)}`);
      void shutdown('start failed', 1);
    },
  );
}
