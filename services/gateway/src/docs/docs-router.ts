// API documentation people can read: /docs lists the services; /docs/<service> is an interactive
// reference (Scalar, served from this origin: no CDN, no inline script) of the service's own OpenAPI
// document, fetched from the service; /docs/events is the AsyncAPI document of every event.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { problemOf, sendProblem } from '@hangviet/service-kit';
import { asyncApiDocument } from './asyncapi';
import type { DeclaredService } from '../routing/route-table';

// The package's exports hide its browser bundle from require.resolve: find it on the module paths.
const scalarDir =
  (require.resolve.paths('@scalar/api-reference') ?? [])
    .map((dir) => join(dir, '@scalar', 'api-reference', 'dist', 'browser'))
    .find((dir) => existsSync(join(dir, 'standalone.js'))) ?? '';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, scripts: string[] = []): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title></head><body>${body}${scripts.map((s) => `<script src="${s}"></script>`).join('')}</body></html>`;
}

export function docsRouter(opts: { services: DeclaredService[]; brokers: string[]; timeoutMs?: number }): Router {
  const router = Router();
  const byName = new Map(opts.services.map((s) => [s.name, s]));

  router.use('/docs/assets', express.static(scalarDir, { index: false, maxAge: '1h' }));
  router.get('/docs/assets/init.js', (_req, res) => {
    res.type('text/javascript').send(
      "const el=document.getElementById('app');Scalar.createApiReference(el,{url:el.dataset.url,withDefaultFonts:false,hideClientButton:false,telemetry:false});",
    );
  });

  router.get('/docs', (_req, res) => {
    const items = opts.services
      .map((s) => `<li><a href="/docs/${escape(s.name)}">${escape(s.name)}</a> — REST ${s.routes.map(escape).join(', ')}</li>`)
      .join('');
    res.type('html').send(
      page(
        'hangviet API',
        `<main><h1>hangviet API</h1><ul>${items}</ul><p><a href="/docs/events.json">Events (AsyncAPI 3)</a> · <a href="/.well-known/jwks.json">JWKS</a> · <a href="/oidc/.well-known/openid-configuration">OpenID configuration</a></p></main>`,
      ),
    );
  });

  router.get('/docs/events.json', (_req, res) => {
    res.json(asyncApiDocument({ brokers: opts.brokers }));
  });

  router.get('/docs/:service/openapi.json', async (req, res) => {
    const service = byName.get(req.params.service);
    if (!service) return sendProblem(res, problemOf(req, 404, 'SERVICE_NOT_FOUND', `No service named ${req.params.service}.`));
    try {
      const upstream = await fetch(`${service.target}/v1/openapi.json`, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) });
      if (upstream.status === 404) {
        return sendProblem(res, problemOf(req, 404, 'OPENAPI_NOT_FOUND', `${service.name} publishes no OpenAPI document.`));
      }
      if (!upstream.ok) throw new Error(`status ${upstream.status}`);
      res.type('application/json').send(await upstream.text());
    } catch {
      sendProblem(res, problemOf(req, 503, 'UPSTREAM_UNAVAILABLE', `The ${service.name} service is not reachable; try again shortly.`));
    }
  });

  router.get('/docs/:service', (req, res) => {
    const service = byName.get(req.params.service);
    if (!service) return sendProblem(res, problemOf(req, 404, 'SERVICE_NOT_FOUND', `No service named ${req.params.service}.`));
    res
      .type('html')
      .send(
        page(`${service.name} API`, `<div id="app" data-url="/docs/${escape(service.name)}/openapi.json"></div>`, [
          '/docs/assets/standalone.js',
          '/docs/assets/init.js',
        ]),
      );
  });
  return router;
}
