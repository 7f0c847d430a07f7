// What a booth on the floor plan shows and what it is called. A booth is 64 px wide: the holder's name is
// shortened to the words that fit (the legal form, common to nearly every holder, left out). Its accessible
// name starts with exactly what it shows — the code, then the short name — so a speech-input user can say
// what they see (axe: label-content-name-mismatch compares whole words), and the full name follows.

const LEGAL_FORMS = /^(công ty (tnhh|trách nhiệm hữu hạn|cổ phần|cp|hợp danh)( (một|1) thành viên| mtv)?|công ty|hợp tác xã|htx|doanh nghiệp tư nhân|dntn|hộ kinh doanh)\s+/iu;

/** The holder's name as the booth shows it: at most `max` characters, whole words, the legal form left out. */
export function shortHolder(name: string, max = 9): string {
  const words = (name.replace(LEGAL_FORMS, '').trim() || name.trim()).split(/\s+/);
  let short = '';
  for (const word of words) {
    const next = short ? `${short} ${word}` : word;
    if (next.length > max) break;
    short = next;
  }
  // A first word longer than the booth is cut (the accessible name carries the same cut word).
  return short || words[0]!.slice(0, max - 1);
}

export interface BoothLabelParts {
  code: string;
  state: string;
  holderName?: string;
  /** Words for "corner booth" and "your booth", when they apply. */
  corner?: string;
  yours?: string;
}

/** "A01 Đặc sản: Đã phân bổ — Công ty TNHH Đặc sản Bến Tre (gian góc) — gian của bạn". */
export function boothLabel({ code, state, holderName, corner, yours }: BoothLabelParts): string {
  const short = holderName ? shortHolder(holderName) : '';
  return `${code}${short ? ` ${short}` : ''}: ${state}${holderName && holderName !== short ? ` — ${holderName}` : ''}${corner ? ` (${corner})` : ''}${yours ? ` — ${yours}` : ''}`;
}
