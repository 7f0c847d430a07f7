// Use cases of products: register, change, list, withdraw, attach evidence, read. An enterprise acts
// on its own business's products only; the public reads LISTED products of ACTIVE businesses.
import { randomUUID } from 'node:crypto';
import { requireRole, type Page, type PageRequest, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { checkEvidence } from '../domain/evidence';
import { Product, type ProductDetails, type ProductStatus } from '../domain/product';
import { actorOf } from './business-access';
import type { ProductCertificationDeps } from './ports';

type Deps = ProductCertificationDeps;

export async function registerProduct(deps: Deps, principal: Principal | undefined, command: { businessId: string; details: ProductDetails }): Promise<Product> {
  requireRole(principal, 'admin', 'staff', 'enterprise');
  await deps.businesses.assertOwns(principal, command.businessId);
  const business = await deps.businesses.current(command.businessId);
  const product = Product.register({ id: deps.products.newId(), businessId: command.businessId, businessStatus: business?.status, details: command.details, actor: actorOf(principal), now: deps.now() });
  await deps.products.add(product);
  return product;
}

/** The product when the principal may see it; 404 otherwise (no telling a private product exists). */
export async function getProduct(deps: Deps, principal: Principal | undefined, id: string): Promise<Product> {
  const product = await deps.products.findById(id);
  if (product && (await deps.businesses.mayActFor(principal, product.state.businessId))) return product;
  if (product && product.state.status === 'LISTED' && (await deps.businesses.find(product.state.businessId))?.status === 'ACTIVE') return product;
  throw notFound('PRODUCT_NOT_FOUND', `no product ${id}`, { id });
}

/** A product the principal may change: staff, or the enterprise owning it. */
async function ownProduct(deps: Deps, principal: Principal | undefined, id: string): Promise<Product> {
  requireRole(principal, 'admin', 'staff', 'enterprise');
  const product = await deps.products.findById(id);
  if (!product) throw notFound('PRODUCT_NOT_FOUND', `no product ${id}`, { id });
  await deps.businesses.assertOwns(principal, product.state.businessId);
  return product;
}

export async function updateProduct(deps: Deps, principal: Principal | undefined, command: { id: string; patch: Partial<ProductDetails> }): Promise<Product> {
  const product = await ownProduct(deps, principal, command.id);
  product.update(command.patch, actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}

export async function listProduct(deps: Deps, principal: Principal | undefined, id: string): Promise<Product> {
  const product = await ownProduct(deps, principal, id);
  product.list((await deps.businesses.current(product.state.businessId))?.status, actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}

export async function withdrawProduct(deps: Deps, principal: Principal | undefined, id: string): Promise<Product> {
  const product = await ownProduct(deps, principal, id);
  product.withdraw(actorOf(principal), deps.now());
  await deps.products.save(product);
  return product;
}

export async function listProducts(
  deps: Deps,
  principal: Principal | undefined,
  query: { businessId?: string; status?: ProductStatus } & PageRequest,
): Promise<Page<Product>> {
  const privileged = await deps.businesses.mayActFor(principal, query.businessId ?? '');
  const page = await deps.products.list({ ...query, publicOnly: !privileged }, query);
  if (privileged) return page;
  // The public sees listed products of active businesses only.
  const statuses = new Map<string, string | undefined>();
  for (const id of new Set(page.items.map((p) => p.state.businessId))) statuses.set(id, (await deps.businesses.find(id))?.status);
  return { items: page.items.filter((p) => statuses.get(p.state.businessId) === 'ACTIVE'), nextPageToken: page.nextPageToken };
}

/** Stores an evidence document once its content is checked to be its declared type, then records it on the product. */
export async function attachEvidence(
  deps: Deps,
  principal: Principal | undefined,
  command: { productId: string; fileName: string; declaredType: string; bytes: Buffer },
): Promise<Product> {
  const product = await ownProduct(deps, principal, command.productId);
  const contentType = checkEvidence({ declaredType: command.declaredType, detectedType: await deps.sniff(command.bytes), size: command.bytes.length });
  const id = randomUUID();
  const fileName = command.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200) || 'document';
  // Stored first: a product never names a document that is not there (an orphan file is harmless).
  await deps.documents.put({ id, owner: `product:${product.id}`, fileName, contentType, bytes: command.bytes });
  product.attachEvidence({ id, fileName, contentType, size: command.bytes.length, uploadTime: deps.now() }, actorOf(principal));
  await deps.products.save(product);
  return product;
}

export async function getEvidence(deps: Deps, principal: Principal | undefined, productId: string, documentId: string) {
  const product = await ownProduct(deps, principal, productId);
  const file = product.state.evidence.some((e) => e.id === documentId) ? await deps.documents.get(documentId) : undefined;
  if (!file) throw notFound('DOCUMENT_NOT_FOUND', `no document ${documentId} on product ${productId}`);
  return file;
}
