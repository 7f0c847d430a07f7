// GTIN-13 (EAN-13) barcodes: 13 digits, the last a mod-10 check digit over the first 12 with weights
// 1,3,1,3… (GS1 General Specifications §7.9). Vietnam's GS1 prefix is 893.
export const VIETNAM_GS1_PREFIX = '893';

export type GtinProblem = 'NOT_13_DIGITS' | 'CHECK_DIGIT';

export function gtinCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** Undefined when valid; otherwise what is wrong. Spaces and dashes are not accepted: a barcode is read, not typed. */
export function gtin13Problem(value: string): GtinProblem | undefined {
  if (!/^\d{13}$/.test(value)) return 'NOT_13_DIGITS';
  return gtinCheckDigit(value.slice(0, 12)) === Number(value[12]) ? undefined : 'CHECK_DIGIT';
}

export const isVietnameseGtin = (value: string): boolean => value.startsWith(VIETNAM_GS1_PREFIX);
