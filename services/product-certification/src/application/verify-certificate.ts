// The signed QR: the claims a certificate's token carries, the URL it encodes, and its verification (genuine
// when the signature holds and the claims are the certificate's; the status is the one now).
import type { Certificate, CertificateState } from '../domain/certificate';
import type { ProductCertificationDeps, VerificationClaims } from './ports';

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
export async function verificationUrl(deps: Pick<ProductCertificationDeps, 'qr' | 'verifyBaseUrl'>, certificate: Certificate): Promise<string> {
  const token = await deps.qr.sign(claimsOf(certificate.state));
  return `${deps.verifyBaseUrl}?token=${token}`;
}

export type Verification = { genuine: false; reason: string } | { genuine: true; certificate: Certificate };

export async function verifyCertificate(deps: Pick<ProductCertificationDeps, 'qr' | 'certificates'>, command: { token: string }): Promise<Verification> {
  const checked = await deps.qr.verify(command.token);
  if ('reason' in checked) return { genuine: false, reason: checked.reason };
  const certificate = await deps.certificates.findById(checked.claims.number);
  if (!certificate) return { genuine: false, reason: 'UNKNOWN_CERTIFICATE' };
  const current = claimsOf(certificate.state);
  // A VietGAP extension changes validUntil: a token of the earlier validity is still genuine.
  const same = current.businessId === checked.claims.businessId && current.productId === checked.claims.productId && current.scheme === checked.claims.scheme && current.stars === checked.claims.stars;
  return same ? { genuine: true, certificate } : { genuine: false, reason: 'CLAIMS_MISMATCH' };
}
