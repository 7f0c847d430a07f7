// Certificates (their public view), e.g. of a business; anyone may list them.
import type { Page, PageRequest } from '@hangviet/service-kit';
import type { Certificate, CertificateStatus, Scheme } from '../domain/certificate';
import type { ProductCertificationDeps } from './ports';

export interface ListCertificates extends PageRequest {
  businessId?: string;
  scheme?: Scheme;
  status?: CertificateStatus;
}

export function listCertificates(deps: Pick<ProductCertificationDeps, 'certificates'>, command: ListCertificates): Promise<Page<Certificate>> {
  const { pageSize, pageToken, ...filter } = command;
  return deps.certificates.list(filter, { pageSize, ...(pageToken ? { pageToken } : {}) });
}
