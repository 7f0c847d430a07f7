// Request shapes of the REST API (zod), shared by the routes and the OpenAPI document. Shapes only: the
// rules (GTIN check digit, score maxima, which moves are allowed) are the domain's.
import { MAX_PAGE_SIZE, plausibleDate } from '@hangviet/service-kit';
import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../domain/application';
import { CERTIFICATE_STATUSES, SCHEMES } from '../../domain/certificate';
import { OCOP_GROUPS, PRODUCT_STATUSES } from '../../domain/product';
import { REPORT_STATUSES } from '../../domain/report';

const text = (max: number) => z.string().max(max);
const page = { pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(), pageToken: z.string().max(1000).optional() };
const id = z.string().min(1).max(100);
// The platform's one rule for dates: a day or an instant in a plausible year (no decision of year 0).
const date = plausibleDate();

const origin = z.strictObject({ localPercent: z.number().int(), domesticPercent: z.number().int(), importedPercent: z.number().int() });
const details = {
  name: text(1000),
  englishName: text(1000).optional(),
  group: z.enum(OCOP_GROUPS),
  description: text(10_000).optional(),
  specification: text(4000).optional(),
  gtin: z.string().max(20).optional(),
  rawMaterialOrigin: origin.optional(),
};

export const registerProductBody = z.strictObject({ businessId: id, ...details });
export const updateProductBody = z.strictObject({ ...details, name: details.name.optional(), group: details.group.optional() });
export const listProductsQuery = z.strictObject({ businessId: id.optional(), status: z.enum(PRODUCT_STATUSES).optional(), ...page });

export const submitApplicationBody = z.strictObject({
  productId: id,
  scheme: z.literal('OCOP'),
  round: z.strictObject({ year: z.number().int(), number: z.number().int() }),
  dossier: text(10_000).optional(),
  previousCertificateNumber: z.string().max(40).optional(),
});
export const listApplicationsQuery = z.strictObject({ businessId: id.optional(), status: z.enum(APPLICATION_STATUSES).optional(), ...page });
export const reviewCommuneBody = z.strictObject({
  reviewer: text(200),
  localRawMaterial: z.boolean(),
  localLabour: z.boolean(),
  localIdea: z.boolean(),
  note: text(2000).optional(),
});
export const scoreBody = z.strictObject({
  scores: z
    .array(z.strictObject({ criterion: z.string().max(10), points: z.number(), scorer: text(200), note: text(1000).optional() }))
    .min(1)
    .max(100),
});
export const decideBody = z.strictObject({ decisionNumber: z.string().trim().max(40), decisionDate: date });
export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const listCertificatesQuery = z.strictObject({ businessId: id.optional(), scheme: z.enum(SCHEMES).optional(), status: z.enum(CERTIFICATE_STATUSES).optional(), ...page });
export const recordCertificateBody = z.strictObject({
  scheme: z.enum(['VIETGAP', 'HVNCLC']),
  businessId: id,
  productId: id.optional(),
  decisionNumber: text(60),
  decisionDate: date,
  issuer: text(200),
  validFrom: date.optional(),
  validUntil: date.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export const extendBody = z.strictObject({ validUntil: date });
export const verifyBody = z.strictObject({ token: z.string().min(1).max(4000) });

export const submitReportBody = z.strictObject({
  certificateNumber: z.string().max(40).optional(),
  productId: id.optional(),
  provinceCode: z.string().regex(/^\d{2}$/, 'a 2-digit 2025 province code').optional(),
  wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit 2025 ward code').optional(),
  shop: text(300).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  description: text(4000),
  contact: text(300).optional(),
});
export const listReportsQuery = z.strictObject({ status: z.enum(REPORT_STATUSES).optional(), ...page });
export const forwardBody = z.strictObject({ partner: z.string().max(64), note: text(2000).optional() });
export const closeBody = z.strictObject({ resolution: text(2000) });

export const idParams = z.object({ id });
export const numberParams = z.object({ number: z.string().min(1).max(40) });
