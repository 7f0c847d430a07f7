import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('declares to the gateway every path it documents (the gateway routes only declared prefixes)', () => {
    // package.json "hangviet".routes: prefixes whose segments are literal or `*` (one segment), as the gateway reads them.
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { hangviet: { routes: string[] } };
    const declared = pkg.hangviet.routes.map((r) => r.split('/').slice(1));
    const served = Object.keys(doc.paths).filter((p) => p !== '/v1/openapi.json');
    const unrouted = served.filter((p) => {
      const segments = p.split('/').slice(1);
      return !declared.some((route) => route.length <= segments.length && route.every((want, i) => want === '*' || segments[i] === want || segments[i]!.startsWith(`${want}:`)));
    });
    expect(unrouted).toEqual([]);
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
