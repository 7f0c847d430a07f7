// From the facts' sums per code to the figures of the catalogue: sums, means of submitted results, ratios. Pure.
import { INDICATORS, type Indicator } from './indicators';

/** The facts of one code in one period and filter: the sum of their values and how many there were. */
export interface FactTotal {
  sum: number;
  count: number;
}

export type FactTotals = ReadonlyMap<string, FactTotal>;

export interface Figure {
  code: string;
  value: number;
  unit: Indicator['unit'];
  titleVi: string;
  titleEn: string;
  section: Indicator['section'];
  sources: readonly string[];
  /** How many records the figure counts (facts behind it). */
  records: number;
  previousYearValue: number;
  /** value − previousYearValue. */
  change: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function valueOf(ind: Indicator, totals: FactTotals): { value: number; records: number } {
  const t = totals.get(ind.code) ?? { sum: 0, count: 0 };
  switch (ind.aggregate) {
    case 'sum':
      return { value: round2(t.sum), records: t.count };
    case 'mean':
      return { value: t.count === 0 ? 0 : round2(t.sum / t.count), records: t.count };
    case 'ratio': {
      const num = totals.get(ind.ratio!.numerator)?.sum ?? 0;
      const den = totals.get(ind.ratio!.denominator)?.sum ?? 0;
      return { value: den === 0 ? 0 : round2((100 * num) / den), records: totals.get(ind.ratio!.denominator)?.count ?? 0 };
    }
  }
}

/** Every indicator of the catalogue (or those named), with the year before beside it. */
export function figuresOf(totals: FactTotals, previous: FactTotals, codes?: readonly string[]): Figure[] {
  return INDICATORS.filter((i) => !codes || codes.includes(i.code)).map((ind) => {
    const now = valueOf(ind, totals);
    const before = valueOf(ind, previous);
    return {
      code: ind.code,
      value: now.value,
      unit: ind.unit,
      titleVi: ind.titleVi,
      titleEn: ind.titleEn,
      section: ind.section,
      sources: ind.sources,
      records: now.records,
      previousYearValue: before.value,
      change: round2(now.value - before.value),
    };
  });
}

/** The fact codes a figure's records are: its own, or a ratio's denominator. */
export function factCodesOf(ind: Indicator): string[] {
  return ind.aggregate === 'ratio' ? [ind.ratio!.denominator] : [ind.code];
}
