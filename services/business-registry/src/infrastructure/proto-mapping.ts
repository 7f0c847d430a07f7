// Domain values ↔ the protobuf contract (gRPC responses and event payloads).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import {
  BusinessStatus as ProtoStatus,
  BusinessType as ProtoType,
  EmployeeRange as ProtoEmployeeRange,
  IndustryEdition as ProtoEdition,
  type Business as ProtoBusiness,
  type Industry as ProtoIndustry,
} from '@hangviet/contracts/hangviet/registry/v1/business';
import type { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';
import type { BusinessIndustry, BusinessStatus, BusinessType, EmployeeRange } from '../domain/business';
import type { BusinessView } from '../application/business-view';

const STATUS: Record<BusinessStatus, ProtoStatus> = {
  PENDING_REVIEW: ProtoStatus.BUSINESS_STATUS_PENDING_REVIEW,
  ACTIVE: ProtoStatus.BUSINESS_STATUS_ACTIVE,
  REJECTED: ProtoStatus.BUSINESS_STATUS_REJECTED,
  SUSPENDED: ProtoStatus.BUSINESS_STATUS_SUSPENDED,
  DISSOLVED: ProtoStatus.BUSINESS_STATUS_DISSOLVED,
};
const TYPE: Record<BusinessType, ProtoType> = {
  COMPANY: ProtoType.BUSINESS_TYPE_COMPANY,
  COOPERATIVE: ProtoType.BUSINESS_TYPE_COOPERATIVE,
  HOUSEHOLD: ProtoType.BUSINESS_TYPE_HOUSEHOLD,
  BRANCH: ProtoType.BUSINESS_TYPE_BRANCH,
};
const EMPLOYEES: Record<EmployeeRange, ProtoEmployeeRange> = {
  '1-9': ProtoEmployeeRange.EMPLOYEE_RANGE_1_TO_9,
  '10-49': ProtoEmployeeRange.EMPLOYEE_RANGE_10_TO_49,
  '50-199': ProtoEmployeeRange.EMPLOYEE_RANGE_50_TO_199,
  '200-999': ProtoEmployeeRange.EMPLOYEE_RANGE_200_TO_999,
  '1000+': ProtoEmployeeRange.EMPLOYEE_RANGE_1000_OR_MORE,
};

export const toProtoStatus = (s: BusinessStatus): ProtoStatus => STATUS[s];
export const toProtoType = (t: BusinessType): ProtoType => TYPE[t];

function reverse<K extends string, V>(map: Record<K, V>, value: V): K | undefined {
  return (Object.keys(map) as K[]).find((k) => map[k] === value);
}
export const fromProtoStatus = (s: ProtoStatus): BusinessStatus | undefined => reverse(STATUS, s);
export const fromProtoType = (t: ProtoType): BusinessType | undefined => reverse(TYPE, t);

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProtoIndustry(i: BusinessIndustry): ProtoIndustry {
  return {
    edition: i.edition === '2018' ? ProtoEdition.INDUSTRY_EDITION_VSIC_2018 : ProtoEdition.INDUSTRY_EDITION_VSIC_2025,
    code: i.code,
    name: i.name,
    main: i.main,
  };
}

export function toProtoBusiness(b: BusinessView): ProtoBusiness {
  return {
    id: b.id,
    taxCode: b.taxCode,
    type: TYPE[b.type],
    status: STATUS[b.status],
    legalName: b.legalName,
    tradeName: b.tradeName ?? '',
    englishName: b.englishName ?? '',
    address: { ...b.address },
    legacyAddress: b.legacyAddress
      ? {
          provinceCode: '',
          provinceName: b.legacyAddress.provinceName ?? '',
          districtCode: '',
          districtName: b.legacyAddress.districtName ?? '',
          wardCode: b.legacyAddress.wardCode ?? '',
          wardName: b.legacyAddress.wardName ?? '',
          street: b.legacyAddress.street,
        }
      : undefined,
    industries: b.industries.map(toProtoIndustry),
    contact: { email: b.contact.email ?? '', phone: b.contact.phone ?? '' },
    representative: b.representative
      ? { fullName: b.representative.fullName, position: b.representative.position ?? '', email: b.representative.email ?? '', phone: b.representative.phone ?? '' }
      : undefined,
    website: b.website ?? '',
    description: b.description ?? '',
    foundingDate: b.foundingDate ?? '',
    employeeRange: b.employeeRange ? EMPLOYEES[b.employeeRange] : ProtoEmployeeRange.EMPLOYEE_RANGE_UNSPECIFIED,
    statusReason: b.statusReason ?? '',
    ownerSubject: b.ownerSubject ?? '',
    preferredLocale: b.preferredLocale,
    version: String(b.version),
    createTime: toTimestamp(new Date(b.createTime)),
    updateTime: toTimestamp(new Date(b.updateTime)),
  };
}

/** What every event carries: no personal data of the representative. */
export function toSnapshot(b: Omit<BusinessView, 'createTime' | 'updateTime' | 'audit' | 'pendingChange'>, at: { status: BusinessStatus; version: number }): BusinessSnapshot {
  const main = b.industries.find((i) => i.main);
  return {
    id: b.id,
    taxCode: b.taxCode,
    legalName: b.legalName,
    tradeName: b.tradeName ?? '',
    englishName: b.englishName ?? '',
    type: TYPE[b.type],
    status: STATUS[at.status],
    address: { ...b.address },
    mainIndustry: main ? toProtoIndustry(main) : undefined,
    industries: b.industries.map(toProtoIndustry),
    contactEmail: b.contact.email ?? '',
    ownerSubject: b.ownerSubject ?? '',
    preferredLocale: b.preferredLocale,
    version: String(at.version),
  };
}
