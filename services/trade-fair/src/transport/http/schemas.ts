// Request shapes (zod) and response views. Shapes only; the rules are the domain's.
import { pageTokenSchema } from '@hangviet/service-kit';
import { plausibleDateTime, plausibleDay } from '@hangviet/service-kit/dates';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@hangviet/service-kit/paging';
import { z } from 'zod';
import type { BoothApplicationState } from '../../domain/booth-application';
import { AGREEMENT_KINDS, SHORTFALL_KINDS, type ClosingReport } from '../../domain/closing-report';
import { FAIR_KINDS, type FairState } from '../../domain/fair';
import type { VenueState } from '../../domain/venue';

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const applicationParams = z.object({ id: z.string().min(1).max(100), applicationId: z.string().min(1).max(100) });
export const businessParams = z.object({ businessId: z.string().min(1).max(100) });
export const pageQuery = {
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  pageToken: pageTokenSchema.optional(),
};

const booth = z.object({
  code: z.string().max(8), row: z.number().int().min(0).max(200), column: z.number().int().min(0).max(200),
  zone: z.string().min(1).max(20).optional(), widthM: z.number().optional(), depthM: z.number().optional(),
  corner: z.boolean().optional(), blocked: z.boolean().optional(),
}).strict();
export const importBody = z.object({ booths: z.array(booth).max(5000) }).strict();
export const gridBody = z.object({ rows: z.number().int(), columns: z.number().int() }).strict();
export const venueBody = z.object({
  name: z.string().max(1000),
  address: z.object({ provinceCode: z.string().max(10), wardCode: z.string().max(10), street: z.string().max(300).optional() }).strict(),
  booths: z.array(booth).max(5000).optional(),
}).strict();

const day = plausibleDay();
export const fairBody = z.object({
  name: z.string().max(1000),
  kind: z.enum(FAIR_KINDS),
  venueId: z.string().min(1).max(100),
  days: z.object({ setUpDay: day, openingDay: day, closingDay: day, tearDownDay: day, openTime: z.string().max(5).default('08:00'), closeTime: z.string().max(5).default('22:00'), setUpTime: z.string().max(5).optional() }).strict(),
  applicationOpenTime: plausibleDateTime(),
  applicationCloseTime: plausibleDateTime(),
  boothFeeVnd: z.number().int(),
  rules: z.object({
    eligibility: z.enum(['OPEN', 'PROVINCE_ONLY']).default('OPEN'),
    maxBoothsPerBusiness: z.number().int().default(1),
    certifiedProducts: z.enum(['NONE', 'PREFERRED', 'REQUIRED']).default('PREFERRED'),
    separateCompetitors: z.boolean().optional(),
  }).strict(),
  supportPolicy: z.object({
    firstParticipationPercent: z.number().int(),
    laterParticipationPercent: z.number().int(),
    capPerBusinessPerYearVnd: z.number().int(),
  }).strict(),
}).strict();
export const listFairsQuery = z.object({ from: day.optional(), to: day.optional(), provinceCode: z.string().max(10).optional(), ...pageQuery }).strict();
export const icsQuery = z.object({ from: day.optional(), to: day.optional(), provinceCode: z.string().max(10).optional() }).strict();
export const reasonBody = z.object({ reason: z.string().max(500) }).strict();
export const allocateBody = z.object({ dryRun: z.boolean().default(false) }).strict();
export const applicationBody = z.object({
  businessId: z.string().min(1).max(100),
  boothsWanted: z.number().int().min(1),
  preferredZone: z.string().min(1).max(20).optional(),
  preferredBooths: z.array(z.string().max(8)).max(20).optional(),
  wantsCorner: z.boolean().optional(),
  productIds: z.array(z.string().min(1).max(100)).min(1).max(50),
  catalogueEntry: z.string().min(1).max(2000),
}).strict();
export const listQuery = z.object(pageQuery).strict();
const vnd = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(100);
export const closingReportBody = z.object({
  visitors: z.number().int().min(0).max(100_000_000),
  salesRevenueVnd: vnd,
  boothSales: z.array(z.object({ boothCode: z.string().min(1).max(8), businessId: id, revenueVnd: vnd }).strict()).max(5000).default([]),
  agreements: z.array(z.object({ kind: z.enum(AGREEMENT_KINDS), sellerBusinessId: id, buyerName: z.string().min(1).max(300), valueVnd: vnd, note: z.string().max(500).optional() }).strict()).max(2000).default([]),
  shortfalls: z.array(z.object({ kind: z.enum(SHORTFALL_KINDS), businessId: id, productName: z.string().min(1).max(300), boothCode: z.string().max(8).optional() }).strict()).max(2000).default([]),
  commendations: z.array(z.object({ businessId: id, businessName: z.string().min(1).max(300), title: z.string().min(1).max(300) }).strict()).max(500).default([]),
}).strict();
export const floorPlanQuery = z.object({ fairId: z.string().min(1).max(100).optional() }).strict();

export function venueView(v: VenueState) {
  return { id: v.id, name: v.name, address: v.address, booths: v.booths, boothCount: v.booths.length, createTime: v.createTime.toISOString(), updateTime: v.updateTime.toISOString(), version: v.version };
}

export function fairView(f: Readonly<FairState>) {
  return {
    id: f.id, name: f.name, kind: f.kind, venueId: f.venueId, venueName: f.venueName, provinceCode: f.provinceCode, days: f.days,
    applicationOpenTime: f.applicationOpenTime.toISOString(), applicationCloseTime: f.applicationCloseTime.toISOString(),
    boothFeeVnd: f.boothFeeVnd, rules: f.rules, supportPolicy: f.supportPolicy, status: f.status,
    ...(f.cancelReason ? { cancelReason: f.cancelReason } : {}),
    ...(f.report ? { report: reportView(f.report) } : {}),
    createTime: f.createTime.toISOString(), updateTime: f.updateTime.toISOString(), version: f.version,
  };
}

export function applicationView(a: Readonly<BoothApplicationState>) {
  return {
    id: a.id, fairId: a.fairId, businessId: a.businessId, businessName: a.businessName, status: a.status, boothsWanted: a.boothsWanted,
    ...(a.preferredZone !== undefined ? { preferredZone: a.preferredZone } : {}),
    preferredBooths: a.preferredBooths, wantsCorner: a.wantsCorner, products: a.products, catalogueEntry: a.catalogueEntry,
    submitTime: a.submitTime.toISOString(), booths: a.booths,
    ...(a.waitlistPosition !== undefined ? { waitlistPosition: a.waitlistPosition } : {}),
    ...(a.offerDeadline ? { offerDeadline: a.offerDeadline.toISOString() } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.explanation ? { explanation: a.explanation } : {}),
    ...(a.support ? { support: a.support } : {}),
    updateTime: a.updateTime.toISOString(), version: a.version,
  };
}

export function reportView(r: ClosingReport) {
  const { fileTime, ...rest } = r;
  return { ...rest, ...(fileTime ? { fileTime: fileTime.toISOString() } : {}) };
}
