// Vietnamese tax code (mã số thuế = mã số doanh nghiệp). The check digit comes from `stdnum`
// (the same algorithm as python-stdnum `vn/mst.py`); this module adds the stable error codes,
// the canonical dashed form and the 12-digit personal ID used by household businesses.
import { InvalidChecksum } from 'stdnum/lib/cjs/exceptions';
import { validate as validateMst } from 'stdnum/lib/cjs/vn/mst';

export type TaxCodeKind = 'ENTERPRISE' | 'DEPENDENT_UNIT' | 'PERSONAL_ID';

export type TaxCodeErrorCode =
  | 'TAX_CODE_FORMAT'
  | 'TAX_CODE_CHECK_DIGIT'
  | 'TAX_CODE_ZERO_SEQUENCE'
  | 'TAX_CODE_ZERO_SUFFIX';

export type TaxCodeResult =
  | { ok: true; value: string; kind: TaxCodeKind }
  | { ok: false; code: TaxCodeErrorCode; message: string };

export interface ParseTaxCodeOptions {
  /**
   * Accept a 12-digit personal ID number (căn cước) as the tax code. Since 1/7/2025 household
   * businesses and individuals use it; enterprises never do, so only callers registering a
   * household business should allow it.
   */
  allowPersonalId?: boolean;
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

// Personal ID province codes run 001–096 (the pre-2025 province list; codes are not contiguous
// but none is above 096).
const PERSONAL_ID_MAX_PROVINCE = 96;

function failure(code: TaxCodeErrorCode, message: string): TaxCodeResult {
  return { ok: false, code, message };
}

/**
 * Parses a tax code typed with or without the branch dash, spaces or dots.
 * Canonical forms: `0100233488` (enterprise), `0314409058-002` (dependent unit),
 * `001085012345` (personal ID, only with `allowPersonalId`).
 */
export function parseTaxCode(input: string, options: ParseTaxCodeOptions = {}): TaxCodeResult {
  const digits = input.normalize('NFKC').replace(/[\s.\-\u2010-\u2015]/g, '');
  if (!/^\d+$/.test(digits)) {
    return failure('TAX_CODE_FORMAT', 'taxCode must contain only digits, with an optional dash before a 3-digit branch suffix');
  }
  if (digits.length === 12) {
    return options.allowPersonalId
      ? parsePersonalId(digits)
      : failure('TAX_CODE_FORMAT', 'taxCode of 12 digits is a personal ID, accepted only for household businesses');
  }
  if (digits.length !== 10 && digits.length !== 13) {
    return failure('TAX_CODE_FORMAT', 'taxCode must have 10 digits, or 10 digits + "-" + a 3-digit branch suffix');
  }
  if (digits.slice(2, 9) === '0000000') {
    return failure('TAX_CODE_ZERO_SEQUENCE', 'taxCode digits 3–9 must not all be zero');
  }
  const suffix = digits.slice(10);
  if (suffix === '000') {
    return failure('TAX_CODE_ZERO_SUFFIX', 'taxCode branch suffix must be 001–999');
  }
  const checked = validateMst(digits);
  if (!checked.isValid) {
    return checked.error instanceof InvalidChecksum
      ? failure('TAX_CODE_CHECK_DIGIT', 'taxCode check digit (digit 10) does not match digits 1–9')
      : failure('TAX_CODE_FORMAT', `taxCode is malformed: ${checked.error.message || 'province prefix 00'}`);
  }
  const base = digits.slice(0, 10);
  return suffix === ''
    ? { ok: true, value: base, kind: 'ENTERPRISE' }
    : { ok: true, value: `${base}-${suffix}`, kind: 'DEPENDENT_UNIT' };
}

/**
 * A personal ID (số định danh cá nhân) is 12 digits: 3-digit province of birth registration
 * (001–096), 1 digit for century and sex (0–9), 2 digits of birth year, 6 random digits.
 * It has no check digit, so only the province range and the digit count can be verified.
 */
function parsePersonalId(digits: string): TaxCodeResult {
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > PERSONAL_ID_MAX_PROVINCE) {
    return failure('TAX_CODE_FORMAT', 'personal ID must start with a province code 001–096');
  }
  return { ok: true, value: digits, kind: 'PERSONAL_ID' };
}

function weightedSumMod11(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) sum += Number(nineDigits[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11;
}

/** Largest sequence `generateTaxCode` accepts for one prefix. */
export const MAX_SYNTHETIC_TAX_CODE_SEQUENCE = 999_999;

/**
 * A valid, synthetic 10-digit tax code for seed and demo data, distinct for each
 * `(prefix, sequence)`. Digits 3–8 carry the sequence; digit 9 is 0, or 1 when 0 would give the
 * invalid check value 10 (weight 3 moves the sum off a multiple of 11). Such a code may belong to
 * a real enterprise: never use it outside seed data.
 */
export function generateTaxCode(sequence: number, prefix = '01'): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SYNTHETIC_TAX_CODE_SEQUENCE) {
    throw new RangeError(`sequence must be an integer 1–${MAX_SYNTHETIC_TAX_CODE_SEQUENCE}`);
  }
  if (!/^\d{2}$/.test(prefix) || prefix === '00') {
    throw new RangeError('prefix must be two digits 01–99');
  }
  const body = `${prefix}${String(sequence).padStart(6, '0')}`;
  const nine = weightedSumMod11(`${body}0`) === 0 ? `${body}1` : `${body}0`;
  return `${nine}${10 - weightedSumMod11(nine)}`;
}
