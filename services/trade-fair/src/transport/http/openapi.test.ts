import { routeSignatures, type IdempotencyStore } from '@hangviet/service-kit';
import type { TradeFairDeps } from '../../application/ports';
import { applicationsRouter } from './applications-router';
import { fairsRouter } from './fairs-router';
import { openApiDocument, openApiRouter, ROUTES } from './openapi';
import { venuesRouter } from './venues-router';
import { floorPlanRouter } from './floor-plan-router';

describe('the OpenAPI document', () => {
  // The routers are only inspected, never called: no dependency is touched.
  const deps = {} as TradeFairDeps;
  const store = {} as IdempotencyStore;
  const routers = [venuesRouter(deps, store), floorPlanRouter(deps), fairsRouter(deps, store), applicationsRouter(deps, store), openApiRouter()];
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('is OpenAPI 3.1 and documents every route, and no route that does not exist', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = routeSignatures(...routers);
    expect(routes.length).toBe(ROUTES.length);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('gives every operation a unique operationId and every body route its JSON schema', () => {
    const ops = Object.values(doc.paths).flatMap((o) => Object.values(o));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    const fair = doc.paths['/v1/fairs']!.post!.requestBody as { content: { 'application/json': { schema: { required: string[] } } } };
    expect(fair.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'venueId', 'days', 'boothFeeVnd']));
  });
});
