// The shape of a business profile as clients send it (REST JSON bodies and CSV rows alike).
// Shape only: reference checks (province, ward, VSIC code, phone, tax code) are in profile-input.ts.
import { LOCALES } from '@hangviet/vn/locale';
import { plausibleDay } from '@hangviet/service-kit/dates';
import { z } from 'zod';
import { BUSINESS_TYPES, EMPLOYEE_RANGES } from '../domain/business';

const str = (max: number) => z.string().trim().min(1).max(max);
const optionalStr = (max: number) => z.string().trim().max(max).optional();
const code = (digits: number, what: string) => z.string().trim().regex(new RegExp(`^\\d{${digits}}$`), `${what} must have ${digits} digits`);

// The platform's one rule for dates (service-kit): a calendar day in a plausible year.
const isoDate = plausibleDay();

export const addressSchema = z.strictObject({
  provinceCode: code(2, 'provinceCode'),
  wardCode: code(5, 'wardCode'),
  street: str(300),
});

export const legacyAddressSchema = z.strictObject({
  provinceName: optionalStr(100),
  districtName: optionalStr(100),
  wardName: optionalStr(100),
  wardCode: code(5, 'wardCode').optional(),
  street: str(300),
});

export const industrySchema = z.strictObject({
  edition: z.enum(['2018', '2025']),
  code: z.string().trim().regex(/^([A-Za-z]|\d{2,5})$/, 'a VSIC section letter or a 2–5 digit code'),
  main: z.boolean().optional(),
});

export const contactSchema = z.strictObject({
  email: z.email().max(254).optional(),
  phone: optionalStr(30),
});

export const representativeSchema = z.strictObject({
  fullName: str(150),
  position: optionalStr(100),
  email: z.email().max(254).optional(),
  phone: optionalStr(30),
});

const profileFields = {
  legalName: str(300),
  tradeName: optionalStr(300),
  englishName: optionalStr(300),
  address: addressSchema.optional(),
  legacyAddress: legacyAddressSchema.optional(),
  industries: z.array(industrySchema).min(1).max(20),
  contact: contactSchema.optional(),
  representative: representativeSchema.optional(),
  website: z.url({ protocol: /^https?$/ }).max(300).optional(),
  description: optionalStr(4000),
  foundingDate: isoDate.optional(),
  employeeRange: z.enum(EMPLOYEE_RANGES).optional(),
  preferredLocale: z.enum(LOCALES).optional(),
};

export const registerBusinessSchema = z.strictObject({
  taxCode: z.string().trim().min(1).max(20),
  type: z.enum(BUSINESS_TYPES),
  ...profileFields,
});
export type RegisterBusinessBody = z.infer<typeof registerBusinessSchema>;

/** PATCH: every field optional; `null` clears an optional field. Tax code and type never change. */
export const updateBusinessSchema = z.strictObject({
  legalName: profileFields.legalName.optional(),
  tradeName: profileFields.tradeName.nullable(),
  englishName: profileFields.englishName.nullable(),
  address: addressSchema.optional(),
  legacyAddress: legacyAddressSchema.optional(),
  industries: profileFields.industries.optional(),
  contact: contactSchema.nullable().optional(),
  representative: representativeSchema.nullable().optional(),
  website: profileFields.website.nullable(),
  description: profileFields.description.nullable(),
  foundingDate: isoDate.nullable().optional(),
  employeeRange: z.enum(EMPLOYEE_RANGES).nullable().optional(),
  preferredLocale: z.enum(LOCALES).optional(),
});
export type UpdateBusinessBody = z.infer<typeof updateBusinessSchema>;
