// Use cases of certificates: public lookup and verification, the signed QR and the printable document,
// staff revocation, VietGAP / HVNCLC recorded from the issuing body's decision, and what time and the
// business's status do to them (expiry job, suspension, reinstatement, dissolution).
import { requireRole, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import { invalid, notFound } from '@hangviet/service-kit/errors';
import { Certificate, validityOf, type CertificateState, type CertificateStatus, type Scheme } from '../domain/certificate';
import { formatCertificateNumber, isWellFormedCertificateNumber, normaliseCertificateNumber } from '../domain/certificate-number';
import { requireActingBusiness } from '../domain/product';
import { actorOf } from './business-access';
import type { ProductCertificationDeps, VerificationClaims } from './ports';

type Deps = ProductCertificationDeps;

export async function findCertificate(deps: Pick<Deps, 'certificates'>, numberText: string): Promise<Certificate> {
  const number = normaliseCertificateNumber(numberText);
  if (!isWellFormedCertificateNumber(number)) {
    throw invalid([{ field: 'number', code: 'CERTIFICATE_NUMBER_INVALID', message: `${numberText} is not a certificate number (check the digits)` }]);
  }
  const certificate = await deps.certificates.findById(number);
  if (!certificate) throw notFound('CERTIFICATE_NOT_FOUND', `no certificate ${number}`, { number });
  return certificate;
}

export function listCertificates(deps: Deps, query: { businessId?: string; scheme?: Scheme; status?: CertificateStatus } & PageRequest): Promise<Page<Certificate>> {
  const { pageSize, pageToken, ...filter } = query;
  return deps.certificates.list(filter, { pageSize, ...(pageToken ? { pageToken } : {}) });
}

export const claimsOf = (s: Readonly<CertificateState>): VerificationClaims => ({
  number: s.number,
  productId: s.productId ?? '',
  businessId: s.businessId,
  scheme: s.scheme,
  stars: s.stars,
  validFrom: s.validFrom.toISOString(),
  validUntil: s.validUntil.toISOString(),
});

/** The URL a certificate's QR code carries: the public verification page with the signed token. */
export async function verificationUrl(deps: Pick<Deps, 'qr' | 'verifyBaseUrl'>, certificate: Certificate): Promise<string> {
  const token = await deps.qr.sign(claimsOf(certificate.state));
  return `${deps.verifyBaseUrl}?token=${token}`;
}

export type Verification = { genuine: false; reason: string } | { genuine: true; certificate: Certificate };

/** Genuine when the signature holds and the claims are the certificate's; the status is the one now. */
export async function verifyToken(deps: Pick<Deps, 'qr' | 'certificates'>, token: string): Promise<Verification> {
  const checked = await deps.qr.verify(token);
  if ('reason' in checked) return { genuine: false, reason: checked.reason };
  const certificate = await deps.certificates.findById(checked.claims.number);
  if (!certificate) return { genuine: false, reason: 'UNKNOWN_CERTIFICATE' };
  const current = claimsOf(certificate.state);
  // A VietGAP extension changes validUntil: a token of the earlier validity is still genuine.
  const same = current.businessId === checked.claims.businessId && current.productId === checked.claims.productId && current.scheme === checked.claims.scheme && current.stars === checked.claims.stars;
  return same ? { genuine: true, certificate } : { genuine: false, reason: 'CLAIMS_MISMATCH' };
}

export async function revokeCertificate(deps: Deps, principal: Principal | undefined, command: { number: string; reason: string }): Promise<Certificate> {
  requireRole(principal, 'admin', 'staff');
  const certificate = await findCertificate(deps, command.number);
  certificate.revoke(command.reason, actorOf(principal), deps.now());
  await deps.certificates.save(certificate);
  return certificate;
}

export async function extendCertificate(deps: Deps, principal: Principal | undefined, command: { number: string; validUntil: Date }): Promise<Certificate> {
  requireRole(principal, 'admin', 'staff');
  const certificate = await findCertificate(deps, command.number);
  certificate.extend(command.validUntil, actorOf(principal), deps.now());
  await deps.certificates.save(certificate);
  return certificate;
}

/** Staff record a VietGAP certificate or an HVNCLC title from the issuing body's decision. */
export async function recordCertificate(
  deps: Deps,
  principal: Principal | undefined,
  command: { scheme: 'VIETGAP' | 'HVNCLC'; businessId: string; productId?: string; decisionNumber: string; decisionDate: Date; issuer: string; validFrom?: Date; validUntil?: Date; year?: number },
): Promise<Certificate> {
  requireRole(principal, 'admin', 'staff');
  const business = await deps.businesses.require(command.businessId);
  requireActingBusiness(business.id, business.status);
  let productName: string | undefined;
  if (command.scheme === 'VIETGAP') {
    const product = command.productId ? await deps.products.findById(command.productId) : undefined;
    if (!product || product.state.businessId !== business.id) throw invalid([{ field: 'productId', code: 'PRODUCT_NOT_FOUND', message: 'VietGAP certifies a product of this business' }]);
    productName = product.state.name;
  } else if (command.productId) {
    throw invalid([{ field: 'productId', code: 'NOT_APPLICABLE', message: 'HVNCLC is an enterprise-level title, not a product certificate' }]);
  }
  if (command.decisionNumber.trim() === '' || command.issuer.trim() === '') {
    throw invalid([{ field: 'decisionNumber', code: 'REQUIRED', message: 'the issuing body’s decision number and name are required' }]);
  }
  const validity = validityOf({ scheme: command.scheme, decisionDate: command.decisionDate, ...pick(command) });
  const year = validity.validFrom.getUTCFullYear();
  const certificate = Certificate.issue({
    number: formatCertificateNumber(command.scheme, year, await deps.certificates.nextSequence(command.scheme, year)),
    scheme: command.scheme,
    businessId: business.id,
    businessName: business.name,
    ...(command.productId ? { productId: command.productId } : {}),
    ...(productName ? { productName } : {}),
    stars: 0,
    ...validity,
    decisionNumber: command.decisionNumber.trim(),
    decisionDate: command.decisionDate,
    issuer: command.issuer.trim(),
    actor: actorOf(principal),
    now: deps.now(),
  });
  await deps.certificates.add(certificate);
  return certificate;
}

const pick = (c: { validFrom?: Date; validUntil?: Date; year?: number }) => ({
  ...(c.validFrom ? { validFrom: c.validFrom } : {}),
  ...(c.validUntil ? { validUntil: c.validUntil } : {}),
  ...(c.year ? { year: c.year } : {}),
});

/**
 * The expiry job: the one `expiring` notice and the expiry of every certificate due. Each change is a
 * version-guarded single-document write whose state records the notice: a second instance racing on the
 * same certificate loses the write (409) and emits nothing.
 */
export async function advanceCertificates(deps: Deps): Promise<{ changed: number; lost: number }> {
  const now = deps.now();
  const due = await deps.certificates.endingBefore(new Date(now.getTime() + 30 * 86_400_000), 500);
  let changed = 0;
  let lost = 0;
  for (const certificate of due) {
    if (!certificate.advance(now)) continue;
    try {
      await deps.certificates.save(certificate);
      changed++;
    } catch (err) {
      if ((err as { code?: string }).code !== 'CONCURRENT_UPDATE') throw err;
      lost++;
    }
  }
  return { changed, lost };
}

/** The business's status changed: suspend, restore or revoke its certificates. Idempotent per certificate. */
export async function followBusinessStatus(deps: Deps, command: { businessId: string; status: string; reason: string }): Promise<number> {
  const actor = { subject: 'business-registry' };
  const now = deps.now();
  const targets: Record<string, { from: CertificateStatus[]; act: (c: Certificate) => boolean }> = {
    SUSPENDED: { from: ['VALID', 'EXPIRING'], act: (c) => c.suspend(command.reason || 'business suspended', actor, now) },
    ACTIVE: { from: ['SUSPENDED'], act: (c) => c.restore(actor, now) },
    DISSOLVED: {
      from: ['VALID', 'EXPIRING', 'SUSPENDED', 'EXPIRED'],
      act: (c) => {
        c.revoke(command.reason ? `business dissolved: ${command.reason}` : 'business dissolved', actor, now);
        return true;
      },
    },
  };
  const target = targets[command.status];
  if (!target) return 0;
  let changed = 0;
  for (const certificate of await deps.certificates.ofBusiness(command.businessId, target.from)) {
    if (!target.act(certificate)) continue;
    // A concurrent change wins; the event is retried by the consumer and finds the certificate done.
    await deps.certificates.save(certificate);
    changed++;
  }
  return changed;
}

