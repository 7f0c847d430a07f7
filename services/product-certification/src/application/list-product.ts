// The owner or staff list a product publicly (DRAFT → LISTED), while its business may act.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Product } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { ownProduct } from './own-product';
import type { ProductCertificationDeps } from './ports';

export async function listProduct(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string }): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.listProduct);
  const product = await ownProduct(deps, principal, command.id);
  product.list((await deps.businesses.current(product.state.businessId))?.status, actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}
