// Staff revoke a certificate, with a reason.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Certificate } from '../domain/certificate';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findCertificate } from './find-certificate';
import type { ProductCertificationDeps } from './ports';

export async function revokeCertificate(deps: ProductCertificationDeps, command: { principal: Principal | undefined; number: string; reason: string }): Promise<Certificate> {
  const principal = authorize(command.principal, ACCESS.revokeCertificate);
  const certificate = await findCertificate(deps, command);
  certificate.revoke(command.reason, actorOf(principal), deps.now());
  await deps.certificates.save(certificate);
  return certificate;
}
