// The certificate a decided application names, written once: right after the decision, and by the job for a
// decision whose second write a crash interrupted.
import type { Application } from '../domain/application';
import { Certificate, validityOf } from '../domain/certificate';
import type { ProductCertificationDeps } from './ports';

export const PROVINCIAL_ISSUER = 'Ủy ban nhân dân tỉnh';
export const CENTRAL_ISSUER = 'Bộ Nông nghiệp và Môi trường';

/** Writes the certificate a decided application names, once; safe to repeat. */
export async function issueCertificateFor(deps: ProductCertificationDeps, application: Application, actor: { subject: string }): Promise<Certificate | undefined> {
  const s = application.state;
  const number = s.decision?.certificateNumber;
  if (s.status !== 'DECIDED' || !number || !s.decision || !s.score) return undefined;
  const business = await deps.businesses.find(s.businessId);
  const certificate = Certificate.issue({
    number,
    scheme: 'OCOP',
    businessId: s.businessId,
    businessName: business?.name ?? s.businessId,
    productId: s.productId,
    productName: s.productName,
    stars: s.score.stars,
    ...validityOf({ scheme: 'OCOP', decisionDate: s.decision.date }),
    decisionNumber: s.decision.number,
    decisionDate: s.decision.date,
    issuer: s.score.stars === 5 ? CENTRAL_ISSUER : PROVINCIAL_ISSUER,
    applicationId: s.id,
    ...(s.previousCertificateNumber ? { previousNumber: s.previousCertificateNumber } : {}),
    actor,
    now: deps.now(),
  });
  const outcome = await deps.certificates.addOnce(certificate);
  await deps.applications.markCertificateIssued(s.id);
  return outcome === 'added' ? certificate : await deps.certificates.findById(number);
}

/** The job's half: certificates of decisions whose second write a crash interrupted. */
export async function issueMissingCertificates(deps: ProductCertificationDeps): Promise<number> {
  const pending = await deps.applications.decidedWithoutCertificate(new Date(deps.now().getTime() - 60_000), 100);
  for (const application of pending) await issueCertificateFor(deps, application, { subject: 'system' });
  return pending.length;
}
