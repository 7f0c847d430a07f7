// Shared by the deploy tests that run services as real processes.
import { portFree, services } from '../../scripts/lib.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `pollMs` until it answers a truthy value (returned), or throws naming `what` after `timeoutMs`. */
export async function until(what, check, timeoutMs = 90_000, pollMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(pollMs);
  }
}

/** `count` distinct port offsets (2000–13900, steps of 100) under which every service's ports are free now. */
export async function freeOffsets(count) {
  const found = [];
  while (found.length < count) {
    const offset = 2000 + 100 * Math.floor(Math.random() * 120);
    if (found.includes(offset)) continue;
    const ports = services({ portOffset: offset }).flatMap((s) => [s.httpPort, s.grpcPort].filter(Boolean));
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) found.push(offset);
  }
  return found;
}
