// Calendar days in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving): a fair's days
// are local dates ('YYYY-MM-DD'), its daily hours local clock times ('HH:MM').
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export function isClockTime(text: string): boolean {
  return CLOCK.test(text);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, both included, in order. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The instant of a local day and clock time in Vietnam. */
export function vietnamInstant(day: string, clock = '00:00'): Date {
  return new Date(new Date(`${day}T${clock}:00Z`).getTime() - VIETNAM_OFFSET_MS);
}

/** The local day in Vietnam of an instant. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
