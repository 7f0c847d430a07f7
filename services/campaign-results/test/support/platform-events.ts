// Events as the other services publish them (their protobuf messages through the catalogue), built from a
// few fields: the tests' known set of facts of a year, with figures computed by hand.
import { CertificationScheme, CertificateStatus } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { ProductStatus } from '@hangviet/contracts/hangviet/certification/v1/product';
import { ReportStatus } from '@hangviet/contracts/hangviet/certification/v1/report';
import { BusinessStatus, IndustryEdition } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BoothApplicationStatus } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairAgreementKind, FairKind, FairStatus } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { OutcomeKind } from '@hangviet/contracts/hangviet/sourcing/v1/outcome';
import {
  BoothApplicationAllocated, BoothApplicationSubmitted, BoothApplicationWithdrawn,
  BusinessApproved, BusinessRegistered,
  CertificateExpired, CertificateIssued, CertificateRevoked,
  FairCancelled, FairClosed, FairCreated, FairReportFiled, FairRunning, OutcomeRecorded,
  ProductListed, ProductWithdrawn,
  ReportClosed, ReportForwarded, ReportReceived,
} from '@hangviet/events/catalog';
import type { EventType } from '@hangviet/events';

export interface PlatformEvent {
  definition: EventType<unknown>;
  subject: string;
  data: unknown;
  id: string;
  time: Date;
}

const ts = (iso: string) => {
  const ms = Date.parse(iso);
  return { seconds: String(Math.floor(ms / 1000)), nanos: 0 };
};
// Noon in Vietnam on that day: the day is the same in UTC and in Vietnam time.
const at = (day: string) => `${day}T05:00:00Z`;

let counter = 0;
function event<T>(definition: EventType<T>, subject: string, day: string, data: Record<string, unknown>, id?: string): PlatformEvent {
  counter += 1;
  return { definition: definition as EventType<unknown>, subject, data: definition.codec.fromJSON({ ...data, occurredTime: at(day) }), id: id ?? `${subject}-${definition.type}-${counter}`, time: new Date(at(day)) };
}

export function business(def: EventType<unknown>, p: { id: string; version: number; status: BusinessStatus; province: string; ward: string; industry: string; name: string }, day: string) {
  return event(def, p.id, day, {
    business: {
      id: p.id,
      tradeName: p.name,
      status: BusinessStatus[p.status],
      address: { provinceCode: p.province, wardCode: p.ward },
      mainIndustry: { edition: IndustryEdition[IndustryEdition.INDUSTRY_EDITION_VSIC_2018], code: p.industry, main: true },
      version: String(p.version),
    },
  });
}

export function product(def: EventType<unknown>, p: { id: string; businessId: string; version: number; status: ProductStatus; name: string }, day: string) {
  return event(def, p.id, day, { product: { id: p.id, businessId: p.businessId, name: p.name, status: ProductStatus[p.status], version: String(p.version) } });
}

export function certificate(def: EventType<unknown>, p: { number: string; businessId: string; version: number; status: CertificateStatus; scheme: CertificationScheme; stars: number }, day: string) {
  return event(def, p.number, day, {
    certificate: { number: p.number, businessId: p.businessId, scheme: CertificationScheme[p.scheme], stars: p.stars, status: CertificateStatus[p.status], productName: `Sản phẩm ${p.number}`, version: String(p.version), validFrom: ts(at(day)) },
  });
}

export function report(def: EventType<unknown>, p: { id: string; version: number; status: ReportStatus; province: string; ward: string }, day: string) {
  return event(def, p.id, day, { report: { id: p.id, provinceCode: p.province, wardCode: p.ward, shop: `Cửa hàng ${p.id}`, status: ReportStatus[p.status], version: String(p.version) } });
}

export function fair(def: EventType<unknown>, p: { id: string; version: number; status: FairStatus; kind: FairKind; province: string; openingDay: string }, day: string, extra: Record<string, unknown> = {}) {
  return event(def, p.id, day, { fair: { id: p.id, name: `Hội chợ ${p.id}`, kind: FairKind[p.kind], provinceCode: p.province, openingDay: p.openingDay, closingDay: p.openingDay, status: FairStatus[p.status], version: String(p.version) }, ...extra });
}

export function application(def: EventType<unknown>, p: { id: string; fairId: string; businessId: string; version: number; status: BoothApplicationStatus; booths: string[]; supportVnd: number; openingDay: string }, day: string) {
  return event(def, p.id, day, {
    application: { id: p.id, fairId: p.fairId, businessId: p.businessId, businessName: `DN ${p.businessId}`, fairName: `Hội chợ ${p.fairId}`, status: BoothApplicationStatus[p.status], boothCodes: p.booths, supportVnd: String(p.supportVnd), openingDay: p.openingDay, version: String(p.version) },
  });
}

export function outcome(p: { id: string; supplier: string; kind: OutcomeKind; valueVnd: number; signedDate: string }, day: string) {
  return event(OutcomeRecorded as EventType<unknown>, p.id, day, {
    outcome: { id: p.id, requestId: `req-${p.id}`, buyerBusinessId: 'buyer-1', supplierBusinessId: p.supplier, kind: OutcomeKind[p.kind], valueVnd: String(p.valueVnd), signedDate: p.signedDate },
  });
}

/**
 * The known set: two businesses (one in Vĩnh Long 86 making food, section C; one in Lạng Sơn 20 trading,
 * section G), their products and certificates, a counterfeit report, three fairs and their applications, over
 * 2025 and 2026. `revocation` is kept apart so a test can watch the figure move back.
 */
export function knownSet(tag: string) {
  const B1 = `b1-${tag}`;
  const B2 = `b2-${tag}`;
  const F1 = `f1-${tag}`;
  const F2 = `f2-${tag}`;
  const F3 = `f3-${tag}`;
  const b1 = { id: B1, status: BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW, province: '86', ward: '29299', industry: '1079', name: 'Kẹo dừa Bến Tre' };
  const b2 = { id: B2, status: BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW, province: '20', ward: '06100', industry: '4610', name: 'Thương mại Lạng Sơn' };
  const active = BusinessStatus.BUSINESS_STATUS_ACTIVE;
  const ocop = CertificationScheme.CERTIFICATION_SCHEME_OCOP;
  const valid = CertificateStatus.CERTIFICATE_STATUS_VALID;
  const trade = FairKind.FAIR_KIND_TRADE_FAIR;
  const allocated = BoothApplicationStatus.BOOTH_APPLICATION_STATUS_ALLOCATED;
  const submitted = BoothApplicationStatus.BOOTH_APPLICATION_STATUS_SUBMITTED;
  const f1 = { id: F1, kind: trade, province: '86', openingDay: '2026-09-10' };
  const app = (id: string, fairId: string, businessId: string) => ({ id: `${id}-${tag}`, fairId, businessId, openingDay: '2026-09-10' });

  const events: PlatformEvent[] = [
    business(BusinessRegistered as EventType<unknown>, { ...b1, version: 1 }, '2026-02-10'),
    business(BusinessApproved as EventType<unknown>, { ...b1, version: 2, status: active }, '2026-02-12'),
    business(BusinessRegistered as EventType<unknown>, { ...b2, version: 1 }, '2025-05-01'),
    business(BusinessApproved as EventType<unknown>, { ...b2, version: 2, status: active }, '2025-05-03'),

    product(ProductListed as EventType<unknown>, { id: `p1-${tag}`, businessId: B1, version: 2, status: ProductStatus.PRODUCT_STATUS_LISTED, name: 'Kẹo dừa sầu riêng' }, '2026-03-01'),
    product(ProductListed as EventType<unknown>, { id: `p2-${tag}`, businessId: B1, version: 2, status: ProductStatus.PRODUCT_STATUS_LISTED, name: 'Bánh tráng' }, '2026-03-02'),
    product(ProductWithdrawn as EventType<unknown>, { id: `p2-${tag}`, businessId: B1, version: 3, status: ProductStatus.PRODUCT_STATUS_WITHDRAWN, name: 'Bánh tráng' }, '2026-03-20'),

    certificate(CertificateIssued as EventType<unknown>, { number: `OCOP-2026-1-${tag}`, businessId: B1, version: 1, status: valid, scheme: ocop, stars: 4 }, '2026-04-01'),
    certificate(CertificateIssued as EventType<unknown>, { number: `OCOP-2026-2-${tag}`, businessId: B1, version: 1, status: valid, scheme: ocop, stars: 3 }, '2026-04-02'),
    certificate(CertificateIssued as EventType<unknown>, { number: `VIETGAP-2025-3-${tag}`, businessId: B2, version: 1, status: valid, scheme: CertificationScheme.CERTIFICATION_SCHEME_VIETGAP, stars: 0 }, '2025-07-01'),
    certificate(CertificateExpired as EventType<unknown>, { number: `VIETGAP-2025-3-${tag}`, businessId: B2, version: 2, status: CertificateStatus.CERTIFICATE_STATUS_EXPIRED, scheme: CertificationScheme.CERTIFICATION_SCHEME_VIETGAP, stars: 0 }, '2026-07-01'),

    report(ReportReceived as EventType<unknown>, { id: `r1-${tag}`, version: 1, status: ReportStatus.REPORT_STATUS_NEW, province: '86', ward: '29299' }, '2026-05-01'),
    report(ReportForwarded as EventType<unknown>, { id: `r1-${tag}`, version: 2, status: ReportStatus.REPORT_STATUS_FORWARDED, province: '86', ward: '29299' }, '2026-05-02'),
    report(ReportClosed as EventType<unknown>, { id: `r1-${tag}`, version: 3, status: ReportStatus.REPORT_STATUS_CLOSED, province: '86', ward: '29299' }, '2026-05-03'),

    fair(FairCreated as EventType<unknown>, { ...f1, version: 1, status: FairStatus.FAIR_STATUS_DRAFT }, '2026-06-01'),
    fair(FairRunning as EventType<unknown>, { ...f1, version: 5, status: FairStatus.FAIR_STATUS_RUNNING }, '2026-09-10'),
    fair(FairClosed as EventType<unknown>, { ...f1, version: 6, status: FairStatus.FAIR_STATUS_CLOSED }, '2026-09-15'),
    fair(FairReportFiled as EventType<unknown>, { ...f1, version: 7, status: FairStatus.FAIR_STATUS_CLOSED }, '2026-09-16', {
      report: {
        visitors: '1200',
        salesRevenueVnd: '500000000',
        agreements: [
          { kind: FairAgreementKind[FairAgreementKind.FAIR_AGREEMENT_KIND_CONTRACT], sellerBusinessId: B1, buyerName: 'Co.op Mart', valueVnd: '100000000' },
          { kind: FairAgreementKind[FairAgreementKind.FAIR_AGREEMENT_KIND_MOU], sellerBusinessId: B2, buyerName: 'Bách Hóa Xanh', valueVnd: '900000000' },
        ],
      },
    }),
    fair(FairRunning as EventType<unknown>, { id: F2, kind: FairKind.FAIR_KIND_MARKET_SESSION, province: '86', openingDay: '2026-10-01', version: 5, status: FairStatus.FAIR_STATUS_RUNNING }, '2026-10-01'),
    fair(FairCancelled as EventType<unknown>, { id: F3, kind: trade, province: '86', openingDay: '2026-11-01', version: 3, status: FairStatus.FAIR_STATUS_CANCELLED }, '2026-10-20'),

    application(BoothApplicationSubmitted as EventType<unknown>, { ...app('a1', F1, B1), version: 1, status: submitted, booths: [], supportVnd: 0 }, '2026-07-01'),
    application(BoothApplicationAllocated as EventType<unknown>, { ...app('a1', F1, B1), version: 2, status: allocated, booths: ['A1', 'A2'], supportVnd: 3_000_000 }, '2026-08-01'),
    application(BoothApplicationAllocated as EventType<unknown>, { ...app('a2', F1, B2), version: 2, status: allocated, booths: ['B1'], supportVnd: 0 }, '2026-08-01'),
    application(BoothApplicationAllocated as EventType<unknown>, { ...app('a3', F1, B2), version: 2, status: allocated, booths: ['C1'], supportVnd: 1_000_000 }, '2026-08-01'),
    application(BoothApplicationWithdrawn as EventType<unknown>, { ...app('a3', F1, B2), version: 3, status: BoothApplicationStatus.BOOTH_APPLICATION_STATUS_WITHDRAWN, booths: [], supportVnd: 0 }, '2026-08-20'),

    // Sourcing outcomes: a contract of B1 signed in November (recorded in December), an MOU (not counted), a 2025 contract of B2.
    outcome({ id: `o1-${tag}`, supplier: B1, kind: OutcomeKind.OUTCOME_KIND_CONTRACT, valueVnd: 250_000_000, signedDate: '2026-11-20' }, '2026-12-01'),
    outcome({ id: `o2-${tag}`, supplier: B1, kind: OutcomeKind.OUTCOME_KIND_MOU, valueVnd: 2_000_000_000, signedDate: '2026-11-21' }, '2026-12-01'),
    outcome({ id: `o3-${tag}`, supplier: B2, kind: OutcomeKind.OUTCOME_KIND_CONTRACT, valueVnd: 40_000_000, signedDate: '2025-12-30' }, '2026-01-05'),
  ];
  const revocation = certificate(CertificateRevoked as EventType<unknown>, { number: `OCOP-2026-2-${tag}`, businessId: B1, version: 2, status: CertificateStatus.CERTIFICATE_STATUS_REVOKED, scheme: ocop, stars: 3 }, '2026-06-01');
  return { events, revocation, ids: { B1, B2, F1, certificate1: `OCOP-2026-1-${tag}`, certificate2: `OCOP-2026-2-${tag}` } };
}

/** The figures of 2026 from the known set and its revocation, by hand (the rest are 0). */
export const EXPECTED_2026: Record<string, number> = {
  'businesses.registered': 1,
  'businesses.approved': 1,
  'products.listed': 1,
  'certificates.issued': 1, // two OCOP issued in April, one revoked in June
  'certificates.expired': 1, // the 2025 VietGAP
  'certificates.revoked': 1,
  'fairs.held': 1,
  'fairs.market_sessions': 1,
  'booths.allocated': 3, // a1: 2, a2: 1; a3 withdrawn
  'fairs.participants': 2,
  'fairs.local_share': 50, // a1's business is in 86 like the fair, a2's in 20
  'support.vnd': 3_000_000,
  'fairs.visitors': 1200,
  'fairs.revenue_vnd': 500_000_000,
  'reports.received': 1,
  'reports.forwarded': 1,
  'reports.closed': 1,
  'contracts.signed': 2, // the fair's contract and the sourcing contract; MOUs do not count
  'contracts.value_vnd': 350_000_000,
};

/** 2025: B2 registered and approved, the VietGAP certificate issued, B2's contract signed on 30 December. */
export const EXPECTED_2025: Record<string, number> = { 'businesses.registered': 1, 'businesses.approved': 1, 'certificates.issued': 1, 'contracts.signed': 1, 'contracts.value_vnd': 40_000_000 };
