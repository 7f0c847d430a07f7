// Reads the event log for a partner stream: in sequence order, from right after a cursor, with no
// gap and no duplicate. The log is gapless by construction (see event-log.ts); should a number be
// missing anyway (e.g. a restore from backup), it is waited for up to gapWaitMs, then stepped over.
import { AppError, invalid } from '@hangviet/service-kit';
import { matchesAny } from '@hangviet/events/event-type-pattern';
import type { EventLogEntry } from '../domain/records';
import type { EventLog } from './ports';

const CURSOR_PREFIX = 'c1.';

export function encodeCursor(seq: number): string {
  return CURSOR_PREFIX + seq.toString(36);
}

export function decodeCursor(cursor: string): number {
  const body = cursor.startsWith(CURSOR_PREFIX) ? cursor.slice(CURSOR_PREFIX.length) : '';
  const seq = /^[0-9a-z]{1,11}$/.test(body) ? parseInt(body, 36) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw invalid([{ field: 'cursor', code: 'CURSOR_INVALID', message: 'cursor is not one this stream returned' }]);
  }
  return seq;
}

export interface StreamOptions {
  patterns: readonly string[];
  /** Resume after this sequence; undefined: from `start`. */
  after?: number;
  start: 'latest' | 'earliest';
  signal: AbortSignal;
  pollIntervalMs: number;
  gapWaitMs: number;
  batchSize?: number;
}

export async function* streamEventLog(log: EventLog, opts: StreamOptions): AsyncGenerator<{ cursor: string; entry: EventLogEntry }> {
  const deletedThrough = await log.deletedThrough();
  let position: number;
  if (opts.after !== undefined) {
    if (opts.after < deletedThrough) {
      throw new AppError('failed_precondition', 'CURSOR_EXPIRED', 'The cursor is older than the retained event log; resubscribe without a cursor.', {
        meta: { oldestAvailable: encodeCursor(deletedThrough) },
      });
    }
    position = opts.after;
  } else {
    position = opts.start === 'earliest' ? deletedThrough : await log.head();
  }
  const batchSize = opts.batchSize ?? 200;
  let gapSeenAt: number | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (opts.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        opts.signal.removeEventListener('abort', done);
        resolve();
      }
      opts.signal.addEventListener('abort', done);
    });

  while (!opts.signal.aborted) {
    const entries = await log.readAfter(position, batchSize);
    let blocked = false;
    for (const entry of entries) {
      if (entry.seq !== position + 1) {
        const now = Date.now();
        gapSeenAt ??= now;
        if (now - gapSeenAt < opts.gapWaitMs) {
          blocked = true;
          break;
        }
      }
      gapSeenAt = undefined;
      position = entry.seq;
      if (entry.type && matchesAny(opts.patterns, entry.type)) {
        yield { cursor: encodeCursor(entry.seq), entry };
        if (opts.signal.aborted) return;
      }
    }
    if (blocked || entries.length < batchSize) await sleep(opts.pollIntervalMs);
  }
}
