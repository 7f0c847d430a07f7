// /v1/products and their evidence documents: parse → use case → response. No business rule lives here.
import { idempotent, parse, roleGuard, type IdempotencyStore } from '@hangviet/service-kit';
import express, { Router } from 'express';
import type { ProductCertificationDeps } from '../../application/ports';
import { attachEvidence, getEvidence, getProduct, listProduct, listProducts, registerProduct, updateProduct, withdrawProduct } from '../../application/products';
import { EVIDENCE_MAX_BYTES } from '../../domain/evidence';
import { idParams, listProductsQuery, registerProductBody, updateProductBody } from './schemas';
import { productView } from './views';

const owners = roleGuard('admin', 'staff', 'enterprise');

export function productsRouter(deps: ProductCertificationDeps, idempotency: IdempotencyStore): Router {
  const router = Router();

  router.post('/v1/products', owners, idempotent(idempotency), async (req, res) => {
    const { businessId, ...details } = parse(registerProductBody, req.body);
    const product = await registerProduct(deps, req.principal, { businessId, details });
    res.location(`/v1/products/${product.id}`).status(201).json(productView(product, req.principal));
  });

  router.get('/v1/products', async (req, res) => {
    const query = parse(listProductsQuery, req.query, 'query');
    const page = await listProducts(deps, req.principal, { ...query, pageSize: query.pageSize ?? 20 });
    res.json({ items: page.items.map((p) => productView(p, req.principal)), nextPageToken: page.nextPageToken });
  });

  router.get('/v1/products/:id', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(productView(await getProduct(deps, req.principal, id), req.principal));
  });

  router.patch('/v1/products/:id', owners, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(productView(await updateProduct(deps, req.principal, { id, patch: parse(updateProductBody, req.body) }), req.principal));
  });

  router.post('/v1/products/:id\\:list', owners, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(productView(await listProduct(deps, req.principal, id), req.principal));
  });

  router.post('/v1/products/:id\\:withdraw', owners, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    res.json(productView(await withdrawProduct(deps, req.principal, id), req.principal));
  });

  // The raw document is the body; its declared type is Content-Type, checked against the content.
  router.post('/v1/products/:id/documents', owners, express.raw({ type: () => true, limit: EVIDENCE_MAX_BYTES + 1 }), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const fileName = String(req.get('x-file-name') ?? 'document').slice(0, 300);
    const product = await attachEvidence(deps, req.principal, { productId: id, fileName, declaredType: req.get('content-type') ?? '', bytes });
    const document = product.state.evidence.at(-1)!;
    res.location(`/v1/products/${id}/documents/${document.id}`).status(201).json({ ...document, uploadTime: document.uploadTime.toISOString() });
  });

  router.get('/v1/products/:id/documents/:documentId', owners, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const file = await getEvidence(deps, req.principal, id, String(req.params.documentId));
    res.type(file.contentType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.send(file.bytes);
  });

  return router;
}

