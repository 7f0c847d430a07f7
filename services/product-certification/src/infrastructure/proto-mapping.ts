// The aggregates as their protobuf messages (events and gRPC alike), and the events they raised as
// outbox entries carrying the catalogue's messages.
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { ApplicationStatus as PbApplicationStatus, type ApplicationSnapshot } from '@hangviet/contracts/hangviet/certification/v1/application';
import { CertificateStatus as PbCertificateStatus, CertificationScheme, type Certificate as PbCertificate } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { OcopProductGroup, ProductStatus as PbProductStatus, type ProductSnapshot } from '@hangviet/contracts/hangviet/certification/v1/product';
import { ReportStatus as PbReportStatus, type ReportSnapshot } from '@hangviet/contracts/hangviet/certification/v1/report';
import type { ApplicationState } from '../domain/application';
import type { CertificateState } from '../domain/certificate';
import type { ProductState } from '../domain/product';
import type { ReportState } from '../domain/report';

export const EVENT_SOURCE = 'product-certification';

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

/** `PREFIX_NAME` enum value of a domain name, e.g. enumOf(ProductStatus, 'PRODUCT_STATUS_', 'LISTED'). */
const enumOf = <E extends Record<string, string | number>>(e: E, prefix: string, name: string): E[keyof E] => e[`${prefix}${name}` as keyof E]!;
export const nameOf = (e: Record<number, string>, prefix: string, value: number): string => (e[value] ?? '').replace(prefix, '');

export const schemeToProto = (scheme: string): CertificationScheme => enumOf(CertificationScheme, 'CERTIFICATION_SCHEME_', scheme);
export const certificateStatusToProto = (status: string): PbCertificateStatus => enumOf(PbCertificateStatus, 'CERTIFICATE_STATUS_', status);
export const applicationStatusToProto = (status: string): PbApplicationStatus => enumOf(PbApplicationStatus, 'APPLICATION_STATUS_', status);

export function productSnapshot(s: Readonly<ProductState>): ProductSnapshot {
  return {
    id: s.id,
    businessId: s.businessId,
    name: s.name,
    englishName: s.englishName ?? '',
    group: enumOf(OcopProductGroup, 'OCOP_PRODUCT_GROUP_', s.group),
    gtin: s.gtin ?? '',
    rawMaterialOrigin: s.rawMaterialOrigin,
    status: enumOf(PbProductStatus, 'PRODUCT_STATUS_', s.status),
    createTime: toTimestamp(s.createTime),
    version: String(s.version),
  };
}

export function applicationSnapshot(s: Readonly<ApplicationState>): ApplicationSnapshot {
  return {
    id: s.id,
    productId: s.productId,
    businessId: s.businessId,
    productName: s.productName,
    round: { year: s.round.year, number: s.round.number },
    status: applicationStatusToProto(s.status),
    score: s.score ? { partA: s.score.parts.A, partB: s.score.parts.B, partC: s.score.parts.C, total: s.score.total, stars: s.score.stars } : undefined,
    previousCertificateNumber: s.previousCertificateNumber ?? '',
    version: String(s.version),
  };
}

export function certificateMessage(s: Readonly<CertificateState>): PbCertificate {
  return {
    number: s.number,
    scheme: schemeToProto(s.scheme),
    businessId: s.businessId,
    productId: s.productId ?? '',
    productName: s.productName ?? '',
    stars: s.stars,
    status: certificateStatusToProto(s.status),
    validFrom: toTimestamp(s.validFrom),
    validUntil: toTimestamp(s.validUntil),
    decisionNumber: s.decisionNumber,
    decisionTime: toTimestamp(s.decisionDate),
    issuer: s.issuer,
    applicationId: s.applicationId ?? '',
    previousNumber: s.previousNumber ?? '',
    version: String(s.version),
  };
}

export function reportSnapshot(s: Readonly<ReportState>): ReportSnapshot {
  return {
    id: s.id,
    certificateNumber: s.certificateNumber ?? '',
    productId: s.productId ?? '',
    businessId: s.businessId ?? '',
    provinceCode: s.provinceCode ?? '',
    wardCode: s.wardCode ?? '',
    shop: s.shop ?? '',
    url: s.url ?? '',
    description: s.description,
    status: enumOf(PbReportStatus, 'REPORT_STATUS_', s.status),
    hasPhoto: s.photo !== undefined,
    version: String(s.version),
  };
}
