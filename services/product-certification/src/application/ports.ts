// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { BusinessRegistry, KnownBusinesses } from '@hangviet/known-businesses';
import type { Page, PageRequest } from '@hangviet/service-kit';
import type { Application, ApplicationStatus } from '../domain/application';
import type { Certificate, CertificateStatus, Scheme } from '../domain/certificate';
import type { Product, ProductStatus } from '../domain/product';
import type { Report, ReportStatus } from '../domain/report';

/** Inserts and version-guarded saves of one aggregate type, each write carrying its events (outbox). */
export interface AggregateStore<A> {
  newId(): string;
  /** Throws 409 on a duplicate id. */
  add(aggregate: A): Promise<void>;
  /** Throws 409 CONCURRENT_UPDATE when the stored version is not the one loaded. */
  save(aggregate: A): Promise<void>;
  findById(id: string): Promise<A | undefined>;
}

export interface ProductRepository extends AggregateStore<Product> {
  list(filter: { businessId?: string; status?: ProductStatus; publicOnly: boolean }, page: PageRequest): Promise<Page<Product>>;
}

export interface ApplicationRepository extends AggregateStore<Application> {
  list(filter: { businessId?: string; status?: ApplicationStatus }, page: PageRequest): Promise<Page<Application>>;
  /** Decided applications whose certificate may not have been written yet (a crash between the two writes). */
  decidedWithoutCertificate(before: Date, limit: number): Promise<Application[]>;
  markCertificateIssued(id: string): Promise<void>;
}

export interface CertificateRepository extends AggregateStore<Certificate> {
  /** Inserts unless a certificate with that number exists; says which. */
  addOnce(certificate: Certificate): Promise<'added' | 'exists'>;
  list(filter: { businessId?: string; scheme?: Scheme; status?: CertificateStatus }, page: PageRequest): Promise<Page<Certificate>>;
  /** Certificates of a business in the given statuses (for suspension, reinstatement, dissolution). */
  ofBusiness(businessId: string, statuses: readonly CertificateStatus[]): Promise<Certificate[]>;
  /** VALID or EXPIRING certificates ending before `until`. */
  endingBefore(until: Date, limit: number): Promise<Certificate[]>;
  /** The next number of a scheme's year (a counter document; gaps are harmless). */
  nextSequence(scheme: Scheme, year: number): Promise<number>;
}

export interface ReportRepository extends AggregateStore<Report> {
  list(filter: { status?: ReportStatus }, page: PageRequest): Promise<Page<Report>>;
}

/** A business as the directory last told us, and who owns it: @hangviet/known-businesses, the one projection. */
export type { KnownBusiness } from '@hangviet/known-businesses';

export interface StoredDocument {
  id: string;
  contentType: string;
  size: number;
}

/** Where evidence documents and report photos live (database-backed here; object storage elsewhere). */
export interface DocumentStorage {
  put(input: { id: string; owner: string; fileName: string; contentType: string; bytes: Buffer }): Promise<StoredDocument>;
  get(id: string): Promise<{ owner: string; fileName: string; contentType: string; bytes: Buffer } | undefined>;
}

/** Detects a file's type from its first bytes (magic numbers), never from its name or the client's word. */
export type ContentSniffer = (bytes: Buffer) => Promise<string | undefined>;

export interface VerificationClaims {
  number: string;
  productId: string;
  businessId: string;
  scheme: Scheme;
  stars: number;
  validFrom: string;
  validUntil: string;
}

/** Signs and checks the QR tokens (compact JWS, ES256). */
export interface QrSigner {
  sign(claims: VerificationClaims): Promise<string>;
  /** The claims of a genuine token; undefined with a reason for a forged, altered or malformed one. */
  verify(token: string): Promise<{ claims: VerificationClaims } | { reason: string }>;
  jwks(): Promise<{ keys: object[] }>;
}

/** A counter per client and window, shared by every instance (in the database, not in memory). */
export interface RateLimiter {
  /** Counts one hit; false when the client is over its limit for the current window. */
  hit(clientKey: string, now: Date): Promise<boolean>;
}

export interface ProductCertificationDeps {
  products: ProductRepository;
  applications: ApplicationRepository;
  certificates: CertificateRepository;
  reports: ReportRepository;
  businesses: KnownBusinesses;
  /** The registry itself (demo seeding looks a business up by tax code). */
  registry: BusinessRegistry;
  documents: DocumentStorage;
  sniff: ContentSniffer;
  qr: QrSigner;
  reportLimiter: RateLimiter;
  /** The public verification page the QR codes point to, e.g. https://hangviet.example/verify. */
  verifyBaseUrl: string;
  now: () => Date;
}
