// Calendar days in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving): a fair's days
// are local dates ('YYYY-MM-DD'), its daily hours local clock times ('HH:MM').
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

// The platform's one rule for dates (service-kit): a real calendar day, and one in a plausible year.
export { isCalendarDay, isPlausibleDay } from '@hangviet/service-kit/dates';

export function isClockTime(text: string): boolean {
  return CLOCK.test(text);
}

/** The day `n` days after `day` (YYYY-MM-DD of years 0000–9999; past them it throws, never a `+010000-…` text). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 0 || year > 9999) throw new RangeError(`no calendar day ${n} days after ${day}`);
  return d.toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, both included, in order; at most `limit` of them (a guard, not a rule). */
export function daysBetween(first: string, last: string, limit = 3660): string[] {
  const from = Date.parse(`${first}T00:00:00Z`);
  const count = Math.floor((Date.parse(`${last}T00:00:00Z`) - from) / DAY_MS) + 1;
  if (Number.isNaN(count) || count <= 0) return [];
  if (count > limit) throw new RangeError(`${count} days from ${first} to ${last}: more than ${limit}`);
  return Array.from({ length: count }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
}

/** How many days from `first` to `last`, both included (0 when `last` is before `first`). */
export function dayCount(first: string, last: string): number {
  const count = Math.floor((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1;
  return Number.isNaN(count) ? 0 : Math.max(count, 0);
}

/** The instant of a local day and clock time in Vietnam. */
export function vietnamInstant(day: string, clock = '00:00'): Date {
  return new Date(new Date(`${day}T${clock}:00Z`).getTime() - VIETNAM_OFFSET_MS);
}

/** The local day in Vietnam of an instant. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
