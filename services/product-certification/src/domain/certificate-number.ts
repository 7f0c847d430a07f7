// The platform's certificate numbers: `<SCHEME>-<year>-<6-digit sequence>-<check digit>`, e.g.
// OCOP-2026-000123-4. There is no national format, so the platform issues its own; the check digit is
// ISO 7064 MOD 11,10 over year and sequence (validated by `stdnum`), so a mistyped digit or a swap of
// two adjacent digits is caught before any lookup.
import { iso7064mod10x11validate } from 'stdnum/lib/cjs/util/iso7064';

export type SchemeCode = 'OCOP' | 'VIETGAP' | 'HVNCLC';
/** The shape of a number (upper case); the check digit is checked apart (isWellFormedCertificateNumber). */
export const CERTIFICATE_NUMBER_PATTERN = /^(OCOP|VIETGAP|HVNCLC)-(\d{4})-(\d{6})-(\d)$/;

/** The check digit that makes `digits` + it valid under ISO 7064 MOD 11,10 (exactly one of 0–9 does). */
export function checkDigitOf(digits: string): string {
  for (let d = 0; d <= 9; d++) if (iso7064mod10x11validate(`${digits}${d}`)) return String(d);
  throw new Error(`no ISO 7064 MOD 11,10 check digit for ${digits}`);
}

export function formatCertificateNumber(scheme: SchemeCode, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new Error(`sequence ${sequence} out of range`);
  const body = `${String(year).padStart(4, '0')}${String(sequence).padStart(6, '0')}`;
  return `${scheme}-${body.slice(0, 4)}-${body.slice(4)}-${checkDigitOf(body)}`;
}

/** True when the text is shaped as a platform number and its check digit holds (case-insensitive). */
export function isWellFormedCertificateNumber(text: string): boolean {
  const match = CERTIFICATE_NUMBER_PATTERN.exec(text.toUpperCase());
  if (!match) return false;
  return iso7064mod10x11validate(`${match[2]}${match[3]}${match[4]}`);
}

export const normaliseCertificateNumber = (text: string): string => text.trim().toUpperCase();
