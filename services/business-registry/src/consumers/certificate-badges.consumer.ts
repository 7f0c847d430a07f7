// The certification service's certificate.* events → the badges on the directory profile. Idempotent:
// keyed by certificate number, guarded by the certificate's version.
import { CertificateStatus, CertificationScheme } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { defineConsumer } from '@hangviet/events';
import {
  CertificateExpired,
  CertificateExpiring,
  CertificateExtended,
  CertificateIssued,
  CertificateRestored,
  CertificateRevoked,
  CertificateSuspended,
} from '@hangviet/events/catalog';
import type { BadgeScheme, CertificateBadges } from '../application/certificate-badges';
import { SERVICE_NAME } from '../config';

const nameOf = (e: Record<number, string>, prefix: string, value: number): string => (e[value] ?? '').replace(prefix, '');
const toIso = (t: { seconds: string; nanos: number } | undefined): string => new Date(Number(t?.seconds ?? 0) * 1000).toISOString();

export function certificateBadgesConsumer(badges: CertificateBadges, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'certificate-badges',
    group: `${groupPrefix}${SERVICE_NAME}.certificate-badges`,
    events: [CertificateIssued, CertificateExpiring, CertificateExpired, CertificateSuspended, CertificateRestored, CertificateRevoked, CertificateExtended],
    handle: async (event) => {
      const c = event.data.certificate;
      if (!c) throw new Error(`${event.type} ${event.id} carries no certificate`); // retried, then dead-lettered
      await badges.record({
        number: c.number,
        businessId: c.businessId,
        scheme: nameOf(CertificationScheme, 'CERTIFICATION_SCHEME_', c.scheme) as BadgeScheme,
        stars: c.stars,
        status: nameOf(CertificateStatus, 'CERTIFICATE_STATUS_', c.status),
        validUntil: toIso(c.validUntil),
        ...(c.productId ? { productId: c.productId, productName: c.productName } : {}),
        version: Number(c.version),
      });
    },
  });
}
