import { routeSignatures, type IdempotencyStore } from '@hangviet/service-kit';
import type { RegistryDeps } from '../../application/ports';
import { businessesRouter } from './businesses-router';
import { openApiDocument, openApiRouter } from './openapi';
import { referenceRouter } from './reference-router';

describe('the OpenAPI document', () => {
  // The routers are only inspected, never called: no dependency is touched.
  const routers = [businessesRouter({} as RegistryDeps, {} as IdempotencyStore), referenceRouter(), openApiRouter()];
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents every route, and no route that does not exist', () => {
    const routes = routeSignatures(...routers);
    expect(routes.length).toBeGreaterThan(10);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('documents what the shared pipeline answers, and the contract details issue 12 found missing', () => {
    const ops = Object.values(doc.paths).flatMap((o) => Object.values(o)) as { responses: Record<string, unknown>; requestBody?: unknown }[];
    for (const op of ops) {
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '422', '429']));
      if (op.requestBody) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415']));
    }
    const register = doc.paths['/v1/businesses']?.post as { responses: Record<string, { description: string }> };
    expect(register.responses['409']?.description).toContain('ALREADY_OWNS_BUSINESS');
    expect(register.responses['403']?.description).not.toContain('already owns');
    const approve = doc.paths['/v1/businesses/{id}:approve']?.post as { parameters: { name: string; schema: { pattern?: string } }[] };
    expect(approve.parameters.find((p) => p.name === 'If-Match')?.schema.pattern).toBeDefined();
    const schemas = (doc as unknown as { components: { schemas: Record<string, { properties: Record<string, { minLength?: number }> }> } }).components.schemas;
    expect(schemas.RegisterBusiness?.properties.taxCode?.minLength).toBe(1);
    const reject = doc.paths['/v1/businesses/{id}:reject']?.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, { minLength?: number }> } }> } };
    expect(reject.requestBody.content['application/json']?.schema.properties.reason?.minLength).toBe(1);
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
