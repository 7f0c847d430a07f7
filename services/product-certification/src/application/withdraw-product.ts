// The owner or staff withdraw a product (terminal).
import { authorize, type Principal } from '@hangviet/service-kit';
import type { Product } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { ownProduct } from './own-product';
import type { ProductCertificationDeps } from './ports';

export async function withdrawProduct(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string }): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.withdrawProduct);
  const product = await ownProduct(deps, principal, command.id);
  product.withdraw(actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}
