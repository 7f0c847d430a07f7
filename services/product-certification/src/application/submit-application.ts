// An enterprise (or staff for it) applies for OCOP certification of a product in an evaluation round.
import { authorize, type Principal } from '@hangviet/service-kit';
import { conflict, invalid, notFound } from '@hangviet/service-kit/errors';
import { Application, type Round } from '../domain/application';
import { requireActingBusiness } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

export interface SubmitApplication {
  principal: Principal | undefined;
  productId: string;
  round: Round;
  dossier?: string;
  previousCertificateNumber?: string;
}

export async function submitApplication(deps: ProductCertificationDeps, command: SubmitApplication): Promise<Application> {
  const principal = authorize(command.principal, ACCESS.submitApplication);
  const product = await deps.products.findById(command.productId);
  // A product that does not exist is not found (404), as on every route naming one.
  if (!product) throw notFound('PRODUCT_NOT_FOUND', `no product ${command.productId}`, { productId: command.productId });
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
