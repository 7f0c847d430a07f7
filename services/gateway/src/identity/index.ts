// The identity service's parts on the gateway's host: accounts, the OIDC provider at /oidc, its forms
// and REST, API keys, and the job that deletes expired OIDC records (no TTL indexes on FerretDB).
import { readFile } from 'node:fs/promises';
import type { RequestHandler, Router } from 'express';
import { fromRepositoryRoot, type ServiceHost } from '@hangviet/service-kit';
import { ensureDevKeys } from '@hangviet/service-kit';
import type { GatewayConfig } from '../config';
import { accountModel, apiKeyModel } from './account-model';
import { seedAccounts, type AccountsDeps } from './accounts';
import { apiKeyExchange } from './api-keys';
import { identityRouter } from './identity-router';
import { partnersRouter } from './partners';
import { smtpMailer } from './mailer';
import { ensureOidcIndexes, revokeAccountRecords } from './oidc-adapter';
import { grpcOwnershipDirectory, linkedBusinessId } from './business-link';
import { createProvider } from './provider';

export interface Identity {
  deps: AccountsDeps;
  routes: (Router | RequestHandler)[];
  apiKeys: RequestHandler;
}

export async function identity(host: ServiceHost<GatewayConfig>): Promise<Identity> {
  const config = host.config;
  const issuerUrl = new URL(config.AUTH_ISSUER);
  if (config.AUTH_JWKS_URL === undefined) await ensureDevKeys();
  const privateJwk = JSON.parse(await readFile(fromRepositoryRoot(config.IDENTITY_PRIVATE_JWK_FILE), 'utf8')) as Record<string, unknown>;
  const accounts = accountModel(host.connection);
  const apiKeys = apiKeyModel(host.connection);
  await Promise.all([accounts.createIndexes(), apiKeys.createIndexes(), ensureOidcIndexes(host.db)]);
  const mailer = smtpMailer(config.SMTP_URL, config.MAIL_FROM);
  host.onStop('mailer', async () => mailer.close());
  const deps: AccountsDeps = {
    accounts,
    mailer,
    publicUrl: config.PUBLIC_URL,
    lockout: {
      attempts: config.IDENTITY_LOCKOUT_ATTEMPTS,
      lockMs: config.IDENTITY_LOCKOUT_MS,
      accountBackoffAfter: config.IDENTITY_BACKOFF_ACCOUNT_AFTER,
      addressBackoffAfter: config.IDENTITY_BACKOFF_ADDRESS_AFTER,
      backoffBaseMs: 250,
      backoffMaxMs: config.IDENTITY_BACKOFF_MAX_MS,
    },
    now: () => new Date(),
    throttles: host.rateLimits,
    mailLimit: { perAddress: config.IDENTITY_MAIL_PER_ADDRESS, windowMs: config.IDENTITY_MAIL_WINDOW_MS },
    revokeSessions: (accountId) => revokeAccountRecords(host.db, accountId),
    logger: host.logger,
  };
  await seedAccounts(deps, config.IDENTITY_SEED_ACCOUNTS);
  const directory = grpcOwnershipDirectory(config.BUSINESS_REGISTRY_GRPC_ADDRESS, config.REGISTRY_DEADLINE_MS, host.identity);
  host.onStop('registry client', async () => directory.close());
  const provider = await createProvider({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    publicUrl: config.PUBLIC_URL,
    clientId: config.OIDC_CLIENT_ID,
    privateJwk,
    cookieKeys: config.IDENTITY_COOKIE_KEYS,
    accounts,
    db: host.db,
    businessOf: (account) => linkedBusinessId({ accounts, directory, logger: host.logger }, account),
  });
  const mount = issuerUrl.pathname.replace(/\/$/, '') || '/oidc';
  const callback = provider.callback();
  const oidc: RequestHandler = (req, res, next) => {
    if (req.path !== mount && !req.path.startsWith(`${mount}/`)) return next();
    // The provider believes X-Forwarded-Host/-Proto/-For (its issuer's URLs, its client address) only
    // from a proxy TRUST_PROXY lists; from anyone else they are dropped here.
    const trusted = req.app.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean;
    if (!trusted(req.socket.remoteAddress, 0)) {
      for (const name of Object.keys(req.headers)) if (name.startsWith('x-forwarded-') || name === 'forwarded') delete req.headers[name];
    }
    // oidc-provider reads the path below its mount point, as express's app.use(mount, …) would give it.
    req.url = req.originalUrl.slice(mount.length) || '/';
    callback(req, res);
  };
  return {
    deps,
    routes: [
      identityRouter({
        ...deps,
        provider,
        apiKeys,
        limits: {
          signInPerClient: config.IDENTITY_SIGNIN_PER_CLIENT,
          mailEndpointPerClient: config.IDENTITY_MAIL_ENDPOINT_PER_CLIENT,
          mailEndpointTotal: config.IDENTITY_MAIL_ENDPOINT_TOTAL,
          mailWindowMs: config.IDENTITY_MAIL_WINDOW_MS,
        },
      }),
      partnersRouter({ ...deps, apiKeys }),
      oidc,
    ],
    apiKeys: apiKeyExchange({ apiKeys, privateJwk, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
  };
}
