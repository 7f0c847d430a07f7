// What the use cases need from the outside world. One implementation each in infrastructure/;
// the interfaces exist so use cases read without mongoose and are testable in isolation.
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Business, BusinessState, BusinessStatus, BusinessType } from '../domain/business';
import type { EvidenceDocument } from '../domain/evidence';
import type { CertificateBadges } from './certificate-badges';

export interface SearchCriteria {
  /** Folded query tokens (every one must match, prefix-aware). */
  tokens: string[];
  provinceCode?: string;
  wardCode?: string;
  /** A VSIC code prefix, matched against any of the business's industries. */
  industryCode?: string;
  type?: BusinessType;
  /** Undefined: every status. */
  statuses?: BusinessStatus[];
  /** Only these businesses (from the certificate badges filter). */
  ids?: string[];
}

export interface BusinessRepository {
  newId(): string;
  /** Inserts a new business with its events; a taken tax code throws conflict DUPLICATE_TAX_CODE (meta.existingId). */
  add(business: Business): Promise<void>;
  /** Writes the changes and events only if the stored version is still `business.loadedVersion`; else throws CONCURRENT_UPDATE. */
  save(business: Business): Promise<void>;
  findById(id: string): Promise<Business | undefined>;
  findByIds(ids: string[]): Promise<Business[]>;
  findByTaxCode(taxCode: string): Promise<Business | undefined>;
  findByOwner(subject: string): Promise<Business | undefined>;
  /** Every business the subject owns (at most 100): an account can own several after a staff transfer. */
  findAllByOwner(subject: string): Promise<Business[]>;
  /** Which of these tax codes are taken, and by which business id: one query for a whole import. */
  findIdsByTaxCodes(taxCodes: string[]): Promise<Map<string, string>>;
  /**
   * One page of the directory in its sort order (folded legal name, id), keyset-paged; the page token is
   * bound to the criteria (PAGE_TOKEN_MISMATCH for a token of other criteria, PAGE_TOKEN_INVALID for a
   * token it never issued).
   */
  search(criteria: SearchCriteria, page: PageRequest): Promise<Page<BusinessState>>;
}

/** Registration certificates, one per business; a new upload replaces the old. */
export interface EvidenceStore {
  put(doc: EvidenceDocument): Promise<void>;
  get(businessId: string): Promise<EvidenceDocument | undefined>;
  has(businessId: string): Promise<boolean>;
}

export interface RegistryDeps {
  businesses: BusinessRepository;
  /** Registration certificates attached to self-registrations (staff check them before approving). */
  evidence: EvidenceStore;
  /** Absent where no certificate events are consumed (the seed CLI). */
  badges?: CertificateBadges;
  now: () => Date;
}

export interface VisibilityOptions {
  /** Every status is visible (internal callers); otherwise the caller's role decides. */
  allStatuses?: boolean;
}
