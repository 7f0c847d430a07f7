// hangviet.certification.v1.ProductCertificationService over the same use cases as REST: the trade-fair
// service ranks booth applications by certificates (internal to the cluster; no personal data).
import { CertificateStatus, CertificationScheme } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import {
  ProductCertificationServiceService,
  type GetCertificateRequest,
  type GetCertificateResponse,
  type ListCertificatesRequest,
  type ListCertificatesResponse,
  type ProductCertificationServiceServer,
  type VerifyRequest,
  type VerifyResponse,
} from '@hangviet/contracts/hangviet/certification/v1/product_certification_service';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, unary, type GrpcServiceRegistration } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { findCertificate } from '../../application/find-certificate';
import { listCertificates } from '../../application/list-certificates';
import { verifyCertificate } from '../../application/verify-certificate';
import type { ProductCertificationDeps } from '../../application/ports';
import type { CertificateStatus as Status, Scheme } from '../../domain/certificate';
import { certificateMessage, nameOf } from '../../infrastructure/proto-mapping';

export function productCertificationService(deps: ProductCertificationDeps): GrpcServiceRegistration {
  const implementation: ProductCertificationServiceServer = {
    getCertificate: unary<GetCertificateRequest, GetCertificateResponse>(async (request) => {
      if (request.number.trim() === '') throw invalid([{ field: 'number', code: 'REQUIRED', message: 'number is required' }]);
      return { certificate: certificateMessage((await findCertificate(deps, { number: request.number })).state) };
    }),
    listCertificates: unary<ListCertificatesRequest, ListCertificatesResponse>(async (request) => {
      if (request.businessId.trim() === '') throw invalid([{ field: 'business_id', code: 'REQUIRED', message: 'business_id is required' }]);
      if (request.pageSize < 0 || request.pageSize > MAX_PAGE_SIZE) {
        throw invalid([{ field: 'page_size', code: 'OUT_OF_RANGE', message: `page_size is 0–${MAX_PAGE_SIZE}` }]);
      }
      const page = await listCertificates(deps, {
        businessId: request.businessId,
        ...(request.scheme ? { scheme: nameOf(CertificationScheme, 'CERTIFICATION_SCHEME_', request.scheme) as Scheme } : {}),
        ...(request.status ? { status: nameOf(CertificateStatus, 'CERTIFICATE_STATUS_', request.status) as Status } : {}),
        pageSize: request.pageSize || DEFAULT_PAGE_SIZE,
        ...(request.pageToken ? { pageToken: request.pageToken } : {}),
      });
      return { certificates: page.items.map((c) => certificateMessage(c.state)), nextPageToken: page.nextPageToken };
    }),
    verify: unary<VerifyRequest, VerifyResponse>(async (request) => {
      const result = await verifyCertificate(deps, { token: request.token });
      return result.genuine ? { genuine: true, certificate: certificateMessage(result.certificate.state), reason: '' } : { genuine: false, certificate: undefined, reason: result.reason };
    }),
  };
  return { definition: ProductCertificationServiceService, implementation };
}
