// Events of the certification context (services/product-certification), one topic per aggregate:
// hangviet.certification.{product,application,certificate,report}. Each carries a snapshot of its
// aggregate (never a reporter's contact or other personal data) so subscribers need not call back.
import {
  ProductRegistered as ProductRegisteredMessage,
  ProductUpdated as ProductUpdatedMessage,
  ProductListed as ProductListedMessage,
  ProductWithdrawn as ProductWithdrawnMessage,
  ApplicationSubmitted as ApplicationSubmittedMessage,
  ApplicationCommuneReviewed as ApplicationCommuneReviewedMessage,
  ApplicationScored as ApplicationScoredMessage,
  ApplicationNationalPending as ApplicationNationalPendingMessage,
  ApplicationDecided as ApplicationDecidedMessage,
  ApplicationRejected as ApplicationRejectedMessage,
  ApplicationWithdrawn as ApplicationWithdrawnMessage,
  CertificateIssued as CertificateIssuedMessage,
  CertificateExpiring as CertificateExpiringMessage,
  CertificateExpired as CertificateExpiredMessage,
  CertificateSuspended as CertificateSuspendedMessage,
  CertificateRestored as CertificateRestoredMessage,
  CertificateRevoked as CertificateRevokedMessage,
  CertificateExtended as CertificateExtendedMessage,
  ReportReceived as ReportReceivedMessage,
  ReportForwarded as ReportForwardedMessage,
  ReportClosed as ReportClosedMessage,
} from '@hangviet/contracts/hangviet/certification/v1/events';
import { defineCatalogEvent, type CatalogEvent, type PartnerPolicy } from '../partner-policy';

type Json = Record<string, unknown>;
const statusOf = (data: Json, key: string) => String((data[key] as Json | undefined)?.status ?? '');
const PERSONAL = { 'personal-data': ['actorSubject'] };

// What partners receive (libs/events/src/partner-policy.ts; services/notification/README.md has the table).
/** A product in DRAFT was never public: only partners holding `unpublished` hear of it. */
const draftProduct: PartnerPolicy = { scoped: PERSONAL, public: () => false };
/** Public once listed; a product withdrawn while still a draft never was. */
const aboutProduct: PartnerPolicy = { scoped: PERSONAL, public: (d) => statusOf(d, 'product') !== 'PRODUCT_STATUS_DRAFT' };
/**
 * The evaluation itself is the council's business until it decides: partners such as the national OCOP system hold
 * `unpublished`; the notes of reviewers and the reasons of a rejection are internal.
 */
const aboutApplication: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['reason', 'note'] }, public: () => false };
/** Certificates are public (anyone verifies them); why one was suspended or revoked stays internal. */
const aboutCertificate: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['reason'] }, public: () => true };
/** A report just received is an unverified allegation about a business: only to partners holding `unpublished`. */
const unverifiedReport: PartnerPolicy = { scoped: PERSONAL, public: () => false };
/** Once staff forward or close it, market surveillance and the like receive it; staff's notes stay internal. */
const handledReport: PartnerPolicy = { scoped: { ...PERSONAL, 'internal-reasons': ['note', 'resolution'] }, public: () => true };

export const ProductRegistered = defineCatalogEvent(
  'hangviet.certification.product.registered.v1',
  ProductRegisteredMessage,
  'An enterprise registered a product of its business (status DRAFT).',
  draftProduct,
);

export const ProductUpdated = defineCatalogEvent(
  'hangviet.certification.product.updated.v1',
  ProductUpdatedMessage,
  "A product's details changed; lists the changed fields.",
  aboutProduct,
);

export const ProductListed = defineCatalogEvent(
  'hangviet.certification.product.listed.v1',
  ProductListedMessage,
  'A product was listed: the public sees it while its business is ACTIVE.',
  aboutProduct,
);

export const ProductWithdrawn = defineCatalogEvent(
  'hangviet.certification.product.withdrawn.v1',
  ProductWithdrawnMessage,
  'A product was withdrawn (terminal).',
  aboutProduct,
);

export const ApplicationSubmitted = defineCatalogEvent(
  'hangviet.certification.application.submitted.v1',
  ApplicationSubmittedMessage,
  'An enterprise applied for OCOP certification of a product in an evaluation round (SUBMITTED).',
  aboutApplication,
);

export const ApplicationCommuneReviewed = defineCatalogEvent(
  'hangviet.certification.application.commune_reviewed.v1',
  ApplicationCommuneReviewedMessage,
  'The commune/ward reviewed the dossier and proposed it to the province (COMMUNE_REVIEWED).',
  aboutApplication,
);

export const ApplicationScored = defineCatalogEvent(
  'hangviet.certification.application.scored.v1',
  ApplicationScoredMessage,
  'The provincial council scored the application (PROVINCIAL_SCORED); carries total and stars.',
  aboutApplication,
);

export const ApplicationNationalPending = defineCatalogEvent(
  'hangviet.certification.application.national_pending.v1',
  ApplicationNationalPendingMessage,
  'A total of 90 or more: the application is proposed for central (5-star) evaluation.',
  aboutApplication,
);

export const ApplicationDecided = defineCatalogEvent(
  'hangviet.certification.application.decided.v1',
  ApplicationDecidedMessage,
  'The decision was recorded (number and date); names the certificate issued, if any.',
  aboutApplication,
);

export const ApplicationRejected = defineCatalogEvent(
  'hangviet.certification.application.rejected.v1',
  ApplicationRejectedMessage,
  'The application was rejected, with a reason and the status it had.',
  aboutApplication,
);

export const ApplicationWithdrawn = defineCatalogEvent(
  'hangviet.certification.application.withdrawn.v1',
  ApplicationWithdrawnMessage,
  'The enterprise withdrew its application.',
  aboutApplication,
);

export const CertificateIssued = defineCatalogEvent(
  'hangviet.certification.certificate.issued.v1',
  CertificateIssuedMessage,
  'A certificate was issued (OCOP by decision, or VietGAP / HVNCLC recorded by staff).',
  aboutCertificate,
);

export const CertificateExpiring = defineCatalogEvent(
  'hangviet.certification.certificate.expiring.v1',
  CertificateExpiringMessage,
  'A certificate ends within 30 days; sent once per certificate.',
  aboutCertificate,
);

export const CertificateExpired = defineCatalogEvent(
  'hangviet.certification.certificate.expired.v1',
  CertificateExpiredMessage,
  'A certificate reached the end of its validity.',
  aboutCertificate,
);

export const CertificateSuspended = defineCatalogEvent(
  'hangviet.certification.certificate.suspended.v1',
  CertificateSuspendedMessage,
  'A certificate was suspended because its business was suspended.',
  aboutCertificate,
);

export const CertificateRestored = defineCatalogEvent(
  'hangviet.certification.certificate.restored.v1',
  CertificateRestoredMessage,
  'A suspended certificate was restored: its business was reinstated within validity.',
  aboutCertificate,
);

export const CertificateRevoked = defineCatalogEvent(
  'hangviet.certification.certificate.revoked.v1',
  CertificateRevokedMessage,
  'A certificate was revoked, by staff or because its business was dissolved, with a reason.',
  aboutCertificate,
);

export const CertificateExtended = defineCatalogEvent(
  'hangviet.certification.certificate.extended.v1',
  CertificateExtendedMessage,
  'A VietGAP certificate was extended (once, by at most 3 months); carries the new and the previous end.',
  aboutCertificate,
);

export const ReportReceived = defineCatalogEvent(
  'hangviet.certification.report.received.v1',
  ReportReceivedMessage,
  'The public reported a suspected counterfeit or misuse of a certificate or product (NEW).',
  unverifiedReport,
);

export const ReportForwarded = defineCatalogEvent(
  'hangviet.certification.report.forwarded.v1',
  ReportForwardedMessage,
  'Staff forwarded a report to a partner such as market surveillance (FORWARDED).',
  handledReport,
);

export const ReportClosed = defineCatalogEvent(
  'hangviet.certification.report.closed.v1',
  ReportClosedMessage,
  'Staff closed a report, with a resolution (CLOSED).',
  handledReport,
);

export const certificationEvents: CatalogEvent[] = [
  ProductRegistered,
  ProductUpdated,
  ProductListed,
  ProductWithdrawn,
  ApplicationSubmitted,
  ApplicationCommuneReviewed,
  ApplicationScored,
  ApplicationNationalPending,
  ApplicationDecided,
  ApplicationRejected,
  ApplicationWithdrawn,
  CertificateIssued,
  CertificateExpiring,
  CertificateExpired,
  CertificateSuspended,
  CertificateRestored,
  CertificateRevoked,
  CertificateExtended,
  ReportReceived,
  ReportForwarded,
  ReportClosed,
];
