// The facts' rollups, pure: which rollup rows a fact counts in, which rows a figure filter reads, and the sums.
// A query must not sum every fact of a year (FerretDB decodes each matching document in Go), so the facts are
// also kept summed per code, year, quarter and a *grouping set* of the filter dimensions: one row per
// (code, year, quarter, set, the set's dimension values), the dimensions outside the set being '*'.
// - The fine set (`pwsc`: province, ward, section, scheme) has a row per distinct key of the facts; a row is the
//   sum of the facts of exactly its key.
// - The coarse sets, every subset of province, section and scheme (8), are sums of fine rows. A filter without a
//   ward is answered by the coarse set of exactly the dimensions it names, its rows found by id: one per code
//   and quarter, whatever the number of facts. A filter with a ward reads the fine rows of that ward.
// Wards get no coarse sets of their own: there are thousands, and each set would hold nearly as many rows as
// the fine set, written by every rebuild. Each row is recomputed from what it sums, never incremented, which is
// what keeps it exact under redelivery and crashes (see infrastructure/mongo-rollups.ts).
import type { FactTotal } from './figures';
import type { Fact } from './projection';

/** The filter dimensions a rollup may be grouped by, in the order of a row's id. */
export const DIMENSIONS = ['provinceCode', 'wardCode', 'industrySection', 'scheme'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const LETTER: Record<Dimension, string> = { provinceCode: 'p', wardCode: 'w', industrySection: 's', scheme: 'c' };

/** A value no dimension takes: the dimension is not part of the row's grouping set. */
export const ANY = '*';

const COARSE_DIMENSIONS: readonly Dimension[] = ['provinceCode', 'industrySection', 'scheme'];
/** Every subset of province, section and scheme. */
export const COARSE_SETS: readonly (readonly Dimension[])[] = Array.from({ length: 1 << COARSE_DIMENSIONS.length }, (_, mask) => COARSE_DIMENSIONS.filter((_, i) => mask & (1 << i)));
export const FINE_SET: readonly Dimension[] = DIMENSIONS;
/** A fact counts in 9 rows: its fine row and one of each coarse set. */
export const GROUPING_SETS: readonly (readonly Dimension[])[] = [FINE_SET, ...COARSE_SETS];

/** A set's name: the letters of its dimensions, or '-' for none. */
export const setName = (dims: readonly Dimension[]): string => dims.map((d) => LETTER[d]).join('') || '-';

export interface RollupKey {
  set: string;
  code: string;
  year: number;
  quarter: number;
  provinceCode: string;
  wardCode: string;
  industrySection: string;
  scheme: string;
}

/** The row's id: every part of its key (codes and dimension values hold no '|'). */
export const rollupId = (k: RollupKey): string => [k.set, k.code, k.year, k.quarter, k.provinceCode, k.wardCode, k.industrySection, k.scheme].join('|');

/** The key of a fact's row in one grouping set. */
export function keyIn(fact: Pick<Fact, 'code' | 'year' | 'quarter' | Dimension>, dims: readonly Dimension[]): RollupKey {
  const value = (d: Dimension) => (dims.includes(d) ? fact[d] : ANY);
  return { set: setName(dims), code: fact.code, year: fact.year, quarter: fact.quarter, provinceCode: value('provinceCode'), wardCode: value('wardCode'), industrySection: value('industrySection'), scheme: value('scheme') };
}

export const FINE = setName(FINE_SET);
/** The fine row of a fact: the facts of one key, what a fine row sums (stored on each fact, indexed). */
export const fineRowIdOf = (fact: Pick<Fact, 'code' | 'year' | 'quarter' | Dimension>): string => rollupId(keyIn(fact, FINE_SET));
/** Code, year and quarter: the fine rows a coarse row sums all share it (stored on fine rows, indexed). */
export const periodKeyOf = (k: Pick<RollupKey, 'code' | 'year' | 'quarter'>): string => `${k.code}|${k.year}|${k.quarter}`;

/** Every row a fact counts in (one per grouping set). */
export const rollupKeysOf = (fact: Pick<Fact, 'code' | 'year' | 'quarter' | Dimension>): RollupKey[] => GROUPING_SETS.map((dims) => keyIn(fact, dims));

/** The distinct rows of a set of facts, by id. */
export function rollupKeysOfAll(facts: Iterable<Pick<Fact, 'code' | 'year' | 'quarter' | Dimension>>): Map<string, RollupKey> {
  const keys = new Map<string, RollupKey>();
  for (const fact of facts) for (const key of rollupKeysOf(fact)) keys.set(rollupId(key), key);
  return keys;
}

/** Whether a fine row (or a fact) counts in a coarse row: the same period and the coarse set's dimension values. */
export function within(key: RollupKey, row: Pick<RollupKey, 'code' | 'year' | 'quarter' | Dimension>): boolean {
  return row.code === key.code && row.year === key.year && row.quarter === key.quarter && DIMENSIONS.every((d) => key[d] === ANY || key[d] === row[d]);
}

export interface RollupFilter {
  year: number;
  quarter?: number;
  provinceCode?: string;
  wardCode?: string;
  industrySection?: string;
  scheme?: string;
}

/** Facts' quarters: 1–4, and 0 for a submitted figure of the whole year (counted in the year, in no quarter). */
export const QUARTERS = [0, 1, 2, 3, 4] as const;

/** The ids of every row a filter without a ward reads: its own coarse set, each code, the quarter asked or every quarter. */
export function rowIdsOf(filter: RollupFilter, codes: readonly string[]): string[] {
  if (filter.wardCode) throw new Error('a ward filter reads the fine rows of the ward (wardRowsFilterOf)');
  const dims = COARSE_DIMENSIONS.filter((d) => filter[d] !== undefined && filter[d] !== '');
  const set = setName(dims);
  const value = (d: Dimension) => (dims.includes(d) ? filter[d]! : ANY);
  const quarters = filter.quarter ? [filter.quarter] : QUARTERS;
  const ids: string[] = [];
  for (const code of codes) {
    for (const quarter of quarters) {
      ids.push(rollupId({ set, code, year: filter.year, quarter, provinceCode: value('provinceCode'), wardCode: value('wardCode'), industrySection: value('industrySection'), scheme: value('scheme') }));
    }
  }
  return ids;
}

/** A filter with a ward: the fine rows of that ward, period and other dimensions. */
export function wardRowsFilterOf(filter: RollupFilter): Partial<Record<'set' | 'year' | 'quarter' | Dimension, string | number>> {
  const out: Partial<Record<'set' | 'year' | 'quarter' | Dimension, string | number>> = { set: FINE, wardCode: filter.wardCode!, year: filter.year };
  if (filter.quarter) out.quarter = filter.quarter;
  for (const d of COARSE_DIMENSIONS) if (filter[d]) out[d] = filter[d];
  return out;
}

/** The rows' sums per code. */
export function totalsOfRows(rows: Iterable<{ code: string; sum: number; count: number }>): Map<string, FactTotal> {
  const totals = new Map<string, FactTotal>();
  for (const row of rows) {
    if (row.count === 0) continue;
    const t = totals.get(row.code) ?? { sum: 0, count: 0 };
    totals.set(row.code, { sum: t.sum + row.sum, count: t.count + row.count });
  }
  return totals;
}

/** Every row of a set of facts with its sum and count: what a rebuild writes, and what the tests check rows against. */
export function rollupsOf(facts: Iterable<Pick<Fact, 'code' | 'year' | 'quarter' | 'value' | Dimension>>): Map<string, RollupKey & FactTotal> {
  const rows = new Map<string, RollupKey & FactTotal>();
  for (const fact of facts) {
    for (const key of rollupKeysOf(fact)) {
      const id = rollupId(key);
      const row = rows.get(id);
      if (row) {
        row.sum += fact.value;
        row.count += 1;
      } else rows.set(id, { ...key, sum: fact.value, count: 1 });
    }
  }
  return rows;
}
