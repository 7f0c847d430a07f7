// The gateway's composition root: the public origin in front of the services. Order matters: security
// headers and CORS for everything (the host counts rate limits before any of it); the identity (OIDC, sign-in forms,
// sign-up) beside the API; /v1 proxied by the route table the services declare; the console last.
import { readFile } from 'node:fs/promises';
import { createScheduler, rateLimitSweep } from '@hangviet/jobs';
import { defineService, fromRepositoryRoot } from '@hangviet/service-kit';
import { Router } from 'express';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from './config';
import { consoleRouter } from './console-router';
import { docsRouter } from './docs/docs-router';
import { responseCompression } from './edge/compression';
import { corsPolicy, securityHeaders } from './edge/security';
import { identity } from './identity';
import { oidcRecordsSweep } from './identity/oidc-adapter';
import { declaredServices } from './routing/declared-services';
import { apiProxy } from './routing/proxy';
import { buildRouteTable } from './routing/route-table';

export const gateway = (seams: { servicesDir?: string } = {}) =>
  defineService({
    name: SERVICE_NAME,
    database: DEFAULT_DATABASE,
    config: configSchema,
    // The public origin serves no /metrics: operators scrape METRICS_PORT, an internal listener.
    metricsOnHttpPort: false,
    async compose(host) {
      const config = host.config;
      const services = declaredServices({ portOffset: config.HANGVIET_PORT_OFFSET, overrides: config.UPSTREAMS }, seams.servicesDir);
      const table = buildRouteTable(services);
      host.logger.info({ routes: table.entries.map((e) => `${e.pattern} → ${e.service}`) }, 'route table');

      const wellKnown = Router();
      wellKnown.get('/.well-known/jwks.json', async (_req, res) => {
        if (config.AUTH_JWKS_URL) return res.redirect(302, config.AUTH_JWKS_URL);
        res.type('application/jwk-set+json').send(await readFile(fromRepositoryRoot(config.AUTH_JWKS_FILE), 'utf8'));
      });
      wellKnown.get('/.well-known/openid-configuration', (_req, res) => {
        res.redirect(302, `${config.AUTH_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`);
      });

      const id = config.IDENTITY_ENABLED ? await identity(host) : undefined;
      // Rate limits are the host's, shared across instances (service-kit); their windows and the OIDC
      // records expire without TTL indexes, so jobs delete them.
      await host.add(
        createScheduler({
          db: host.db,
          logger: host.logger,
          metrics: host.metrics,
          jobs: [rateLimitSweep(host.rateLimits), ...(id ? [oidcRecordsSweep(host.db, config.OIDC_SWEEP_INTERVAL_MS)] : [])],
        }),
      );
      host.http(
        responseCompression(),
        securityHeaders(),
        corsPolicy([new URL(config.PUBLIC_URL).origin, ...config.CORS_ORIGINS]),
        wellKnown,
        docsRouter({ services, brokers: config.KAFKA_BROKERS }),
        ...(id ? [...id.routes, id.apiKeys] : []),
        apiProxy(table, { timeoutMs: config.UPSTREAM_TIMEOUT_MS, maxBodyBytes: config.MAX_BODY_BYTES }),
        consoleRouter(config.CONSOLE_DIR),
      );
      return { table, identity: id };
    },
  });
