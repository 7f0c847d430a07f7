// The shapes of the REST API (and the bounds the domain holds), read by the routes and the OpenAPI document alike.
import { pageTokenSchema } from '@hangviet/service-kit';
import { plausibleDateTime, plausibleDay } from '@hangviet/service-kit/dates';
import { z } from 'zod';
import { MAX_VALUE_VND, OUTCOME_KINDS } from '../../domain/outcome';
import { CERTIFICATION_SCHEMES, LIMITS, ORIGIN_PREFERENCES, PRODUCT_GROUPS } from '../../domain/sourcing-request';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const id = () => z.string().regex(ID);

/** Text that must say something: not empty, not only spaces (the domain trims it). */
const said = (max: number) =>
  z.string().max(max).refine((text) => /\S/.test(text), { error: 'must not be blank', params: { code: 'REQUIRED' } }).meta({ pattern: '\\S' });

export const idParams = z.object({ id: id() });
export const responseParams = z.object({ id: id(), supplierBusinessId: id() });
export const fairParams = z.object({ fairId: id() });

export const submitBody = z
  .object({
    buyerBusinessId: id().optional(),
    buyerName: z.string().max(LIMITS.buyerName).optional(),
    provinceCode: z.string().regex(/^\d{2}$/).optional(),
    title: said(LIMITS.title),
    description: said(LIMITS.description),
    industry: z.object({ edition: z.enum(['2018', '2025']), code: z.string().regex(/^(?:[A-V]|\d{2,5})$/) }).strict(),
    productGroup: z.enum(PRODUCT_GROUPS).optional(),
    requiredCertifications: z.array(z.object({ scheme: z.enum(CERTIFICATION_SCHEMES), minStars: z.number().int().min(3).max(5).optional() }).strict()).max(3).optional(),
    quantity: z.number().positive().max(1e12),
    unit: said(LIMITS.unit),
    neededBy: plausibleDay(),
    originPreference: z.enum(ORIGIN_PREFERENCES),
    responseCap: z.number().int().min(1).max(LIMITS.responseCap),
    closingTime: plausibleDateTime(),
  })
  .strict();

export const rejectBody = z.object({ reason: said(LIMITS.reason) }).strict();
export const renewBody = z.object({ closingTime: plausibleDateTime() }).strict();
export const emptyBody = z.object({}).strict();

export const listQuery = z
  .object({
    status: z.enum(['PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'CLOSED', 'EXPIRED']).optional(),
    buyerBusinessId: id().optional(),
    supplierBusinessId: id().optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    pageToken: pageTokenSchema.optional(),
  })
  .strict();

export const matchesQuery = z.object({ pageSize: z.coerce.number().int().min(1).max(100).default(20) }).strict();

const unitPriceVnd = z.number().int().min(0).max(MAX_VALUE_VND);
export const respondBody = z.object({ supplierBusinessId: id(), message: said(LIMITS.message), unitPriceVnd: unitPriceVnd.optional() }).strict();
export const editResponseBody = z.object({ message: said(LIMITS.message), unitPriceVnd: unitPriceVnd.optional() }).strict();

export const outcomeBody = z
  .object({ supplierBusinessId: id(), kind: z.enum(OUTCOME_KINDS), valueVnd: z.number().int().min(0).max(MAX_VALUE_VND), signedDate: plausibleDay() })
  .strict();

export const programmeBody = z
  .object({ slots: z.array(z.object({ start: plausibleDateTime(), end: plausibleDateTime() }).strict()).min(1).max(200), tables: z.number().int().min(1).max(500) })
  .strict();

export const meetingBody = z
  .object({ fairId: id(), buyerBusinessId: id(), supplierBusinessId: id(), requestId: id().optional(), note: z.string().max(500).optional() })
  .strict();

export const meetingsQuery = z
  .object({ fairId: id().optional(), businessId: id().optional(), pageSize: z.coerce.number().int().min(1).max(100).default(20), pageToken: pageTokenSchema.optional() })
  .strict();
