import { parseDuration, parseSchedule } from './schedule';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    [' 1.5s ', 1500],
    [250, 250],
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '10', '10 minutes', '-1s', '0s', 'abc'])('refuses %p, naming the expected form', (text) => {
    expect(() => parseDuration(text)).toThrow(/expected a duration such as 500ms, 30s/);
  });

  it('refuses a non-positive number', () => {
    expect(() => parseDuration(0)).toThrow('expected a positive duration in milliseconds, got 0');
  });
});

describe('parseSchedule', () => {
  const now = new Date('2026-12-01T22:15:30.000Z');

  it('runs an interval job at once, then the interval after each run ends', () => {
    const schedule = parseSchedule({ every: '10m' });
    expect(schedule.first(now)).toEqual(now);
    expect(schedule.next(new Date('2026-12-01T22:20:00.000Z'))).toEqual(new Date('2026-12-01T22:30:00.000Z'));
    expect(schedule.text).toBe('every 10m');
  });

  it('runs a cron job at the next matching time, in UTC by default', () => {
    const schedule = parseSchedule({ cron: '0 3 * * *' });
    expect(schedule.first(now)).toEqual(new Date('2026-12-02T03:00:00.000Z'));
    expect(schedule.next(new Date('2026-12-02T03:00:01.000Z'))).toEqual(new Date('2026-12-03T03:00:00.000Z'));
  });

  it('reads a cron expression in the given time zone', () => {
    // 03:00 in Hà Nội (UTC+7) is 20:00 UTC the day before.
    const schedule = parseSchedule({ cron: '0 3 * * *', timezone: 'Asia/Ho_Chi_Minh' });
    expect(schedule.first(now)).toEqual(new Date('2026-12-02T20:00:00.000Z'));
  });

  it('accepts a seconds field', () => {
    expect(parseSchedule({ cron: '*/15 * * * * *' }).first(now)).toEqual(new Date('2026-12-01T22:15:45.000Z'));
  });

  it('refuses a malformed cron expression with its text in the message', () => {
    expect(() => parseSchedule({ cron: '61 * * * *' })).toThrow(/invalid cron expression '61 \* \* \* \*'/);
  });
});
