// The owner or staff download an evidence document of a product.
import { authorize, type Principal } from '@hangviet/service-kit';
import { notFound } from '@hangviet/service-kit/errors';
import { ACCESS } from './access-rules';
import { ownProduct } from './own-product';
import type { ProductCertificationDeps } from './ports';

export async function getEvidence(deps: ProductCertificationDeps, command: { principal: Principal | undefined; productId: string; documentId: string }) {
  const principal = authorize(command.principal, ACCESS.getEvidence);
  const product = await ownProduct(deps, principal, command.productId);
  const file = product.state.evidence.some((e) => e.id === command.documentId) ? await deps.documents.get(command.documentId) : undefined;
  if (!file) throw notFound('DOCUMENT_NOT_FOUND', `no document ${command.documentId} on product ${command.productId}`);
  return file;
}
