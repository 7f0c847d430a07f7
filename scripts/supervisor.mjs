// Keeps every service of `npm start` running: one that exits unexpectedly is restarted after a backoff
// (1 s, doubling up to 30 s, back to 1 s once a run has stayed ready for a minute) while the others go on
// serving. stop() ends them all. Plain Node with no dependencies, like the rest of scripts/.
import { spawn } from 'node:child_process';

export const BACKOFF = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/** The wait before restart number `restarts` (0-based) of a service that keeps failing. */
export function backoffDelay(restarts, { initialMs, maxMs } = BACKOFF) {
  return Math.min(maxMs, initialMs * 2 ** Math.min(restarts, 30));
}

/** How a process ended, for a log line: "code 1" or "signal SIGKILL". */
export function describeExit(code, signal) {
  return signal ? `signal ${signal}` : `code ${code}`;
}

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a process group started with detached: true: SIGTERM, then SIGKILL after a bound. It waits for
 * the whole group, not just its leader, so nothing a service started outlives it.
 */
export async function stopProcess(child, graceMs = 15_000) {
  if (!groupAlive(child.pid)) return;
  process.kill(-child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  const killed = Date.now() + 5000;
  while (groupAlive(child.pid) && Date.now() < killed) await sleep(50);
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Resolves once `url` answers 200; rejects when the process exits first or after `timeoutMs`. */
export async function waitReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child))
      throw new Error(`${url}: the process exited with ${describeExit(child.exitCode, child.signalCode)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Runs a service's own process (not an npm wrapper) in a process group of its own, with an IPC channel to this
 * process: the channel closes when the supervisor dies however it dies (even SIGKILL), and the service's
 * `runService` then shuts down, so no service outlives its supervisor.
 */
export function spawnService(service) {
  const [command, ...args] = service.command;
  return spawn(command, args, {
    cwd: service.dir,
    env: { ...process.env, ...service.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
}

/**
 * @param {object} options
 * @param {{name: string, readyUrl: string, command: string[], dir: string, env: object}[]} options.services
 * @param {(line: string) => void} options.log
 * @param {typeof BACKOFF} [options.backoff]
 * @param {number} [options.graceMs] how long stop() waits after SIGTERM before SIGKILL
 */
export function createSupervisor({
  services,
  log,
  backoff = BACKOFF,
  spawn: start = spawnService,
  readyTimeoutMs = 60_000,
  graceMs = 15_000,
}) {
  let stopping = false;
  let started = false;
  const states = services.map((service) => ({
    service,
    child: undefined,
    restarts: 0,
    timer: undefined,
    readyAt: undefined,
  }));

  function launch(state) {
    const child = start(state.service);
    state.child = child;
    state.readyAt = undefined;
    const startedAt = Date.now();
    const ready = waitReady(state.service.readyUrl, child, readyTimeoutMs).then(() => {
      state.readyAt = Date.now();
    });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      // Whatever the service left behind in its group goes with it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      const ranFor = Math.round((Date.now() - startedAt) / 1000);
      if (!started) return; // start() reports it
      if (state.readyAt !== undefined && Date.now() - state.readyAt >= backoff.stableMs) state.restarts = 0;
      const delay = backoffDelay(state.restarts, backoff);
      state.restarts += 1;
      log(
        `${state.service.name} (pid ${child.pid}) exited with ${describeExit(code, signal)} after ${ranFor} s; restarting in ${delay / 1000} s (restart ${state.restarts})`,
      );
      state.timer = setTimeout(() => {
        state.timer = undefined;
        if (stopping) return;
        const next = launch(state);
        next.ready.then(
          () => log(`${state.service.name} (pid ${next.child.pid}) is ready again`),
          (err) => {
            // An exit is logged and handled by the exit handler; a run that never gets ready is worth a line.
            if (!exited(next.child) && !stopping) log(`${state.service.name}: ${err.message}`);
          },
        );
      }, delay);
    });
    return { child, ready };
  }

  return {
    /** Starts every service; resolves when each answers its readiness URL, rejects if one exits first. */
    async start() {
      const launched = states.map((state) => launch(state));
      // Fails as soon as one service exits or times out; the caller then stops the rest.
      await Promise.all(
        launched.map((l, i) =>
          l.ready.catch((err) => {
            throw new Error(`${states[i].service.name} did not start: ${err.message}`);
          }),
        ),
      );
      started = true;
      // One that died between its readiness and this line is restarted like any later exit.
      for (const state of states)
        if (exited(state.child)) state.child.emit('exit', state.child.exitCode, state.child.signalCode);
    },
    /** The running process of each service by name (for tests and the start-up table). */
    pids() {
      return Object.fromEntries(
        states.map((s) => [s.service.name, s.child && !exited(s.child) ? s.child.pid : undefined]),
      );
    },
    /** Stops every service (SIGTERM to its group, SIGKILL after a bound) and restarts none. */
    async stop() {
      stopping = true;
      for (const state of states) clearTimeout(state.timer);
      await Promise.all(states.filter((s) => s.child).map((s) => stopProcess(s.child, graceMs)));
    },
  };
}
