// VSIC industries keyed by (edition, code): the same code can mean different things in the 2018
// and 2025 editions (2018 "J" is information and communication; 2025 "J" is publishing and
// broadcasting). Curated subset: every section and 2-digit division, plus the detailed codes this
// platform uses (see README for the source decisions and what is left out).
import vsic2018 from './data/vsic-2018.json';
import vsic2025 from './data/vsic-2025.json';
import { foldVietnamese } from './text';

export type IndustryEdition = '2018' | '2025';
export type IndustryLevel = 'SECTION' | 'DIVISION' | 'GROUP' | 'CLASS' | 'SUBCLASS';

export interface Industry {
  edition: IndustryEdition;
  /** Section letter, or a 2- to 5-digit code. */
  code: string;
  level: IndustryLevel;
  /** Section letter the code belongs to. */
  section: string;
  nameVi: string;
  nameEn: string;
}

export const INDUSTRY_EDITIONS: readonly IndustryEdition[] = ['2018', '2025'];

interface EditionFile {
  edition: string;
  decision: string;
  /** [letter, first division, last division, Vietnamese name, English name] */
  sections: string[][];
  /** [code, Vietnamese name, English name] */
  codes: string[][];
}

interface EditionIndex {
  byCode: Map<string, Industry>;
  all: Industry[];
  sectionOfDivision: Map<string, string>;
  folded: Map<Industry, string>;
}

const LEVEL_BY_LENGTH: Record<number, IndustryLevel> = { 2: 'DIVISION', 3: 'GROUP', 4: 'CLASS', 5: 'SUBCLASS' };

function field(row: string[], i: number): string {
  const value = row[i];
  if (value === undefined) throw new Error(`VSIC data row ${JSON.stringify(row)} lacks field ${i}`);
  return value;
}

function buildEdition(file: EditionFile, edition: IndustryEdition): EditionIndex {
  const sectionOfDivision = new Map<string, string>();
  const all: Industry[] = [];
  for (const row of file.sections) {
    const letter = field(row, 0);
    for (let d = Number(field(row, 1)); d <= Number(field(row, 2)); d += 1) {
      sectionOfDivision.set(String(d).padStart(2, '0'), letter);
    }
    all.push({ edition, code: letter, level: 'SECTION', section: letter, nameVi: field(row, 3), nameEn: field(row, 4) });
  }
  for (const row of file.codes) {
    const code = field(row, 0);
    const section = sectionOfDivision.get(code.slice(0, 2));
    const level = LEVEL_BY_LENGTH[code.length];
    if (!section || !level) throw new Error(`VSIC ${edition} code ${code} has no section or a bad length`);
    all.push({ edition, code, level, section, nameVi: field(row, 1), nameEn: field(row, 2) });
  }
  const folded = new Map(all.map((i) => [i, foldVietnamese(`${i.nameVi} ${i.nameEn}`)]));
  return { byCode: new Map(all.map((i) => [i.code, i])), all, sectionOfDivision, folded };
}

const editions: Record<IndustryEdition, EditionIndex> = {
  '2018': buildEdition(vsic2018, '2018'),
  '2025': buildEdition(vsic2025, '2025'),
};

/** The industry with this code in this edition, if the curated data has it. */
export function industry(edition: IndustryEdition, code: string): Industry | undefined {
  return editions[edition].byCode.get(code.trim().toUpperCase());
}

/**
 * Whether `code` is a well-formed VSIC code of the edition: a section letter of the edition, or
 * 2–5 digits whose 2-digit division exists in it. Divisions are complete for both editions;
 * deeper codes are not all shipped, so a well-formed code under a real division is accepted.
 */
export function isValidIndustryCode(edition: IndustryEdition, code: string): boolean {
  const index = editions[edition];
  const c = code.trim().toUpperCase();
  if (/^[A-Z]$/.test(c)) return index.byCode.get(c)?.level === 'SECTION';
  return /^\d{2,5}$/.test(c) && index.sectionOfDivision.has(c.slice(0, 2));
}

/**
 * Industries whose code starts with `q` (digits), the section `q` (one letter), or whose
 * Vietnamese or English name contains every query word, diacritic-insensitively; in data order.
 */
export function searchIndustries(edition: IndustryEdition, q: string): Industry[] {
  const index = editions[edition];
  const query = q.trim();
  if (query === '') return [];
  if (/^\d{1,5}$/.test(query)) return index.all.filter((i) => i.code.startsWith(query));
  if (/^[a-z]$/i.test(query)) return index.all.filter((i) => i.code === query.toUpperCase());
  const words = foldVietnamese(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const byName = index.all.filter((i) => {
    const text = index.folded.get(i) ?? '';
    return words.length > 0 && words.every((w) => text.includes(w));
  });
  return byName;
}
