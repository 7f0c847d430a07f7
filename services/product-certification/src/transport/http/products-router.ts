// /v1/products and their evidence documents: parse → use case → response. No business rule lives here;
// who may call each route is the access table's (application/access-rules.ts), guarded before the body is read.
import { accessGuard, idempotent, parse, type IdempotencyStore } from '@hangviet/service-kit';
import express, { Router } from 'express';
import { ACCESS } from '../../application/access-rules';
import { attachEvidence } from '../../application/attach-evidence';
import { getEvidence } from '../../application/get-evidence';
import { getProduct } from '../../application/get-product';
import { listProduct } from '../../application/list-product';
import { listProducts } from '../../application/list-products';
import type { ProductCertificationDeps } from '../../application/ports';
import { registerProduct } from '../../application/register-product';
import { updateProduct } from '../../application/update-product';
import { withdrawProduct } from '../../application/withdraw-product';
import { EVIDENCE_MAX_BYTES } from '../../domain/evidence';
import { documentParams, idParams, listProductsQuery, registerProductBody, updateProductBody } from './schemas';
import { productView } from './views';

export function productsRouter(deps: ProductCertificationDeps, idempotency: IdempotencyStore): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(idParams, params, 'params').id;

  router.post('/v1/products', accessGuard(ACCESS.registerProduct), idempotent(idempotency), async (req, res) => {
    const { businessId, ...details } = parse(registerProductBody, req.body);
    const product = await registerProduct(deps, { principal: req.principal, businessId, details });
    res.location(`/v1/products/${product.id}`).status(201).json(productView(product, req.principal));
  });

  router.get('/v1/products', accessGuard(ACCESS.listProducts), async (req, res) => {
    const query = parse(listProductsQuery, req.query, 'query');
    const page = await listProducts(deps, { principal: req.principal, ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map((p) => productView(p, req.principal)), nextPageToken: page.nextPageToken });
  });

  router.get('/v1/products/:id', accessGuard(ACCESS.getProduct), async (req, res) => {
    res.json(productView(await getProduct(deps, { principal: req.principal, id: idOf(req.params) }), req.principal));
  });

  router.patch('/v1/products/:id', accessGuard(ACCESS.updateProduct), async (req, res) => {
    const id = idOf(req.params);
    res.json(productView(await updateProduct(deps, { principal: req.principal, id, patch: parse(updateProductBody, req.body) }), req.principal));
  });

  router.post('/v1/products/:id\\:list', accessGuard(ACCESS.listProduct), async (req, res) => {
    res.json(productView(await listProduct(deps, { principal: req.principal, id: idOf(req.params) }), req.principal));
  });

  router.post('/v1/products/:id\\:withdraw', accessGuard(ACCESS.withdrawProduct), async (req, res) => {
    res.json(productView(await withdrawProduct(deps, { principal: req.principal, id: idOf(req.params) }), req.principal));
  });

  // The raw document is the body; its declared type is Content-Type, checked against the content.
  router.post('/v1/products/:id/documents', accessGuard(ACCESS.attachEvidence), express.raw({ type: () => true, limit: EVIDENCE_MAX_BYTES + 1 }), async (req, res) => {
    const id = idOf(req.params);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const fileName = String(req.get('x-file-name') ?? 'document').slice(0, 300);
    const product = await attachEvidence(deps, { principal: req.principal, productId: id, fileName, declaredType: req.get('content-type') ?? '', bytes });
    const document = product.state.evidence.at(-1)!;
    res.location(`/v1/products/${id}/documents/${document.id}`).status(201).json({ ...document, uploadTime: document.uploadTime.toISOString() });
  });

  router.get('/v1/products/:id/documents/:documentId', accessGuard(ACCESS.getEvidence), async (req, res) => {
    const { id, documentId } = parse(documentParams, req.params, 'params');
    const file = await getEvidence(deps, { principal: req.principal, productId: id, documentId });
    res.type(file.contentType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.send(file.bytes);
  });

  return router;
}
