import { routeSignatures, type IdempotencyStore } from '@hangviet/service-kit';
import type { SourcingDeps } from '../../application/ports';
import { meetingsRouter } from './meetings-router';
import { openApiDocument, openApiRouter } from './openapi';
import { sourcingRequestsRouter } from './sourcing-requests-router';

describe('the OpenAPI document', () => {
  // The routers are only inspected, never called: no dependency is touched.
  const routers = [sourcingRequestsRouter({} as SourcingDeps, {} as IdempotencyStore), meetingsRouter({} as SourcingDeps, {} as IdempotencyStore), openApiRouter()];
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('documents every route, and no route that does not exist', () => {
    expect([...routeSignatures(...routers)].sort()).toEqual([...documented].sort());
  });
});
