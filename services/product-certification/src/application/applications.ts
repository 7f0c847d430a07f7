// Use cases of the OCOP flow: an enterprise applies for its product; staff acting for the commune and
// the provincial council review, score and decide; a decision of 3★–5★ issues exactly one certificate.
import { isStaff, requireRole, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import { conflict, invalid, notFound } from '@hangviet/service-kit/errors';
import { Application, type ApplicationStatus, type CommuneReview, type Round } from '../domain/application';
import { Certificate, validityOf } from '../domain/certificate';
import { formatCertificateNumber } from '../domain/certificate-number';
import { requireActingBusiness } from '../domain/product';
import { scoreSheet, type CriterionScore } from '../domain/score-sheet';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

type Deps = ProductCertificationDeps;
const STAFF = ['admin', 'staff'] as const;
export const PROVINCIAL_ISSUER = 'Ủy ban nhân dân tỉnh';
export const CENTRAL_ISSUER = 'Bộ Nông nghiệp và Môi trường';

export async function submitApplication(
  deps: Deps,
  principal: Principal | undefined,
  command: { productId: string; round: Round; dossier?: string; previousCertificateNumber?: string },
): Promise<Application> {
  requireRole(principal, 'admin', 'staff', 'enterprise');
  const product = await deps.products.findById(command.productId);
  if (!product) throw invalid([{ field: 'productId', code: 'PRODUCT_NOT_FOUND', message: `no product ${command.productId}` }]);
  await deps.businesses.assertOwns(principal, product.state.businessId);
  if (product.state.status === 'WITHDRAWN') throw conflict('PRODUCT_WITHDRAWN', `product ${product.id} is withdrawn`);
  requireActingBusiness(product.state.businessId, (await deps.businesses.current(product.state.businessId))?.status);
  if (command.previousCertificateNumber) {
    const previous = await deps.certificates.findById(command.previousCertificateNumber);
    if (!previous || previous.state.productId !== product.id) {
      throw invalid([{ field: 'previousCertificateNumber', code: 'NOT_THIS_PRODUCT', message: 'the previous certificate is not one of this product' }]);
    }
  }
  const application = Application.submit({
    id: deps.applications.newId(),
    productId: product.id,
    businessId: product.state.businessId,
    productName: product.state.name,
    round: command.round,
    ...(command.dossier ? { dossier: command.dossier } : {}),
    ...(command.previousCertificateNumber ? { previousCertificateNumber: command.previousCertificateNumber } : {}),
    actor: actorOf(principal),
    now: deps.now(),
  });
  await deps.applications.add(application);
  return application;
}

export async function getApplication(deps: Deps, principal: Principal | undefined, id: string): Promise<Application> {
  const application = await deps.applications.findById(id);
  if (!application || !(await deps.businesses.mayActFor(principal, application.state.businessId))) throw notFound('APPLICATION_NOT_FOUND', `no application ${id}`, { id });
  return application;
}

export async function listApplications(
  deps: Deps,
  principal: Principal | undefined,
  query: { businessId?: string; status?: ApplicationStatus } & PageRequest,
): Promise<Page<Application>> {
  requireRole(principal, 'admin', 'staff', 'enterprise');
  // An enterprise sees its own business's applications, whatever businessId it asks for.
  const businessId = isStaff(principal) ? query.businessId : principal!.businessId;
  if (!businessId && !isStaff(principal)) return { items: [], nextPageToken: '' };
  if (businessId && !(await deps.businesses.mayActFor(principal, businessId))) return { items: [], nextPageToken: '' };
  return deps.applications.list({ ...(businessId ? { businessId } : {}), ...(query.status ? { status: query.status } : {}) }, query);
}

async function staffAction(deps: Deps, principal: Principal | undefined, id: string): Promise<Application> {
  requireRole(principal, ...STAFF);
  const application = await deps.applications.findById(id);
  if (!application) throw notFound('APPLICATION_NOT_FOUND', `no application ${id}`, { id });
  return application;
}

export async function reviewCommune(deps: Deps, principal: Principal | undefined, command: { id: string } & Omit<CommuneReview, 'time'>): Promise<Application> {
  const application = await staffAction(deps, principal, command.id);
  const { id: _id, ...review } = command;
  application.reviewCommune(review, actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}

export async function scoreApplication(deps: Deps, principal: Principal | undefined, command: { id: string; scores: CriterionScore[] }): Promise<Application> {
  const application = await staffAction(deps, principal, command.id);
  // The status is checked before the sheet: scoring an unreviewed application is a 409 whatever its scores.
  application.assertCan('score');
  application.score(scoreSheet(command.scores), actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}

export async function rejectApplication(deps: Deps, principal: Principal | undefined, command: { id: string; reason: string }): Promise<Application> {
  const application = await staffAction(deps, principal, command.id);
  application.reject(command.reason, actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}

export async function withdrawApplication(deps: Deps, principal: Principal | undefined, id: string): Promise<Application> {
  requireRole(principal, 'admin', 'staff', 'enterprise');
  const application = await deps.applications.findById(id);
  if (!application) throw notFound('APPLICATION_NOT_FOUND', `no application ${id}`, { id });
  await deps.businesses.assertOwns(principal, application.state.businessId);
  application.withdraw(actorOf(principal), deps.now());
  await deps.applications.save(application);
  return application;
}

/**
 * Records the decision. The certificate number is allocated first and written with the DECIDED status in
 * one version-guarded update, so of two racing decisions one wins and names the only certificate; the
 * certificate itself is then inserted under that number (idempotent), and a job completes it after a crash.
 */
export async function decideApplication(
  deps: Deps,
  principal: Principal | undefined,
  command: { id: string; decisionNumber: string; decisionDate: Date },
): Promise<{ application: Application; certificate?: Certificate }> {
  const application = await staffAction(deps, principal, command.id);
  application.assertCan('decide');
  const year = command.decisionDate.getUTCFullYear();
  const certificateNumber =
    application.certifiableStars() >= 3 && !Number.isNaN(year) ? formatCertificateNumber('OCOP', year, await deps.certificates.nextSequence('OCOP', year)) : undefined;
  application.decide({ number: command.decisionNumber, date: command.decisionDate, ...(certificateNumber ? { certificateNumber } : {}) }, actorOf(principal), deps.now());
  await deps.applications.save(application);
  const certificate = certificateNumber ? await issueCertificateFor(deps, application, actorOf(principal)) : undefined;
  return { application, ...(certificate ? { certificate } : {}) };
}

/** Writes the certificate a decided application names, once; safe to repeat. */
export async function issueCertificateFor(deps: Deps, application: Application, actor: { subject: string }): Promise<Certificate | undefined> {
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
export async function issueMissingCertificates(deps: Deps): Promise<number> {
  const pending = await deps.applications.decidedWithoutCertificate(new Date(deps.now().getTime() - 60_000), 100);
  for (const application of pending) await issueCertificateFor(deps, application, { subject: 'system' });
  return pending.length;
}
