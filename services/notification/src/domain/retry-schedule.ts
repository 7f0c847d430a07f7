// Standard Webhooks / Svix delivery schedule: an attempt at once, then retries after each failure.
// schedule[i] is the wait before attempt i+1; when the schedule runs out the message is exhausted.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * UNIT_MS.s!,
  5 * UNIT_MS.m!,
  30 * UNIT_MS.m!,
  2 * UNIT_MS.h!,
  5 * UNIT_MS.h!,
  10 * UNIT_MS.h!,
  10 * UNIT_MS.h!,
];

/** Five days failing without one success disables an endpoint (Svix). */
export const DEFAULT_ENDPOINT_DISABLE_AFTER_MS = 5 * UNIT_MS.d!;

/** Svix sends message.attempt.failing after the fourth failed attempt of a message. */
export const DEFAULT_FAILING_AFTER_ATTEMPTS = 4;

/** A duration like "0", "250ms", "5s", "5m", "2h", "1d"; a bare number is milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] ?? 'ms']!;
}

/** "0,5s,5m,30m,2h,5h,10h,10h" → milliseconds; throws with the offending entry. */
export function parseRetrySchedule(text: string): number[] {
  const entries = text.split(',').map((e) => e.trim());
  const schedule = entries.map((entry) => {
    const ms = parseDuration(entry);
    if (ms === undefined) throw new Error(`'${entry}' is not a duration (e.g. 0, 500ms, 5s, 5m, 2h)`);
    return ms;
  });
  if (schedule.length === 0 || schedule.length > 20) throw new Error('expected 1 to 20 entries');
  return schedule;
}

/**
 * When the next attempt is due after `attemptsMade` failed attempts, or undefined when the schedule
 * is exhausted.
 */
export function nextAttemptAt(attemptsMade: number, lastAttemptAt: Date, schedule: readonly number[]): Date | undefined {
  const wait = schedule[attemptsMade];
  return wait === undefined ? undefined : new Date(lastAttemptAt.getTime() + wait);
}
