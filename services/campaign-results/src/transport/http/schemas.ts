// Request shapes of the REST API (zod), shared by the routes and the OpenAPI document, with the bounds the
// domain holds (its constants), so the document says what the server refuses.
import { MAX_PAGE_SIZE, pageTokenSchema } from '@hangviet/service-kit';
import { z } from 'zod';
import { SUBMITTABLE_CODES } from '../../domain/indicators';
import { LIMITS } from '../../domain/submission';

const page = { pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(), pageToken: pageTokenSchema.optional() };
const year = z.coerce.number().int().min(LIMITS.minYear).max(LIMITS.maxYear);
const provinceCode = z.string().regex(/^\d{2}$/, 'a 2025 province code: 2 digits');
const wardCode = z.string().regex(/^\d{5}$/, 'a 2025 commune/ward code: 5 digits');

/** The filters of every figure. */
export const figureQuery = z.strictObject({
  year,
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  provinceCode: provinceCode.optional(),
  wardCode: wardCode.optional(),
  industrySection: z.string().regex(/^[A-V]$/, 'a VSIC section letter A–V').optional(),
  scheme: z.enum(['OCOP', 'VIETGAP', 'HVNCLC']).optional(),
});
export const recordsQuery = figureQuery.extend(page);
export const codeParams = z.object({ code: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'an indicator code, e.g. certificates.issued') });
export const reportParams = z.object({ year: z.string().regex(/^\d{4}$/, 'a year, YYYY').transform(Number).pipe(z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear)) });
export const reportQuery = figureQuery.omit({ year: true });
export const publishBody = z.strictObject({ provinceCode: provinceCode.optional() });

const evidence = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  url: z.url({ protocol: /^https?$/ }).max(LIMITS.url).optional(),
  documentNumber: z.string().max(LIMITS.documentNumber).optional(),
});
export const figureBody = z.strictObject({
  indicatorCode: z.enum(SUBMITTABLE_CODES as [string, ...string[]]),
  value: z.number().min(0).max(1e15),
  year: z.number().int().min(LIMITS.minYear).max(LIMITS.maxYear),
  quarter: z.number().int().min(0).max(4).optional(),
  provinceCode,
  wardCode: wardCode.optional(),
  unitName: z.string().trim().min(1).max(LIMITS.unitName),
  evidence: z.array(evidence).min(1).max(LIMITS.evidence),
});
export const returnBody = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.reason) });
export const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const listQuery = z.strictObject({
  status: z.enum(['SUBMITTED', 'APPROVED', 'RETURNED']).optional(),
  year: year.optional(),
  indicatorCode: z.enum(SUBMITTABLE_CODES as [string, ...string[]]).optional(),
  ...page,
});

/** A body's figure as the domain takes it (empty strings for what was left out). */
export function figureOf(body: z.infer<typeof figureBody>) {
  return {
    ...body,
    quarter: body.quarter ?? 0,
    wardCode: body.wardCode ?? '',
    evidence: body.evidence.map((e) => ({ title: e.title, url: e.url ?? '', documentNumber: e.documentNumber ?? '' })),
  };
}
