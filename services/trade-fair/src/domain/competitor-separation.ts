// "Keep competitors apart", an optional rule of a fair: a business is not given a booth side by side
// (same row, next column) with one held by a business of the same main VSIC group (the 2-digit division
// of VSIC 2018/2025, e.g. 10 = food products). Pure.
import type { Booth } from './booth';

/** The main VSIC group of an industry code ('1079' → '10'); undefined when there is none. */
export function vsicGroup(code: string | undefined): string | undefined {
  const digits = /^\d{2}/.exec(code ?? '');
  return digits ? digits[0] : undefined;
}

/** Booths side by side with `booth`: the same row, the next column either way. */
export function neighboursOf(booth: Pick<Booth, 'row' | 'column'>, booths: readonly Booth[]): Booth[] {
  return booths.filter((b) => b.row === booth.row && Math.abs(b.column - booth.column) === 1);
}

/** Each booth's side-by-side neighbours, by code: built once per allocation. */
export function neighbourIndex(booths: readonly Booth[]): Map<string, string[]> {
  const at = new Map(booths.map((b) => [`${b.row}:${b.column}`, b.code]));
  return new Map(booths.map((b) => [b.code, [at.get(`${b.row}:${b.column - 1}`), at.get(`${b.row}:${b.column + 1}`)].filter((c): c is string => c !== undefined)]));
}

/**
 * The booths a business of `group` may not take: neighbours of a booth held by a business of the same
 * group. `placed` maps booth code → the holder's group (booths of businesses without a group are absent).
 */
export function boothsNextToCompetitors(group: string | undefined, placed: ReadonlyMap<string, string>, neighbours: ReadonlyMap<string, readonly string[]>): Set<string> {
  const excluded = new Set<string>();
  if (!group) return excluded;
  for (const [code, holderGroup] of placed) {
    if (holderGroup !== group) continue;
    for (const n of neighbours.get(code) ?? []) if (!placed.has(n)) excluded.add(n);
  }
  return excluded;
}
