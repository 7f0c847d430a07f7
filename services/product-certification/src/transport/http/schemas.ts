// Request shapes of the REST API (zod), shared by the routes and the OpenAPI document, with the bounds the
// domain holds (its constants), so the document says what the server refuses. The domain still checks its
// rules (GTIN check digit, score maxima per criterion, which moves are allowed); a rule zod cannot show is
// described in the document's text.
import { MAX_PAGE_SIZE, pageTokenSchema, plausibleDate, requireOneOf } from '@hangviet/service-kit';
import { z } from 'zod';
import { APPLICATION_STATUSES, DECISION_NUMBER, FIRST_ROUND_YEAR, lastRoundYear, MAX_ROUNDS_PER_YEAR } from '../../domain/application';
import { CERTIFICATE_STATUSES, SCHEMES } from '../../domain/certificate';
import { isWellFormedCertificateNumber } from '../../domain/certificate-number';
import { OCOP_CRITERIA } from '../../domain/ocop-criteria';
import { OCOP_GROUPS, PRODUCT_STATUSES, TEXT_LIMITS } from '../../domain/product';
import { REPORT_STATUSES } from '../../domain/report';

const text = (max: number) => z.string().max(max);
const page = { pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(), pageToken: pageTokenSchema.optional() };
/** Ids are this service's (UUIDs) or the registry's; anything else names nothing. */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'an id: letters, digits, - and _');
/**
 * A certificate number as people type it (read case-insensitively). Its check digit is beyond JSON Schema: the
 * document names it `format: certificate-number` (scripts/fuzz/hangviet_formats.py teaches the fuzzer).
 */
const certificateNumber = z
  .string()
  .max(40)
  .trim()
  .toUpperCase()
  .refine(isWellFormedCertificateNumber, { message: 'SCHEME-YEAR-SEQUENCE-CHECK with a valid check digit, e.g. OCOP-2026-000123-7', params: { code: 'CERTIFICATE_NUMBER_INVALID' } })
  .meta({
    format: 'certificate-number',
    description: 'SCHEME-YEAR-SEQUENCE-CHECK, e.g. OCOP-2026-000123-7; the last digit is an ISO 7064 MOD 11,10 check digit over year and sequence (422 CERTIFICATE_NUMBER_INVALID when it does not hold)',
  });
/** A calendar day (or an instant) of the years the platform records: the platform's one rule (service-kit `dates.ts`). */
const date = plausibleDate();
const percent = z.number().int().min(0).max(100);
const origin = z.strictObject({ localPercent: percent, domesticPercent: percent, importedPercent: percent }).meta({ description: 'Whole percents summing to 100' });
const details = {
  name: z.string().trim().min(1).max(TEXT_LIMITS.name),
  englishName: text(TEXT_LIMITS.englishName).optional(),
  group: z.enum(OCOP_GROUPS),
  description: text(TEXT_LIMITS.description).optional(),
  specification: text(TEXT_LIMITS.specification).optional(),
  gtin: z.string().regex(/^(\d{13})?$/, 'GTIN-13: 13 digits').meta({ description: 'GTIN-13 with its check digit (422 GTIN_CHECK_DIGIT otherwise); empty clears it' }).optional(),
  rawMaterialOrigin: origin.optional(),
};

export const registerProductBody = z.strictObject({ businessId: id, ...details });
export const updateProductBody = z.strictObject({ ...details, name: details.name.optional(), group: details.group.optional() });
export const listProductsQuery = z.strictObject({ businessId: id.optional(), status: z.enum(PRODUCT_STATUSES).optional(), ...page });

/** The round's year runs from the first OCOP round on the platform to next year: it follows the calendar. */
export const submitApplicationBody = (now: Date) =>
  z.strictObject({
    productId: id,
    scheme: z.literal('OCOP'),
    round: z.strictObject({
      year: z.number().int().min(FIRST_ROUND_YEAR).max(lastRoundYear(now)).meta({ description: `${FIRST_ROUND_YEAR} to next year` }),
      number: z.number().int().min(1).max(MAX_ROUNDS_PER_YEAR),
    }),
    dossier: text(10_000).optional(),
    previousCertificateNumber: certificateNumber.optional(),
  });
export const listApplicationsQuery = z.strictObject({ businessId: id.optional(), status: z.enum(APPLICATION_STATUSES).optional(), ...page });
export const reviewCommuneBody = z.strictObject({
  reviewer: z.string().trim().min(1).max(200),
  localRawMaterial: z.boolean(),
  localLabour: z.boolean(),
  localIdea: z.boolean(),
  note: text(2000).optional(),
});
const highestMaximum = Math.max(...OCOP_CRITERIA.map((c) => c.max));
export const scoreBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion: z.enum(OCOP_CRITERIA.map((c) => c.code) as [string, ...string[]]),
        points: z.number().min(0).max(highestMaximum).multipleOf(0.5).meta({ description: 'Half points, at most the criterion’s maximum (GET /v1/ocop-criteria)' }),
        scorer: z.string().trim().min(1).max(200),
        note: text(1000).optional(),
      }),
    )
    .min(1)
    .max(100)
    .meta({ description: 'Every criterion of GET /v1/ocop-criteria exactly once; each part within its maximum' }),
});
export const decideBody = z.strictObject({
  decisionNumber: z.string().trim().regex(DECISION_NUMBER, 'like 5445/QĐ-UBND'),
  decisionDate: date.meta({ description: 'Not in the future' }),
});
export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const listCertificatesQuery = z.strictObject({ businessId: id.optional(), scheme: z.enum(SCHEMES).optional(), status: z.enum(CERTIFICATE_STATUSES).optional(), ...page });
export const recordCertificateBody = z.strictObject({
  scheme: z.enum(['VIETGAP', 'HVNCLC']),
  businessId: id,
  productId: id.optional().meta({ description: 'VietGAP: the certified product of the business (required); HVNCLC: none' }),
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: date,
  issuer: z.string().trim().min(1).max(200),
  validFrom: date.optional(),
  validUntil: date.optional().meta({ description: 'VietGAP: after validFrom, at most 24 months after it' }),
  year: z.number().int().min(2000).max(2100).optional(),
});
export const extendBody = z.strictObject({ validUntil: date.meta({ description: 'After the current end, at most 3 months after it' }) });
export const verifyBody = z.strictObject({ token: z.string().min(1).max(4000) });

export const submitReportBody = requireOneOf(
  requireOneOf(
    z.strictObject({
      certificateNumber: z.string().trim().max(40).optional(),
      productId: id.optional(),
      provinceCode: z.string().regex(/^\d{2}$/, 'a 2-digit 2025 province code').optional(),
      wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit 2025 ward code').optional(),
      shop: z.string().trim().min(1).max(300).optional(),
      url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      description: z.string().trim().min(10).max(4000),
      contact: text(300).optional(),
    }),
    ['certificateNumber', 'productId'],
    'SUBJECT_REQUIRED',
    'name the certificate number or the product',
  ),
  ['shop', 'url', 'provinceCode'],
  'PLACE_REQUIRED',
  'say where it was seen: province/ward, shop or URL',
);
export const listReportsQuery = z.strictObject({ status: z.enum(REPORT_STATUSES).optional(), ...page });
export const forwardBody = z.strictObject({ partner: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a partner id such as market-surveillance'), note: text(2000).optional() });
export const closeBody = z.strictObject({ resolution: z.string().trim().min(1).max(2000) });

export const idParams = z.object({ id });
export const documentParams = z.object({ id, documentId: id });
export const numberParams = z.object({ number: certificateNumber });
