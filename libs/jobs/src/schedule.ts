// When a scheduled job is due: every fixed interval, or at the times a cron expression names (croner
// parses it; seconds optional, `timezone` an IANA name, default UTC). Pure: no clock, no I/O.
import { Cron } from 'croner';

export type ScheduleSpec =
  /** A fixed delay between the end of one run and the start of the next: `30s`, `10m`, `1h`, `1d` or milliseconds. */
  | { every: string | number }
  /** A cron expression (`0 3 * * *` = 03:00 every day), read in `timezone`. */
  | { cron: string; timezone?: string };

export interface Schedule {
  /** How the schedule was written, for logs. */
  readonly text: string;
  /** The first time the job is due when nothing has run yet, given the time now. */
  first(now: Date): Date;
  /** The next time the job is due after a run that finished at `finished`. */
  next(finished: Date): Date;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s` → 90000. Throws on anything else, naming what it expected. */
export function parseDuration(text: string | number): number {
  if (typeof text === 'number') {
    if (Number.isFinite(text) && text > 0) return text;
    throw new Error(`expected a positive duration in milliseconds, got ${text}`);
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  const value = match ? Number(match[1]) * UNIT_MS[match[2]!]! : NaN;
  if (!(value > 0)) throw new Error(`expected a duration such as 500ms, 30s, 10m, 1h or 1d, got '${text}'`);
  return value;
}

export function parseSchedule(spec: ScheduleSpec): Schedule {
  if ('every' in spec) {
    const intervalMs = parseDuration(spec.every);
    return {
      text: `every ${typeof spec.every === 'number' ? `${spec.every}ms` : spec.every}`,
      // A new interval job runs at once: a sweep or a check should not wait a whole interval after a deploy.
      first: (now) => now,
      next: (finished) => new Date(finished.getTime() + intervalMs),
    };
  }
  const timezone = spec.timezone ?? 'UTC';
  let cron: Cron;
  try {
    cron = new Cron(spec.cron, { timezone, paused: true });
  } catch (err) {
    throw new Error(`invalid cron expression '${spec.cron}': ${err instanceof Error ? err.message : String(err)}`);
  }
  const after = (time: Date): Date => {
    const found = cron.nextRun(time);
    if (!found) throw new Error(`cron expression '${spec.cron}' names no future time`);
    return found;
  };
  return { text: `cron '${spec.cron}' (${timezone})`, first: after, next: after };
}
