// The product a change is about, when the caller may change it: staff, or the enterprise owning it.
import type { Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import type { Product } from '../domain/product';
import type { ProductCertificationDeps } from './ports';

export async function ownProduct(deps: Pick<ProductCertificationDeps, 'products' | 'businesses'>, principal: Principal, id: string): Promise<Product> {
  const product = await deps.products.findById(id);
  if (!product) throw notFound('PRODUCT_NOT_FOUND', `no product ${id}`, { id });
  await deps.businesses.assertOwns(principal, product.state.businessId);
  return product;
}
