// The synthetic platform of `npm run bench:campaign`: events in the order the services would publish them.
// Per business its registration and approval, a listed product, an issued certificate (one in five revoked), an
// allocated booth application, one counterfeit report per ten businesses, a fair per 500 businesses; years 2025
// and 2026, 34 provinces.
import { CertificationScheme, CertificateStatus } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { ProductStatus } from '@hangviet/contracts/hangviet/certification/v1/product';
import { ReportStatus } from '@hangviet/contracts/hangviet/certification/v1/report';
import { BusinessStatus, IndustryEdition } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BoothApplicationStatus } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairKind, FairStatus } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import type { EventType } from '@hangviet/events';
import { BoothApplicationAllocated, BusinessApproved, BusinessRegistered, CertificateIssued, CertificateRevoked, FairRunning, ProductListed, ReportReceived } from '@hangviet/events/catalog';

const PROVINCES = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'];
const INDUSTRIES = ['0118', '1079', '1410', '1629', '2023', '3100', '4610', '4711', '5610', '5510', '8230', '0322'];
export interface Outgoing {
  definition: EventType<unknown>;
  subject: string;
  data: unknown;
}

/** The synthetic platform: events in the order the services would publish them, until `count`. */
export function* platform(count: number): Generator<Outgoing> {
  let produced = 0;
  const emit = function* <T>(definition: EventType<T>, subject: string, json: Record<string, unknown>, day: string): Generator<Outgoing> {
    if (produced >= count) return;
    produced += 1;
    yield { definition: definition as EventType<unknown>, subject, data: definition.codec.fromJSON({ ...json, occurredTime: `${day}T05:00:00Z` }) };
  };
  for (let i = 0; produced < count; i++) {
    const year = i % 2 === 0 ? 2026 : 2025;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = `${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}`;
    const province = PROVINCES[i % PROVINCES.length]!;
    const id = `bb${i}`;
    const business = (version: number, status: BusinessStatus) => ({
      business: {
        id,
        tradeName: `Cơ sở ${i}`,
        status: BusinessStatus[status],
        address: { provinceCode: province, wardCode: `${province}${String(i % 1000).padStart(3, '0')}` },
        mainIndustry: { edition: IndustryEdition[IndustryEdition.INDUSTRY_EDITION_VSIC_2018], code: INDUSTRIES[i % INDUSTRIES.length], main: true },
        version: String(version),
      },
    });
    yield* emit(BusinessRegistered, id, business(1, BusinessStatus.BUSINESS_STATUS_PENDING_REVIEW), day);
    yield* emit(BusinessApproved, id, business(2, BusinessStatus.BUSINESS_STATUS_ACTIVE), day);
    yield* emit(ProductListed, `p${i}`, { product: { id: `p${i}`, businessId: id, name: `Sản phẩm ${i}`, status: ProductStatus[ProductStatus.PRODUCT_STATUS_LISTED], version: '2' } }, day);
    const certificate = (version: number, status: CertificateStatus) => ({
      certificate: { number: `OCOP-${year}-${i}`, businessId: id, scheme: CertificationScheme[i % 3 === 0 ? CertificationScheme.CERTIFICATION_SCHEME_VIETGAP : CertificationScheme.CERTIFICATION_SCHEME_OCOP], stars: 3 + (i % 3), status: CertificateStatus[status], version: String(version) },
    });
    yield* emit(CertificateIssued, `OCOP-${year}-${i}`, certificate(1, CertificateStatus.CERTIFICATE_STATUS_VALID), day);
    if (i % 5 === 0) yield* emit(CertificateRevoked, `OCOP-${year}-${i}`, certificate(2, CertificateStatus.CERTIFICATE_STATUS_REVOKED), day);
    const fairId = `ff${Math.floor(i / 500)}`;
    if (i % 500 === 0) {
      yield* emit(FairRunning, fairId, { fair: { id: fairId, name: `Hội chợ ${fairId}`, kind: FairKind[i % 1000 === 0 ? FairKind.FAIR_KIND_TRADE_FAIR : FairKind.FAIR_KIND_MARKET_SESSION], provinceCode: province, openingDay: day, status: FairStatus[FairStatus.FAIR_STATUS_RUNNING], version: '5' } }, day);
    }
    yield* emit(BoothApplicationAllocated, `aa${i}`, {
      application: { id: `aa${i}`, fairId, businessId: id, businessName: `Cơ sở ${i}`, status: BoothApplicationStatus[BoothApplicationStatus.BOOTH_APPLICATION_STATUS_ALLOCATED], boothCodes: ['A1'], supportVnd: String((i % 4) * 1_000_000), openingDay: day, version: '2' },
    }, day);
    if (i % 10 === 0) yield* emit(ReportReceived, `rr${i}`, { report: { id: `rr${i}`, provinceCode: province, status: ReportStatus[ReportStatus.REPORT_STATUS_NEW], version: '1' } }, day);
  }
}

