// The owner or staff change a product's details.
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Product, ProductDetails } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { ownProduct } from './own-product';
import type { ProductCertificationDeps } from './ports';

export async function updateProduct(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string; patch: Partial<ProductDetails> }): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.updateProduct);
  const product = await ownProduct(deps, principal, command.id);
  product.update(command.patch, actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}
