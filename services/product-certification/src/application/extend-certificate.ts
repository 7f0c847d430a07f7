// Staff extend a VietGAP certificate once, by at most 3 months (the domain's rule).
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Certificate } from '../domain/certificate';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { findCertificate } from './find-certificate';
import type { ProductCertificationDeps } from './ports';

export async function extendCertificate(deps: ProductCertificationDeps, command: { principal: Principal | undefined; number: string; validUntil: Date }): Promise<Certificate> {
  const principal = authorize(command.principal, ACCESS.extendCertificate);
  const certificate = await findCertificate(deps, command);
  certificate.extend(command.validUntil, actorOf(principal), deps.now());
  await deps.certificates.save(certificate);
  return certificate;
}
