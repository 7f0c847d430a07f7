// Query and action-body shapes of the REST API (business bodies: application/profile-schema.ts).
import { pageTokenSchema } from '@hangviet/service-kit';
import { z } from 'zod';
import { BUSINESS_STATUSES, BUSINESS_TYPES } from '../../domain/business';
import { BADGE_SCHEMES } from '../../application/certificate-badges';
import { MAX_PAGE_SIZE } from '../../application/search-businesses';

export const listBusinessesQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  province: z.string().regex(/^\d{2}$/, 'a 2-digit 2025 province code').optional(),
  ward: z.string().regex(/^\d{5}$/, 'a 5-digit 2025 ward code').optional(),
  industry: z.string().regex(/^([A-Za-z]|\d{2,5})$/, 'a VSIC section letter or a 2–5 digit code prefix').optional(),
  type: z.enum(BUSINESS_TYPES).optional(),
  status: z.enum(BUSINESS_STATUSES).optional(),
  scheme: z.enum(BADGE_SCHEMES).optional(),
  minStars: z.coerce.number().int().min(3).max(5).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  pageToken: pageTokenSchema.optional(),
});

export const lookupQuery = z.strictObject({
  // Its check digit is beyond JSON Schema: `format: tax-code` names it (scripts/fuzz/hangviet_formats.py).
  taxCode: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .meta({ format: 'tax-code', description: '10 digits with the check digit (digit 10), or + "-" + a 3-digit branch; 422 TAX_CODE_* naming what is wrong' }),
});

export const reasonBody = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});

export const transferBody = z.strictObject({
  toSubject: z.string().trim().min(1).max(255),
  reason: z.string().trim().min(1).max(1000),
});

export const optionalReasonBody = z.strictObject({
  reason: z.string().trim().max(1000).optional(),
});

export const industriesQuery = z.strictObject({
  edition: z.enum(['2018', '2025']).default('2025'),
  q: z.string().trim().max(100).optional(),
});

export const importQuery = z.strictObject({
  approve: z.enum(['true', 'false']).optional(),
});

export const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'an id: letters, digits, - and _') });
export const provinceParams = z.object({ code: z.string().regex(/^\d{2}$/, 'a 2-digit province code') });
