// One product: its owner and staff see it in any status; the public a LISTED product of an ACTIVE business.
import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Product } from '../domain/product';
import { ACCESS } from './access-rules';
import type { ProductCertificationDeps } from './ports';

/** The product when the principal may see it; 404 otherwise (no telling a private product exists). */
export async function getProduct(deps: ProductCertificationDeps, command: { principal: Principal | undefined; id: string }): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.getProduct);
  const product = await deps.products.findById(command.id);
  if (product && (await deps.businesses.mayActFor(principal, product.state.businessId))) return product;
  if (product && product.state.status === 'LISTED' && (await deps.businesses.find(product.state.businessId))?.status === 'ACTIVE') return product;
  throw notFound('PRODUCT_NOT_FOUND', `no product ${command.id}`, { id: command.id });
}
