// Turns what a client typed (already shape-checked at the edge) into a normalised profile:
// NFC text, the 2025 address (mapping a pre-2025 one), VSIC names, +84 phones, canonical tax code.
// Every rejection names its field and a stable code.
import { invalid, type FieldError } from '@hangviet/service-kit/errors';
import { industry, isValidIndustryCode, mapLegacyAddress, normalizePhone, normalizeText, parseTaxCode, province, ward } from '@hangviet/vn';
import type {
  Address,
  BusinessIndustry,
  BusinessProfile,
  BusinessType,
  Contact,
  EmployeeRange,
  IndustryEdition,
  LegacyAddress,
  Locale,
  Representative,
} from '../domain/business';

export interface AddressInput {
  provinceCode: string;
  wardCode: string;
  street: string;
}

export interface LegacyAddressInput {
  provinceName?: string;
  districtName?: string;
  wardName?: string;
  wardCode?: string;
  street: string;
}

export interface IndustryInput {
  edition: IndustryEdition;
  code: string;
  main?: boolean;
}

export interface ProfileInput {
  legalName: string;
  tradeName?: string;
  englishName?: string;
  address?: AddressInput;
  legacyAddress?: LegacyAddressInput;
  industries: IndustryInput[];
  contact?: { email?: string; phone?: string };
  representative?: Representative;
  website?: string;
  description?: string;
  foundingDate?: string;
  employeeRange?: EmployeeRange;
  preferredLocale?: Locale;
}

/** A patch: a key present with `null` clears that optional field. */
export type ProfilePatchInput = { [K in keyof ProfileInput]?: ProfileInput[K] | null };

const text = (s: string | undefined | null): string | undefined => {
  if (s === undefined || s === null) return undefined;
  const t = normalizeText(s);
  return t === '' ? undefined : t;
};

export function parseTaxCodeField(input: string, type: BusinessType | undefined, field = 'taxCode'): string {
  const parsed = parseTaxCode(input, { allowPersonalId: type === 'HOUSEHOLD' });
  if (!parsed.ok) throw invalid([{ field, code: parsed.code, message: parsed.message }]);
  return parsed.value;
}

function resolveAddress(input: AddressInput, errors: FieldError[], field = 'address'): Address | undefined {
  const p = province(input.provinceCode);
  if (!p) {
    errors.push({ field: `${field}.provinceCode`, code: 'PROVINCE_NOT_FOUND', message: `no 2025 province has code ${input.provinceCode}` });
    return undefined;
  }
  const w = ward(input.wardCode);
  if (!w || w.provinceCode !== p.code) {
    errors.push({ field: `${field}.wardCode`, code: 'WARD_NOT_IN_PROVINCE', message: `ward ${input.wardCode} is not a 2025 ward of province ${p.code}` });
    return undefined;
  }
  return { provinceCode: p.code, provinceName: p.name, wardCode: w.code, wardName: w.name, street: normalizeText(input.street) };
}

function resolveLegacy(input: LegacyAddressInput, errors: FieldError[]): { address: Address; legacy: LegacyAddress } | undefined {
  const legacy: LegacyAddress = { street: normalizeText(input.street) };
  for (const key of ['provinceName', 'districtName', 'wardName', 'wardCode'] as const) {
    const v = text(input[key]);
    if (v !== undefined) legacy[key] = v;
  }
  const mapped = mapLegacyAddress(legacy);
  if (!mapped.ok) {
    const candidates = mapped.candidates.length > 0 ? ` (candidates: ${mapped.candidates.map((c) => `${c.code} ${c.name}`).join(', ')})` : '';
    errors.push({ field: 'legacyAddress', code: mapped.code, message: `${mapped.message}${candidates}` });
    return undefined;
  }
  return {
    address: { provinceCode: mapped.province.code, provinceName: mapped.province.name, wardCode: mapped.ward.code, wardName: mapped.ward.name, street: legacy.street },
    legacy,
  };
}

function resolveIndustries(inputs: IndustryInput[], errors: FieldError[]): BusinessIndustry[] {
  const onlyOne = inputs.length === 1;
  return inputs.flatMap((i, n) => {
    const code = i.code.trim().toUpperCase();
    if (!isValidIndustryCode(i.edition, code)) {
      errors.push({ field: `industries.${n}.code`, code: 'INDUSTRY_NOT_FOUND', message: `${code} is not a VSIC ${i.edition} code` });
      return [];
    }
    // Detailed codes not in the curated data take the name of their nearest known ancestor.
    const known = [code, code.slice(0, 4), code.slice(0, 3), code.slice(0, 2)].map((c) => industry(i.edition, c)).find(Boolean);
    return [{ edition: i.edition, code, name: known?.nameVi ?? code, main: i.main ?? onlyOne }];
  });
}

function resolveContact(input: { email?: string; phone?: string } | undefined, errors: FieldError[]): Contact {
  const contact: Contact = {};
  const email = text(input?.email);
  if (email) contact.email = email.toLowerCase();
  const phone = text(input?.phone);
  if (phone) {
    const p = normalizePhone(phone);
    if (p.ok) contact.phone = p.value;
    else errors.push({ field: 'contact.phone', code: p.code, message: p.message });
  }
  return contact;
}

function resolveRepresentative(input: Representative, errors: FieldError[]): Representative {
  const rep: Representative = { fullName: normalizeText(input.fullName) };
  const position = text(input.position);
  if (position) rep.position = position;
  const email = text(input.email);
  if (email) rep.email = email.toLowerCase();
  const phone = text(input.phone);
  if (phone) {
    const p = normalizePhone(phone);
    if (p.ok) rep.phone = p.value;
    else errors.push({ field: 'representative.phone', code: p.code, message: p.message });
  }
  return rep;
}

/** A full profile for registration. */
export function normaliseProfile(input: ProfileInput): BusinessProfile {
  const errors: FieldError[] = [];
  const located = locate(input, errors);
  const profile: BusinessProfile = {
    legalName: normalizeText(input.legalName),
    address: located?.address ?? { provinceCode: '', provinceName: '', wardCode: '', wardName: '', street: '' },
    industries: resolveIndustries(input.industries, errors),
    contact: resolveContact(input.contact, errors),
    preferredLocale: input.preferredLocale ?? 'vi',
  };
  if (located?.legacy) profile.legacyAddress = located.legacy;
  for (const key of ['tradeName', 'englishName', 'website', 'description', 'foundingDate'] as const) {
    const v = text(input[key]);
    if (v !== undefined) profile[key] = v;
  }
  if (input.employeeRange) profile.employeeRange = input.employeeRange;
  if (input.representative) profile.representative = resolveRepresentative(input.representative, errors);
  if (errors.length > 0) throw invalid(errors);
  return profile;
}

function locate(input: Pick<ProfileInput, 'address' | 'legacyAddress'>, errors: FieldError[]): { address: Address; legacy?: LegacyAddress } | undefined {
  if (input.address && input.legacyAddress) {
    errors.push({ field: 'legacyAddress', code: 'ONE_ADDRESS_ONLY', message: 'give either address (2025 units) or legacyAddress (pre-2025), not both' });
    return undefined;
  }
  if (input.address) {
    const address = resolveAddress(input.address, errors);
    return address ? { address } : undefined;
  }
  if (input.legacyAddress) return resolveLegacy(input.legacyAddress, errors);
  errors.push({ field: 'address', code: 'REQUIRED', message: 'address (2025 units) or legacyAddress (pre-2025) is required' });
  return undefined;
}

/**
 * The changes of a PATCH as domain values. Giving `address` drops a stored legacy address (the
 * business now uses the 2025 units); giving `legacyAddress` replaces both.
 */
export function normalisePatch(input: ProfilePatchInput): Partial<BusinessProfile> {
  const errors: FieldError[] = [];
  const changes: Partial<BusinessProfile> = {};
  if (input.legalName !== undefined && input.legalName !== null) changes.legalName = normalizeText(input.legalName);
  for (const key of ['tradeName', 'englishName', 'website', 'description', 'foundingDate'] as const) {
    if (key in input) changes[key] = text(input[key]);
  }
  if ('employeeRange' in input) changes.employeeRange = input.employeeRange ?? undefined;
  if (input.preferredLocale) changes.preferredLocale = input.preferredLocale;
  if (input.address || input.legacyAddress) {
    const located = locate({ address: input.address ?? undefined, legacyAddress: input.legacyAddress ?? undefined }, errors);
    if (located) {
      changes.address = located.address;
      changes.legacyAddress = located.legacy;
    }
  }
  if (input.industries) changes.industries = resolveIndustries(input.industries, errors);
  if ('contact' in input) changes.contact = resolveContact(input.contact ?? undefined, errors);
  if ('representative' in input) changes.representative = input.representative ? resolveRepresentative(input.representative, errors) : undefined;
  if (errors.length > 0) throw invalid(errors);
  return changes;
}
