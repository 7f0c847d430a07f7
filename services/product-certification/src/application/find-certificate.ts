// A certificate by its number as people type it (normalised, check digit verified before any lookup).
import { invalid, notFound } from '@hangviet/service-kit/errors';
import type { Certificate } from '../domain/certificate';
import { isWellFormedCertificateNumber, normaliseCertificateNumber } from '../domain/certificate-number';
import type { ProductCertificationDeps } from './ports';

export async function findCertificate(deps: Pick<ProductCertificationDeps, 'certificates'>, command: { number: string }): Promise<Certificate> {
  const number = normaliseCertificateNumber(command.number);
  if (!isWellFormedCertificateNumber(number)) {
    throw invalid([{ field: 'number', code: 'CERTIFICATE_NUMBER_INVALID', message: `${command.number} is not a certificate number (check the digits)` }]);
  }
  const certificate = await deps.certificates.findById(number);
  if (!certificate) throw notFound('CERTIFICATE_NOT_FOUND', `no certificate ${number}`, { number });
  return certificate;
}
