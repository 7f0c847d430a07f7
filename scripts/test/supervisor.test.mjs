// The supervisor's rules on real (stand-in) processes: restarts with a doubling backoff, reset after a
// healthy run, services that exit before they are ready fail the start, and stop() leaves nothing running.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { alive } from '../lib.mjs';
import { backoffDelay, createSupervisor, describeExit, spawnService } from '../supervisor.mjs';

const fixture = join(__dirname, 'fixtures', 'crashing-service.mjs');

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function standIn(name, env = {}) {
  const port = await freePort();
  return {
    name,
    readyUrl: `http://127.0.0.1:${port}/readyz`,
    command: [process.execPath, fixture],
    dir: __dirname,
    env: { HTTP_PORT: String(port), ...env },
  };
}

/** Resolves when `predicate(lines)` holds; the test's own timeout bounds the wait. */
async function until(lines, predicate) {
  while (!predicate(lines)) await new Promise((r) => setTimeout(r, 50));
}

describe('backoffDelay', () => {
  it('starts at 1 s and doubles up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});

describe('describeExit', () => {
  it('names the signal when there is one, else the exit code', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect(describeExit(3, null)).toBe('code 3');
  });
});

describe('createSupervisor', () => {
  let supervisor;
  const spawned = [];
  /** createSupervisor, recording every process it starts so that none can outlive a failed test. */
  const supervise = (options) =>
    createSupervisor({ ...options, spawn: (service) => spawned[spawned.push(spawnService(service)) - 1] });
  afterEach(async () => {
    try {
      await supervisor?.stop();
    } finally {
      supervisor = undefined;
      for (const child of spawned.splice(0)) if (alive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    }
  });

  it('restarts a service that keeps crashing after a doubling delay, while the other keeps its process', async () => {
    const lines = [];
    const crashing = await standIn('crashing', { CRASH_AFTER_MS: '300' });
    const steady = await standIn('steady');
    supervisor = supervise({
      services: [crashing, steady],
      log: (l) => lines.push(l),
      backoff: { initialMs: 100, maxMs: 400, stableMs: 60_000 },
    });
    await supervisor.start();
    const steadyPid = supervisor.pids().steady;

    await until(
      lines,
      (l) => l.filter((x) => x.startsWith('crashing ')).filter((x) => x.includes('exited')).length >= 4,
    );
    const exits = lines.filter((l) => l.startsWith('crashing ') && l.includes('exited'));
    expect(
      exits
        .slice(0, 4)
        .map((l) => /with (code \d+).*restarting in ([\d.]+) s \(restart (\d+)\)/.exec(l)?.slice(1)),
    ).toEqual([
      ['code 3', '0.1', '1'],
      ['code 3', '0.2', '2'],
      ['code 3', '0.4', '3'],
      ['code 3', '0.4', '4'],
    ]);
    expect(supervisor.pids().steady).toBe(steadyPid);
    expect(lines.some((l) => l.startsWith('steady'))).toBe(false);
  }, 60_000);

  it('goes back to the first delay once a run has stayed ready for stableMs', async () => {
    const lines = [];
    const crashing = await standIn('crashing', { CRASH_AFTER_MS: '300' });
    supervisor = supervise({
      services: [crashing],
      log: (l) => lines.push(l),
      backoff: { initialMs: 100, maxMs: 400, stableMs: 1 },
    });
    await supervisor.start();
    await until(
      lines,
      (l) =>
        l.filter((x) => x.includes('is ready again')).length >= 2 &&
        l.filter((x) => x.includes('exited')).length >= 3,
    );
    const delays = lines
      .filter((l) => l.includes('exited'))
      .map((l) => /restarting in ([\d.]+) s/.exec(l)?.[1]);
    expect(delays.slice(0, 3)).toEqual(['0.1', '0.1', '0.1']);
  }, 60_000);

  it('fails the start when a service exits before it is ready, naming it', async () => {
    const broken = { ...(await standIn('broken')), command: [process.execPath, '-e', 'process.exit(7)'] };
    const steady = await standIn('steady');
    supervisor = supervise({ services: [steady, broken], log: () => undefined });
    await expect(supervisor.start()).rejects.toThrow(/^broken did not start: .*exited with code 7/);
  }, 60_000);

  it('stop() kills a service that ignores SIGTERM once the grace period is over', async () => {
    const stuck = await standIn('stuck', { IGNORE_SIGTERM: '1' });
    supervisor = supervise({ services: [stuck], log: () => undefined, graceMs: 300 });
    await supervisor.start();
    const { stuck: pid } = supervisor.pids();
    await supervisor.stop();
    expect(alive(pid)).toBe(false);
  }, 60_000);

  it('stop() ends every service and restarts none', async () => {
    const lines = [];
    const a = await standIn('a');
    const b = await standIn('b');
    supervisor = supervise({
      services: [a, b],
      log: (l) => lines.push(l),
      backoff: { initialMs: 10, maxMs: 10, stableMs: 60_000 },
    });
    await supervisor.start();
    const pids = Object.values(supervisor.pids());
    expect(pids.every(alive)).toBe(true);
    await supervisor.stop();
    expect(pids.some(alive)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines).toEqual([]);
    expect(Object.values(supervisor.pids())).toEqual([undefined, undefined]);
  }, 60_000);
});
