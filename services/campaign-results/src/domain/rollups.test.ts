import type { Fact } from './projection';
import { ANY, FINE, GROUPING_SETS, rollupId, rollupKeysOf, rollupsOf, rowIdsOf, totalsOfRows, wardRowsFilterOf, within, type RollupFilter } from './rollups';

// A small deterministic generator: the same facts on every run, spread over every dimension.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

type RolledFact = Pick<Fact, 'code' | 'year' | 'quarter' | 'value' | 'provinceCode' | 'wardCode' | 'industrySection' | 'scheme'>;
const CODES = ['businesses.registered', 'certificates.issued', 'support.vnd', 'survey.prefer_vietnamese_pct'];
function facts(n: number, seed: number): RolledFact[] {
  const r = random(seed);
  return Array.from({ length: n }, () => {
    const provinceCode = pick(r, ['86', '20', '01', '']);
    return {
      code: pick(r, CODES),
      year: pick(r, [2025, 2026]),
      quarter: pick(r, [0, 1, 2, 3, 4]),
      provinceCode,
      wardCode: provinceCode === '' ? '' : `${provinceCode}${pick(r, ['001', '002', '003'])}`,
      industrySection: pick(r, ['A', 'C', 'G', '']),
      scheme: pick(r, ['OCOP', 'VIETGAP', '']),
      value: pick(r, [1, 1, 2, 1_000_000, 37.5]),
    };
  });
}

/** What a figure is: the facts of the filter summed directly. */
function direct(all: readonly RolledFact[], f: RollupFilter) {
  const out = new Map<string, { sum: number; count: number }>();
  for (const x of all) {
    if (x.year !== f.year || (f.quarter && x.quarter !== f.quarter)) continue;
    if ((f.provinceCode && x.provinceCode !== f.provinceCode) || (f.wardCode && x.wardCode !== f.wardCode)) continue;
    if ((f.industrySection && x.industrySection !== f.industrySection) || (f.scheme && x.scheme !== f.scheme)) continue;
    const t = out.get(x.code) ?? { sum: 0, count: 0 };
    out.set(x.code, { sum: t.sum + x.value, count: t.count + 1 });
  }
  return out;
}

/** A figure from the rows, as the query reads them: by id without a ward, the ward's fine rows with one. */
function fromRows(rows: ReturnType<typeof rollupsOf>, f: RollupFilter) {
  if (!f.wardCode) return totalsOfRows(rowIdsOf(f, CODES).flatMap((id) => (rows.has(id) ? [rows.get(id)!] : [])));
  const where = wardRowsFilterOf(f) as Record<string, string | number>;
  return totalsOfRows([...rows.values()].filter((row) => Object.entries(where).every(([k, v]) => (row as unknown as Record<string, unknown>)[k] === v)));
}

describe('rollups', () => {
  it('a fact counts in its fine row and one row of each coarse set, its other dimensions "*"', () => {
    const fact = { code: 'certificates.issued', year: 2026, quarter: 2, provinceCode: '86', wardCode: '86001', industrySection: 'C', scheme: 'OCOP' };
    const keys = rollupKeysOf(fact);
    expect(keys).toHaveLength(GROUPING_SETS.length);
    expect(new Set(keys.map(rollupId)).size).toBe(9);
    expect(keys.find((k) => k.set === FINE)).toMatchObject({ provinceCode: '86', wardCode: '86001', industrySection: 'C', scheme: 'OCOP' });
    expect(keys.find((k) => k.set === '-')).toMatchObject({ provinceCode: ANY, wardCode: ANY, industrySection: ANY, scheme: ANY });
    expect(keys.find((k) => k.set === 'pc')).toMatchObject({ provinceCode: '86', wardCode: ANY, industrySection: ANY, scheme: 'OCOP' });
    for (const key of keys) expect(within(key, fact)).toBe(true);
    expect(within(keys.find((k) => k.set === 'p')!, { ...fact, provinceCode: '20' })).toBe(false);
  });

  it('every filter read from the rows equals the facts summed directly (400 random facts, every combination of filters)', () => {
    const all = facts(400, 7);
    const rows = rollupsOf(all);
    let compared = 0;
    for (const year of [2025, 2026])
      for (const quarter of [undefined, 1, 3])
        for (const provinceCode of [undefined, '86', ''])
          for (const wardCode of [undefined, '86002', '20001'])
            for (const industrySection of [undefined, 'C'])
              for (const scheme of [undefined, 'OCOP']) {
                const filter: RollupFilter = { year, ...(quarter ? { quarter } : {}), ...(provinceCode !== undefined && provinceCode !== '' ? { provinceCode } : {}), ...(wardCode ? { wardCode } : {}), ...(industrySection ? { industrySection } : {}), ...(scheme ? { scheme } : {}) };
                const expected = direct(all, filter);
                expect(Object.fromEntries(fromRows(rows, filter))).toEqual(Object.fromEntries(expected));
                compared += expected.size;
              }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads one row per code and quarter without a ward: the number of facts does not matter', () => {
    expect(rowIdsOf({ year: 2026 }, CODES)).toHaveLength(CODES.length * 5);
    expect(rowIdsOf({ year: 2026, quarter: 2, provinceCode: '86', scheme: 'OCOP' }, CODES)).toEqual(CODES.map((c) => `pc|${c}|2026|2|86|*|*|OCOP`));
    expect(() => rowIdsOf({ year: 2026, wardCode: '86001' }, CODES)).toThrow(/fine rows/);
  });
});
