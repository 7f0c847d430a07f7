// Staff record a VietGAP certificate or an HVNCLC title from the issuing body's decision.
import { authorize, type Principal } from '@hangviet/service-kit';
import { invalid } from '@hangviet/service-kit/errors';
import { Certificate, validityOf } from '../domain/certificate';
import { formatCertificateNumber } from '../domain/certificate-number';
import { requireActingBusiness } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

export interface RecordCertificate {
  principal: Principal | undefined;
  scheme: 'VIETGAP' | 'HVNCLC';
  businessId: string;
  productId?: string;
  decisionNumber: string;
  decisionDate: Date;
  issuer: string;
  validFrom?: Date;
  validUntil?: Date;
  year?: number;
}

export async function recordCertificate(deps: ProductCertificationDeps, command: RecordCertificate): Promise<Certificate> {
  const principal = authorize(command.principal, ACCESS.recordCertificate);
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
