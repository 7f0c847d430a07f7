// Staff record the decision on a scored application; a decision of 3★–5★ issues exactly one certificate.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Application } from '../domain/application';
import type { Certificate } from '../domain/certificate';
import { formatCertificateNumber } from '../domain/certificate-number';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findApplication } from './find-application';
import { issueCertificateFor } from './issue-certificate';
import type { ProductCertificationDeps } from './ports';

export interface DecideApplication {
  principal: Principal | undefined;
  id: string;
  decisionNumber: string;
  decisionDate: Date;
}

/**
 * Records the decision. The certificate number is allocated first and written with the DECIDED status in
 * one version-guarded update, so of two racing decisions one wins and names the only certificate; the
 * certificate itself is then inserted under that number (idempotent), and a job completes it after a crash.
 */
export async function decideApplication(deps: ProductCertificationDeps, command: DecideApplication): Promise<{ application: Application; certificate?: Certificate }> {
  const principal = authorize(command.principal, ACCESS.decideApplication);
  const application = await findApplication(deps, command.id);
  application.assertCan('decide');
  const year = command.decisionDate.getUTCFullYear();
  const certificateNumber =
    application.certifiableStars() >= 3 && !Number.isNaN(year) ? formatCertificateNumber('OCOP', year, await deps.certificates.nextSequence('OCOP', year)) : undefined;
  application.decide({ number: command.decisionNumber, date: command.decisionDate, ...(certificateNumber ? { certificateNumber } : {}) }, actorOf(principal), deps.now());
  await deps.applications.save(application);
  const certificate = certificateNumber ? await issueCertificateFor(deps, application, actorOf(principal)) : undefined;
  return { application, ...(certificate ? { certificate } : {}) };
}
