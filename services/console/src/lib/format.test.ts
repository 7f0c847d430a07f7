import { daysUntil, fold, formatDateTime, formatDay, naturalCompare, todayInVietnam } from './format';

describe('dates in Vietnam time', () => {
  it('shows the day in Vietnam, dd/MM/yyyy, for an instant and for a calendar day', () => {
    expect(formatDay('2029-12-06T17:00:00.000Z')).toBe('07/12/2029');
    expect(formatDay('2029-12-07T00:00:00.000Z')).toBe('07/12/2029');
    expect(formatDay('2026-12-01')).toBe('01/12/2026');
    expect(formatDay(undefined)).toBe('');
    expect(formatDay('not a date')).toBe('');
  });

  it('gives the time in Vietnam and today as a date input value', () => {
    expect(formatDateTime('2026-12-07T07:05:00Z')).toBe('07/12/2026 14:05');
    expect(todayInVietnam(new Date('2026-12-07T18:30:00Z'))).toBe('2026-12-08');
    expect(daysUntil('2026-12-27T00:00:00Z', new Date('2026-12-07T00:00:00Z'))).toBe(20);
  });
});

describe('names', () => {
  it('sorts numbers by value and Vietnamese letters in order', () => {
    expect(['Cơ sở 10', 'Cơ sở 2', 'Cơ sở 1', 'Đồng Tháp', 'Dừa'].sort(naturalCompare)).toEqual(['Cơ sở 1', 'Cơ sở 2', 'Cơ sở 10', 'Dừa', 'Đồng Tháp']);
  });

  it('folds Vietnamese for search', () => {
    expect(fold('ĐẮK LẮK')).toBe('dak lak');
    expect(fold('  Bến   Tre ')).toBe('ben tre');
  });
});
