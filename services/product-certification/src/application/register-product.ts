// An enterprise (or staff for it) registers a product of an ACTIVE business; it starts as a DRAFT.
import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { Product, type ProductDetails } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

export interface RegisterProduct {
  principal: Principal | undefined;
  businessId: string;
  details: ProductDetails;
}

export async function registerProduct(deps: ProductCertificationDeps, command: RegisterProduct): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.registerProduct);
  await deps.businesses.assertOwns(principal, command.businessId);
  const business = await deps.businesses.current(command.businessId);
  // A business the directory does not hold is not found (404), as on every route naming one.
  if (!business) throw notFound('BUSINESS_NOT_FOUND', `no business ${command.businessId} in the directory`, { businessId: command.businessId });
  const product = Product.register({ id: deps.products.newId(), businessId: command.businessId, businessStatus: business.status, details: command.details, actor: actorOf(principal), now: deps.now() });
  await deps.products.add(product);
  return product;
}
