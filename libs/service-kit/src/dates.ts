// One rule for the dates people and partners send (issue 20, finding 4): a real calendar date in a
// plausible year. No record of this platform (a business founded, a certificate decided, a fair held) lies
// before 1900 or after 2100, and refusing the rest at the edge keeps year-0 and year-9999 values out of the
// domain, where day arithmetic on them misbehaves (ISO strings of year 10000 sort before 9999).
import { z } from 'zod';

export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;
export const DATE_OUT_OF_RANGE = 'DATE_OUT_OF_RANGE';
const RANGE_MESSAGE = `must lie in the years ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a calendar day `YYYY-MM-DD` that exists (no 31 April, no 29 February 2025). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC, which would read years 0–99 as 1900–1999.
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether an instant falls within the plausible years (UTC). */
export function isPlausibleInstant(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return !Number.isNaN(instant.getTime()) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/** Whether a `YYYY-MM-DD` day lies within the plausible years (its format checked elsewhere). */
export function isPlausibleDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return isCalendarDay(text) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

/** The plausible years as the OpenAPI documents state them (a pattern on the text's year), so fuzzers and clients know. */
export const PLAUSIBLE_YEAR_PATTERN = '^(19[0-9]{2}|20[0-9]{2}|2100)-';
const inPlausibleYears = (text: string) => {
  const year = Number(text.slice(0, 4));
  return /^\d{4}-/.test(text) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
};

/** A calendar day `YYYY-MM-DD` in a plausible year, kept as its text (fairs' local days). */
export const plausibleDay = () =>
  z
    .string()
    .max(10)
    .refine((s) => DAY.test(s), { error: 'expected a calendar day YYYY-MM-DD', params: { code: 'INVALID_FORMAT' }, abort: true })
    .refine(isCalendarDay, { error: 'not a calendar day', params: { code: 'INVALID_DATE' }, abort: true })
    .refine(isPlausibleDay, { error: RANGE_MESSAGE, params: { code: DATE_OUT_OF_RANGE } })
    .meta({ pattern: '^(19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$', description: `a calendar day YYYY-MM-DD of the years ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}` });

/** An RFC 3339 instant with its offset, in a plausible year, as a Date. */
export const plausibleDateTime = () =>
  z.iso
    .datetime({ offset: true })
    .refine(inPlausibleYears, { error: RANGE_MESSAGE, params: { code: DATE_OUT_OF_RANGE } })
    .meta({ pattern: PLAUSIBLE_YEAR_PATTERN, description: `an instant of the years ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}` })
    .transform((s) => new Date(s));

/** A day `YYYY-MM-DD` (midnight UTC) or an RFC 3339 instant, in a plausible year, as a Date (decision dates). */
export const plausibleDate = () =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .refine(inPlausibleYears, { error: RANGE_MESSAGE, params: { code: DATE_OUT_OF_RANGE } })
    .meta({ pattern: PLAUSIBLE_YEAR_PATTERN, description: `a day or an instant of the years ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}` })
    .transform((s) => new Date(s));
