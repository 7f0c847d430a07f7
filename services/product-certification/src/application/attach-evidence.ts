// The owner or staff attach an evidence document to a product, stored once its content is checked to be its
// declared type.
import { randomUUID } from 'node:crypto';
import { authorize, type Principal } from '@hangviet/service-kit';
import { checkEvidence } from '../domain/evidence';
import type { Product } from '../domain/product';
import { ACCESS } from './access-rules';
import { actorOf } from './business-access';
import { ownProduct } from './own-product';
import type { ProductCertificationDeps } from './ports';

export interface AttachEvidence {
  principal: Principal | undefined;
  productId: string;
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

export async function attachEvidence(deps: ProductCertificationDeps, command: AttachEvidence): Promise<Product> {
  const principal = authorize(command.principal, ACCESS.attachEvidence);
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
