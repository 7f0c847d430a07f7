// Dates as people in Vietnam read them: the day in Vietnam time (UTC+7), dd/MM/yyyy, whatever the
// browser's own zone; names sorted as people expect ("Cơ sở 2" before "Cơ sở 10", Vietnamese letters).

const ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

const parse = (value: string | Date | undefined): Date | undefined => {
  if (value === undefined || value === '') return undefined;
  // A calendar day without a time ('2026-12-07') is that day, not midnight UTC shifted by the zone.
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** `07/12/2029` (the day in Vietnam); '' for a missing or unreadable value. */
export function formatDay(value: string | Date | undefined): string {
  const d = parse(value);
  return d ? dayFormat.format(d) : '';
}

/** `07/12/2029 14:05` (Vietnam time). */
export function formatDateTime(value: string | Date | undefined): string {
  const d = parse(value);
  return d ? `${dayFormat.format(d)} ${timeFormat.format(d)}` : '';
}

/** Today in Vietnam as `yyyy-MM-dd` (the value of a date input). */
export function todayInVietnam(now = new Date()): string {
  const [day, month, year] = dayFormat.format(now).split('/');
  return `${year}-${month}-${day}`;
}

/** Whole days from now until the value (negative when past). */
export function daysUntil(value: string | Date | undefined, now = new Date()): number | undefined {
  const d = parse(value);
  return d ? Math.ceil((d.getTime() - now.getTime()) / 86_400_000) : undefined;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Natural order of names: digits by value, Vietnamese letters in their order. */
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b);

/** Search key of Vietnamese text: no diacritics, đ → d, lower case, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐƉ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
