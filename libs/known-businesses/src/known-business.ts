// A business as a service other than the registry knows it: its name, status, province and owner, as the
// directory last said (a business.* event, or a GetBusiness answer), guarded by the directory's version.
import { BusinessStatus, type Business } from '@hangviet/contracts/hangviet/registry/v1/business';
import type { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';

export interface KnownBusiness {
  id: string;
  name: string;
  /** The directory's status without its prefix: PENDING_REVIEW, ACTIVE, REJECTED, SUSPENDED, DISSOLVED. */
  status: string;
  /** '' when the business has none (as the proto says it). */
  provinceCode: string;
  /** The main industry's VSIC code, when the directory names one (trade-fair keeps competitors apart by it). */
  mainIndustryCode?: string;
  /**
   * The subject of the account that owns the business in the registry ('' when none). Undefined only in
   * records written before owners were carried: such a record cannot decide ownership, the registry does.
   */
  ownerSubject?: string;
  /** The directory's version of the business: a record never goes back to an older one. */
  version: number;
  updateTime: Date;
}

/** The one source of truth for a business's store: what the projection keeps and forgets. */
export interface KnownBusinessStore {
  find(businessId: string): Promise<KnownBusiness | undefined>;
  /** Those of `businessIds` the copy knows, in one read. */
  findMany(businessIds: readonly string[]): Promise<Map<string, KnownBusiness>>;
  /** Records the business unless what is stored is as new or newer; says which. */
  record(business: KnownBusiness): Promise<'recorded' | 'stale'>;
  /** Deletes businesses dissolved before `before`; returns how many. */
  forgetDissolved(before: Date): Promise<number>;
}

/** The registry itself (BusinessDirectoryService over gRPC, with a deadline). */
export interface BusinessRegistry {
  /** Undefined when the registry has no such business; throws 503 REGISTRY_UNAVAILABLE when it does not answer in time. */
  getBusiness(businessId: string): Promise<KnownBusiness | undefined>;
  findByTaxCode(taxCode: string): Promise<KnownBusiness | undefined>;
}

export const statusName = (status: BusinessStatus): string => BusinessStatus[status]?.replace(/^BUSINESS_STATUS_/, '') ?? 'UNSPECIFIED';

/** From the snapshot a business.* event carries; `time` is the event's time. */
export function fromSnapshot(b: BusinessSnapshot, time: Date): KnownBusiness {
  return {
    id: b.id,
    name: b.tradeName || b.legalName || b.id,
    status: statusName(b.status),
    provinceCode: b.address?.provinceCode ?? '',
    ...(b.mainIndustry?.code ? { mainIndustryCode: b.mainIndustry.code } : {}),
    ownerSubject: b.ownerSubject,
    version: Number(b.version),
    updateTime: time,
  };
}

/** From the registry's answer to GetBusiness (a service caller sees the owner's subject). */
export function fromBusiness(b: Business, now: Date): KnownBusiness {
  return {
    id: b.id,
    name: b.tradeName || b.legalName || b.id,
    status: statusName(b.status),
    provinceCode: b.address?.provinceCode ?? '',
    ...((b.industries.find((i) => i.main) ?? b.industries[0])?.code ? { mainIndustryCode: (b.industries.find((i) => i.main) ?? b.industries[0])!.code } : {}),
    ownerSubject: b.ownerSubject,
    version: Number(b.version),
    updateTime: now,
  };
}
