import { z } from 'zod';
import { isCalendarDay, isPlausibleDay, plausibleDate, plausibleDateTime, plausibleDay } from './dates';
import { unsafeTextErrors } from './input-guards';
import { toFieldErrors } from './validation';

const codes = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error.issues, input).map((e) => e.code);
};

describe('the one plausible-date rule (issue 20, finding 4)', () => {
  it('takes real calendar days of 1900–2100 and names the rule otherwise', () => {
    expect(codes(plausibleDay(), '2026-12-07')).toEqual([]);
    expect(codes(plausibleDay(), '9999-12-31')).toEqual(['DATE_OUT_OF_RANGE']);
    expect(codes(plausibleDay(), '0000-06-01')).toEqual(['DATE_OUT_OF_RANGE']);
    expect(codes(plausibleDay(), '2026-02-30')).toEqual(['INVALID_DATE']);
    expect(codes(plausibleDay(), '7/12/2026')).toEqual(['INVALID_FORMAT']);
    expect(isCalendarDay('0099-02-28') && !isPlausibleDay('0099-02-28')).toBe(true);
  });

  it('bounds instants and day-or-instant dates alike', () => {
    expect(plausibleDateTime().parse('2026-12-07T08:00:00+07:00')).toEqual(new Date('2026-12-07T01:00:00Z'));
    expect(codes(plausibleDateTime(), '9999-12-31T00:00:00Z')).toEqual(['DATE_OUT_OF_RANGE']);
    expect(codes(plausibleDate(), '0000-06-01')).toEqual(['DATE_OUT_OF_RANGE']);
    expect(plausibleDate().parse('2026-11-20')).toEqual(new Date('2026-11-20T00:00:00Z'));
  });
});

describe('the input guard on deep values (issue 20, finding 8)', () => {
  it('walks 5,000 levels without recursion and names the depth rule once', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}"x"${']'.repeat(5000)}`) as unknown;
    expect(unsafeTextErrors(deep)).toEqual([expect.objectContaining({ code: 'NESTED_TOO_DEEPLY' })]);
  });

  it('still names unsafe strings by their path, in document order', () => {
    expect(unsafeTextErrors({ a: ['ok', 'x\u0000'], b: { c: '\u202e' } }).map((e) => `${e.field} ${e.code}`)).toEqual(['a.1 NUL_CHARACTER', 'b.c BIDI_CONTROL']);
  });
});
