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
import { defineEvent, type EventType } from '../registry';

export const ProductRegistered = defineEvent(
  'hangviet.certification.product.registered.v1',
  ProductRegisteredMessage,
  'An enterprise registered a product of its business (status DRAFT).',
);

export const ProductUpdated = defineEvent(
  'hangviet.certification.product.updated.v1',
  ProductUpdatedMessage,
  "A product's details changed; lists the changed fields.",
);

export const ProductListed = defineEvent(
  'hangviet.certification.product.listed.v1',
  ProductListedMessage,
  'A product was listed: the public sees it while its business is ACTIVE.',
);

export const ProductWithdrawn = defineEvent(
  'hangviet.certification.product.withdrawn.v1',
  ProductWithdrawnMessage,
  'A product was withdrawn (terminal).',
);

export const ApplicationSubmitted = defineEvent(
  'hangviet.certification.application.submitted.v1',
  ApplicationSubmittedMessage,
  'An enterprise applied for OCOP certification of a product in an evaluation round (SUBMITTED).',
);

export const ApplicationCommuneReviewed = defineEvent(
  'hangviet.certification.application.commune_reviewed.v1',
  ApplicationCommuneReviewedMessage,
  'The commune/ward reviewed the dossier and proposed it to the province (COMMUNE_REVIEWED).',
);

export const ApplicationScored = defineEvent(
  'hangviet.certification.application.scored.v1',
  ApplicationScoredMessage,
  'The provincial council scored the application (PROVINCIAL_SCORED); carries total and stars.',
);

export const ApplicationNationalPending = defineEvent(
  'hangviet.certification.application.national_pending.v1',
  ApplicationNationalPendingMessage,
  'A total of 90 or more: the application is proposed for central (5-star) evaluation.',
);

export const ApplicationDecided = defineEvent(
  'hangviet.certification.application.decided.v1',
  ApplicationDecidedMessage,
  'The decision was recorded (number and date); names the certificate issued, if any.',
);

export const ApplicationRejected = defineEvent(
  'hangviet.certification.application.rejected.v1',
  ApplicationRejectedMessage,
  'The application was rejected, with a reason and the status it had.',
);

export const ApplicationWithdrawn = defineEvent(
  'hangviet.certification.application.withdrawn.v1',
  ApplicationWithdrawnMessage,
  'The enterprise withdrew its application.',
);

export const CertificateIssued = defineEvent(
  'hangviet.certification.certificate.issued.v1',
  CertificateIssuedMessage,
  'A certificate was issued (OCOP by decision, or VietGAP / HVNCLC recorded by staff).',
);

export const CertificateExpiring = defineEvent(
  'hangviet.certification.certificate.expiring.v1',
  CertificateExpiringMessage,
  'A certificate ends within 30 days; sent once per certificate.',
);

export const CertificateExpired = defineEvent(
  'hangviet.certification.certificate.expired.v1',
  CertificateExpiredMessage,
  'A certificate reached the end of its validity.',
);

export const CertificateSuspended = defineEvent(
  'hangviet.certification.certificate.suspended.v1',
  CertificateSuspendedMessage,
  'A certificate was suspended because its business was suspended.',
);

export const CertificateRestored = defineEvent(
  'hangviet.certification.certificate.restored.v1',
  CertificateRestoredMessage,
  'A suspended certificate was restored: its business was reinstated within validity.',
);

export const CertificateRevoked = defineEvent(
  'hangviet.certification.certificate.revoked.v1',
  CertificateRevokedMessage,
  'A certificate was revoked, by staff or because its business was dissolved, with a reason.',
);

export const CertificateExtended = defineEvent(
  'hangviet.certification.certificate.extended.v1',
  CertificateExtendedMessage,
  'A VietGAP certificate was extended (once, by at most 3 months); carries the new and the previous end.',
);

export const ReportReceived = defineEvent(
  'hangviet.certification.report.received.v1',
  ReportReceivedMessage,
  'The public reported a suspected counterfeit or misuse of a certificate or product (NEW).',
);

export const ReportForwarded = defineEvent(
  'hangviet.certification.report.forwarded.v1',
  ReportForwardedMessage,
  'Staff forwarded a report to a partner such as market surveillance (FORWARDED).',
);

export const ReportClosed = defineEvent(
  'hangviet.certification.report.closed.v1',
  ReportClosedMessage,
  'Staff closed a report, with a resolution (CLOSED).',
);

export const certificationEvents: EventType[] = [
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
