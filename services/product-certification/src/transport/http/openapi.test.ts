import { routeSignatures, type IdempotencyStore } from '@hangviet/service-kit';
import type { ProductCertificationDeps } from '../../application/ports';
import { applicationsRouter } from './applications-router';
import { certificatesRouter } from './certificates-router';
import { ocopCriteriaRouter } from './ocop-criteria-router';
import { openApiDocument, openApiRouter } from './openapi';
import { productsRouter } from './products-router';
import { reportsRouter } from './reports-router';

describe('the OpenAPI document', () => {
  // The routers are only inspected, never called: no dependency is touched.
  const deps = {} as ProductCertificationDeps;
  const store = {} as IdempotencyStore;
  const routers = [productsRouter(deps, store), applicationsRouter(deps, store), certificatesRouter(deps), reportsRouter(deps), ocopCriteriaRouter(), openApiRouter()];
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents every route, and no route that does not exist', () => {
    const routes = routeSignatures(...routers);
    expect(routes.length).toBeGreaterThan(25);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
