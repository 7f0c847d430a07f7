// Products: staff and the owner see every status; the public LISTED products of ACTIVE businesses only.
import { authorize, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import type { Product, ProductStatus } from '../domain/product';
import { ACCESS } from './access-rules';
import type { ProductCertificationDeps } from './ports';

export interface ListProducts extends PageRequest {
  principal: Principal | undefined;
  businessId?: string;
  status?: ProductStatus;
}

export async function listProducts(deps: ProductCertificationDeps, command: ListProducts): Promise<Page<Product>> {
  const { principal: caller, ...query } = command;
  const principal = authorize(caller, ACCESS.listProducts);
  const privileged = await deps.businesses.mayActFor(principal, query.businessId ?? '');
  const page = await deps.products.list({ ...query, publicOnly: !privileged }, query);
  if (privileged) return page;
  // The public sees listed products of active businesses only.
  const statuses = new Map<string, string | undefined>();
  for (const id of new Set(page.items.map((p) => p.state.businessId))) statuses.set(id, (await deps.businesses.find(id))?.status);
  return { items: page.items.filter((p) => statuses.get(p.state.businessId) === 'ACTIVE'), nextPageToken: page.nextPageToken };
}
