import { AppError } from '@hangviet/service-kit/errors';
import { Outcome, reminderTime } from './outcome';

const now = new Date('2026-12-07T08:00:00Z');
const record = (signedDate = '2026-11-30', valueVnd = 1_500_000_000) =>
  Outcome.record({ id: 'o', requestId: 'r', buyerBusinessId: 'b', supplierBusinessId: 's', kind: 'CONTRACT', valueVnd, signedDate, actor: 'u', now });

describe('Outcome', () => {
  it('is recorded with its first reminder 3 months after signing (the end of a shorter month clamps)', () => {
    const o = record();
    expect(o.events.map((e) => e.kind)).toEqual(['recorded']);
    expect(o.state.nextReminderTime).toEqual(reminderTime('2026-11-30', 3));
    expect(reminderTime('2026-11-30', 3).toISOString()).toBe('2027-02-27T19:00:00.000Z');
  });

  it('refuses a future signing date and a value that is not whole VND', () => {
    expect(() => record('2026-12-09')).toThrow(AppError);
    expect(() => record('2026-12-07')).not.toThrow();
    expect(() => record('2026-11-30', 1.5)).toThrow(AppError);
    expect(() => record('2026-11-30', -1)).toThrow(AppError);
  });

  it('reminds at 3 and then 12 months, once each, and then no more', () => {
    const o = Outcome.fromState(record().state);
    expect(o.remind(new Date('2027-02-01T00:00:00Z')).events).toEqual([]);
    o.remind(new Date('2027-03-01T00:00:00Z'));
    expect(o.events).toEqual([{ kind: 'reminder_due', monthsAfter: 3, at: new Date('2027-03-01T00:00:00Z') }]);
    expect(o.state.nextReminderTime).toEqual(reminderTime('2026-11-30', 12));
    o.remind(new Date('2027-03-02T00:00:00Z'));
    expect(o.events).toHaveLength(1);
    o.remind(new Date('2027-12-01T00:00:00Z'));
    expect(o.events.map((e) => e.kind === 'reminder_due' && e.monthsAfter)).toEqual([3, 12]);
    expect(o.state.nextReminderTime).toBeUndefined();
  });

  it('recorded late, asks only the question due now', () => {
    const o = Outcome.fromState(Outcome.record({ id: 'o', requestId: 'r', supplierBusinessId: 's', kind: 'MOU', valueVnd: 0, signedDate: '2025-10-01', actor: 'u', now }).state);
    o.remind(now);
    expect(o.events).toEqual([{ kind: 'reminder_due', monthsAfter: 12, at: now }]);
    expect(o.state).toMatchObject({ remindersSent: [3, 12] });
  });
});
