// A venue's booths: a code (A01…), a size (standard 3 m × 3 m), a corner flag (two open sides), a zone
// and a blocked flag. Generated as a grid or imported from a JSON plan; pure.
import { invalid, type FieldError } from '@hangviet/service-kit/errors';

export interface Booth {
  code: string;
  zone: string;
  /** Grid position, 0-based: the floor plan draws from it. */
  row: number;
  column: number;
  widthM: number;
  depthM: number;
  corner: boolean;
  blocked: boolean;
}

export const STANDARD_BOOTH_M = 3;
export const MAX_BOOTHS = 2000;
export const BOOTH_CODE = /^[A-Z]{1,3}\d{2,3}$/;

/** Row letters: A…Z, then AA, AB… */
export function rowLetter(row: number): string {
  let n = row;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * A rows × columns grid: codes A01, A02… row by row, zone = the row letter, the first and last booth
 * of each row are corners (open to the aisle at the row's end and in front).
 */
export function generateGrid(input: { rows: number; columns: number; zone?: string }): Booth[] {
  const errors: FieldError[] = [];
  for (const field of ['rows', 'columns'] as const) {
    const v = input[field];
    if (!Number.isInteger(v) || v < 1 || v > 100) errors.push({ field, code: 'OUT_OF_RANGE', message: `${field} must be an integer from 1 to 100` });
  }
  if (errors.length === 0 && input.rows * input.columns > MAX_BOOTHS) {
    errors.push({ field: 'columns', code: 'TOO_MANY_BOOTHS', message: `rows × columns must be at most ${MAX_BOOTHS}` });
  }
  if (errors.length > 0) throw invalid(errors);
  const booths: Booth[] = [];
  for (let r = 0; r < input.rows; r++) {
    for (let c = 0; c < input.columns; c++) {
      booths.push({
        code: `${rowLetter(r)}${String(c + 1).padStart(2, '0')}`,
        zone: input.zone ?? rowLetter(r),
        row: r,
        column: c,
        widthM: STANDARD_BOOTH_M,
        depthM: STANDARD_BOOTH_M,
        corner: c === 0 || c === input.columns - 1,
        blocked: false,
      });
    }
  }
  return booths;
}

export type BoothInput = Partial<Booth> & { code: string; row: number; column: number };

/** An imported plan: codes unique and well-formed, positions unique, sizes positive; standard size by default. */
export function importPlan(input: readonly BoothInput[]): Booth[] {
  const errors: FieldError[] = [];
  if (input.length === 0) errors.push({ field: 'booths', code: 'REQUIRED', message: 'a plan needs at least one booth' });
  if (input.length > MAX_BOOTHS) errors.push({ field: 'booths', code: 'TOO_MANY_BOOTHS', message: `a plan has at most ${MAX_BOOTHS} booths` });
  const codes = new Set<string>();
  const cells = new Set<string>();
  input.forEach((b, i) => {
    const at = `booths[${i}]`;
    if (!BOOTH_CODE.test(b.code)) errors.push({ field: `${at}.code`, code: 'INVALID_FORMAT', message: 'a booth code is 1–3 capital letters and 2–3 digits, e.g. A01' });
    if (codes.has(b.code)) errors.push({ field: `${at}.code`, code: 'DUPLICATE', message: `booth code ${b.code} appears twice` });
    codes.add(b.code);
    const cell = `${b.row}:${b.column}`;
    if (cells.has(cell)) errors.push({ field: `${at}.row`, code: 'DUPLICATE', message: `two booths at row ${b.row}, column ${b.column}` });
    cells.add(cell);
    for (const f of ['widthM', 'depthM'] as const) {
      const v = b[f];
      if (v !== undefined && !(v > 0 && v <= 50)) errors.push({ field: `${at}.${f}`, code: 'OUT_OF_RANGE', message: `${f} must be more than 0 and at most 50 metres` });
    }
  });
  if (errors.length > 0) throw invalid(errors);
  return input.map((b) => ({
    code: b.code,
    zone: b.zone ?? b.code.replace(/\d+$/, ''),
    row: b.row,
    column: b.column,
    widthM: b.widthM ?? STANDARD_BOOTH_M,
    depthM: b.depthM ?? STANDARD_BOOTH_M,
    corner: b.corner ?? false,
    blocked: b.blocked ?? false,
  }));
}
