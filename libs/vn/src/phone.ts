// Vietnamese phone numbers to E.164. Numbering plan after the 2018 mobile and 2017 landline
// renumbering: mobiles are 0 + 9 digits starting 3, 5, 7, 8 or 9; fixed lines are 0 + 2 + 9
// digits (area code 2xx/2xxx included). Service numbers (1800/1900) are not reachable by SMS
// and are rejected.

export type PhoneKind = 'MOBILE' | 'LANDLINE';
export type PhoneErrorCode = 'PHONE_FORMAT' | 'PHONE_COUNTRY' | 'PHONE_PREFIX';

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; code: PhoneErrorCode; message: string };

const SEPARATORS = /[\s.\-()\u2010-\u2015]/g;
const MOBILE = /^[35789]\d{8}$/;
const LANDLINE = /^2\d{9}$/;

function failure(code: PhoneErrorCode, message: string): PhoneResult {
  return { ok: false, code, message };
}

/** Accepts `0912 345 678`, `+84 912345678`, `84912345678`, `0084…`, `+84 (0) 912…`. */
export function normalizePhone(input: string): PhoneResult {
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : undefined;
  const digits = international ?? compact;
  if (!/^\d+$/.test(digits)) {
    return failure('PHONE_FORMAT', 'phone must contain only digits, spaces, dots, dashes, parentheses and a leading +');
  }
  let national: string;
  if (international !== undefined) {
    if (!digits.startsWith('84')) return failure('PHONE_COUNTRY', 'phone must be a Vietnamese number (+84)');
    national = digits.slice(2).replace(/^0/, '');
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else if (digits.startsWith('84') && digits.length >= 11) {
    national = digits.slice(2);
  } else {
    return failure('PHONE_FORMAT', 'phone must start with 0, 84 or +84');
  }
  if (MOBILE.test(national)) return { ok: true, value: `+84${national}`, kind: 'MOBILE' };
  if (LANDLINE.test(national)) return { ok: true, value: `+84${national}`, kind: 'LANDLINE' };
  if (/^\d{9,10}$/.test(national)) {
    return failure('PHONE_PREFIX', 'phone must be a mobile (03, 05, 07, 08, 09 + 8 digits) or a landline (02 + 9 digits)');
  }
  return failure('PHONE_FORMAT', 'phone must have 10 digits (mobile) or 11 digits (landline) including the leading 0');
}
