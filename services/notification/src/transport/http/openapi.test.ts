import { routeSignatures, type IdempotencyStore } from '@hangviet/service-kit';
import type { NotificationDeps } from '../../application/ports';
import { openApiDocument, openApiRouter } from './openapi';
import { notificationRouter } from './routes';

describe('the notification OpenAPI document (issue 12, item 12)', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('is OpenAPI 3.1 and documents every route, and no route that does not exist', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = routeSignatures(notificationRouter({} as NotificationDeps, {} as IdempotencyStore), openApiRouter());
    expect(routes.length).toBeGreaterThan(15);
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  it('documents the pipeline answers and gives unique operation ids', () => {
    const ops = Object.values(doc.paths).flatMap((o) => Object.values(o));
    for (const op of ops) {
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '429']));
      if (op.requestBody) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415', '422']));
    }
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
