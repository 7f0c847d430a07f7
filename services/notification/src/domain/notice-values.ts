// How an event's fields read in a notice: plain text, a day and an instant in Vietnam's way of writing them. Shared
// by the notice plans (trade fairs, sourcing), so that a date reads the same in every message.

/** A non-empty string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** YYYY-MM-DD → DD/MM/YYYY. */
export const day = (v: unknown): string | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(v) ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
};

/** An instant in Vietnam time (UTC+7): HH:MM DD/MM/YYYY. */
export const vietnamTime = (v: unknown): string | undefined => {
  const t = Date.parse(str(v) ?? '');
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t + 7 * 3600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};
