// The fair's closing report, entered by staff after the fair: visitors, sales (in total and optionally
// per booth), contracts and MOUs signed with their value, product shortfalls seen (missing label,
// barcode or food-safety certificate), commendations. Pure: checks and the totals campaign results counts.
import type { FieldError } from '@hangviet/service-kit/errors';

export const AGREEMENT_KINDS = ['CONTRACT', 'MOU'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const SHORTFALL_KINDS = ['MISSING_LABEL', 'MISSING_BARCODE', 'MISSING_FOOD_SAFETY_CERTIFICATE'] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];

export interface ClosingReport {
  visitors: number;
  salesRevenueVnd: number;
  boothSales: { boothCode: string; businessId: string; revenueVnd: number }[];
  agreements: { kind: AgreementKind; sellerBusinessId: string; buyerName: string; valueVnd: number; note?: string }[];
  shortfalls: { kind: ShortfallKind; businessId: string; productName: string; boothCode?: string }[];
  commendations: { businessId: string; businessName: string; title: string }[];
  /** Set when filed. */
  fileTime?: Date;
}

export interface ReportTotals {
  contracts: number;
  contractsValueVnd: number;
  mous: number;
  mousValueVnd: number;
  shortfalls: Record<ShortfallKind, number>;
  commendations: number;
}

export function reportTotals(r: ClosingReport): ReportTotals {
  const of = (kind: AgreementKind) => r.agreements.filter((a) => a.kind === kind);
  const sum = (list: { valueVnd: number }[]) => list.reduce((s, a) => s + a.valueVnd, 0);
  const shortfalls = Object.fromEntries(SHORTFALL_KINDS.map((k) => [k, r.shortfalls.filter((s) => s.kind === k).length])) as Record<ShortfallKind, number>;
  return { contracts: of('CONTRACT').length, contractsValueVnd: sum(of('CONTRACT')), mous: of('MOU').length, mousValueVnd: sum(of('MOU')), shortfalls, commendations: r.commendations.length };
}

/**
 * Checks the report against the fair's allocation: booth sales name a booth and its holder, the sum of
 * booth sales is at most the total, agreements and shortfalls name a business that held a booth.
 */
export function validateClosingReport(r: ClosingReport, holders: ReadonlyMap<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  const e = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const participants = new Set(holders.values());
  const seen = new Set<string>();
  r.boothSales.forEach((b, i) => {
    const holder = holders.get(b.boothCode);
    if (!holder) e(`boothSales[${i}].boothCode`, 'BOOTH_NOT_ALLOCATED', `booth ${b.boothCode} was not allocated at this fair`);
    else if (holder !== b.businessId) e(`boothSales[${i}].businessId`, 'NOT_THE_HOLDER', `booth ${b.boothCode} was held by another business`);
    if (seen.has(b.boothCode)) e(`boothSales[${i}].boothCode`, 'DUPLICATE', `booth ${b.boothCode} appears twice`);
    seen.add(b.boothCode);
  });
  const perBooth = r.boothSales.reduce((s, b) => s + b.revenueVnd, 0);
  if (perBooth > r.salesRevenueVnd) e('salesRevenueVnd', 'LESS_THAN_BOOTH_SALES', `the total (${r.salesRevenueVnd}) is less than the booths' sales (${perBooth})`);
  r.agreements.forEach((a, i) => {
    if (!participants.has(a.sellerBusinessId)) e(`agreements[${i}].sellerBusinessId`, 'NOT_A_PARTICIPANT', `business ${a.sellerBusinessId} held no booth at this fair`);
  });
  r.shortfalls.forEach((s, i) => {
    if (!participants.has(s.businessId)) e(`shortfalls[${i}].businessId`, 'NOT_A_PARTICIPANT', `business ${s.businessId} held no booth at this fair`);
  });
  r.commendations.forEach((c, i) => {
    if (!participants.has(c.businessId)) e(`commendations[${i}].businessId`, 'NOT_A_PARTICIPANT', `business ${c.businessId} held no booth at this fair`);
  });
  return errors;
}
