import { addDays, dayCount, daysBetween, isCalendarDay, isPlausibleDay } from './calendar-days';
import { validateFair } from './fair';

describe('calendar days at the edges of the calendar (issue 20, finding 4)', () => {
  it('never walks past year 9999: addDays throws rather than writing +010000-01-01', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('lists the days between two days by counting, bounded, so no pair of days can loop', () => {
    expect(daysBetween('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
    expect(daysBetween('2027-03-02', '2027-02-27')).toEqual([]);
    expect(daysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(() => daysBetween('1900-01-01', '2100-12-31')).toThrow(RangeError);
    expect(dayCount('2027-01-01', '2027-12-31')).toBe(365);
  });

  it('takes calendar days in plausible years only', () => {
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('0099-01-01')).toBe(true);
    expect(isPlausibleDay('0099-01-01')).toBe(false);
    expect(isPlausibleDay('9999-12-31')).toBe(false);
    expect(isPlausibleDay('2027-06-01')).toBe(true);
  });

  it('validateFair names days out of range instead of computing with them', () => {
    const days = { setUpDay: '9999-12-30', openingDay: '9999-12-30', closingDay: '9999-12-31', tearDownDay: '9999-12-31', openTime: '08:00', closeTime: '22:00' };
    const errors = validateFair({
      id: 'f', name: 'x', kind: 'MARKET_SESSION', venueId: 'v', venueName: 'v', provinceCode: '86', days,
      applicationOpenTime: new Date('2027-01-01'), applicationCloseTime: new Date('2027-02-01'), boothFeeVnd: 0,
      rules: { eligibility: 'OPEN', maxBoothsPerBusiness: 1, certifiedProducts: 'NONE' },
      supportPolicy: { firstParticipationPercent: 0, laterParticipationPercent: 0, capPerBusinessPerYearVnd: 0 },
    } as Parameters<typeof validateFair>[0]);
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual(['days.setUpDay DATE_OUT_OF_RANGE', 'days.openingDay DATE_OUT_OF_RANGE', 'days.closingDay DATE_OUT_OF_RANGE', 'days.tearDownDay DATE_OUT_OF_RANGE']);
  });
});
