// The OCOP score sheet as the council types it: running totals per part, the total, and the stars they
// give (the certification service computes the same from the scores it receives and decides; this is what
// the staff see while typing). Thresholds of Decision 148/QĐ-TTg: 90 → 5★, 70 → 4★, 50 → 3★, below: none.

export type Part = 'A' | 'B' | 'C';

export interface Criterion {
  code: string;
  part: Part;
  title: { vi: string; en: string };
  max: number;
}

export interface SheetSummary {
  parts: Record<Part, number>;
  total: number;
  stars: 0 | 3 | 4 | 5;
  /** Criteria not scored yet. */
  missing: string[];
  /** Criteria whose points are not 0…max in half steps. */
  invalid: string[];
}

export function starsFor(total: number): 0 | 3 | 4 | 5 {
  if (total >= 90) return 5;
  if (total >= 70) return 4;
  if (total >= 50) return 3;
  return 0;
}

/** `points` by criterion code, as typed (empty = not scored). */
export function summarise(criteria: readonly Criterion[], points: Readonly<Record<string, string>>): SheetSummary {
  const parts: Record<Part, number> = { A: 0, B: 0, C: 0 };
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const c of criteria) {
    const text = (points[c.code] ?? '').trim().replace(',', '.');
    if (text === '') {
      missing.push(c.code);
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > c.max || Math.round(value * 2) !== value * 2) {
      invalid.push(c.code);
      continue;
    }
    parts[c.part] += value;
  }
  const total = parts.A + parts.B + parts.C;
  return { parts, total, stars: starsFor(total), missing, invalid };
}
