// An enterprise (or staff for it) registers a product of an ACTIVE business; it starts as a DRAFT.
import { authorize, requireBusinessAccess, type Principal } from '@hangviet/service-kit';
import { Product, type ProductDetails } from '../domain/product';
import { ACCESS } from './access-rules';
import { actingBusiness, actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

export interface RegisterProduct {
  principal: Principal | undefined;
  businessId: string;
  details: ProductDetails;
}

export async function registerProduct(deps: ProductCertificationDeps, command: RegisterProduct): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.registerProduct);
  requireBusinessAccess(principal, command.businessId);
  const business = await actingBusiness(deps, command.businessId);
  const product = Product.register({ id: deps.products.newId(), businessId: command.businessId, businessStatus: business?.status, details: command.details, actor: actorOf(principal), now: deps.now() });
  await deps.products.add(product);
  return product;
}
