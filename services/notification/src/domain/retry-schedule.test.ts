import { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, nextAttemptAt, parseDuration, parseRetrySchedule } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('defaults to immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS).toEqual(parseRetrySchedule('0,5s,5m,30m,2h,5h,10h,10h'));
    expect(DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS).toEqual([0, 5000, 300000, 1800000, 7200000, 18000000, 36000000, 36000000]);
  });

  it('schedules each retry after the previous failure and runs out after the last entry', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(nextAttemptAt(1, at, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS)?.toISOString()).toBe('2026-01-01T00:00:05.000Z');
    expect(nextAttemptAt(7, at, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS)?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(nextAttemptAt(8, at, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS)).toBeUndefined();
  });

  it('parses durations and names a bad entry', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('40')).toBe(40);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('5 min')).toBeUndefined();
    expect(() => parseRetrySchedule('0,5x')).toThrow("'5x' is not a duration");
  });
});
