// Who a service is when it calls another over gRPC: a bearer token source, handed explicitly to each client
// (the service host gives every service its own as `host.identity`), never a process-wide setting, so two
// services started in one process (tests) each call as themselves.
import type { BaseConfig } from '../config';
import { dirname } from 'node:path';
import { mintDevToken } from '../auth';

/** Gives the bearer token a client sends; undefined sends none. */
export type TokenSource = () => Promise<string | undefined>;

/** A cached token source over a mint function, refreshed a while before it expires. */
export function cachedTokenSource(mint: () => Promise<string>, lifetimeMs = 50 * 60 * 1000): TokenSource {
  let current: { token: Promise<string>; until: number } | undefined;
  return async () => {
    if (!current || Date.now() >= current.until) {
      const token = mint();
      current = { token, until: Date.now() + lifetimeMs };
      token.catch(() => (current = undefined));
    }
    return current.token;
  };
}

/**
 * The token a service sends on its gRPC calls: SERVICE_TOKEN when given (production), else outside production
 * one minted from the dev signing key beside AUTH_JWKS_FILE (role `service`, subject = name); else none.
 */
export function serviceIdentity(name: string, base: BaseConfig): TokenSource | undefined {
  if (base.SERVICE_TOKEN) {
    const token = base.SERVICE_TOKEN;
    return async () => token;
  }
  if (base.NODE_ENV === 'production' || base.AUTH_JWKS_URL) return undefined;
  const keysDir = dirname(base.AUTH_JWKS_FILE);
  return cachedTokenSource(() =>
    mintDevToken({ role: 'service', service: name, issuer: base.AUTH_ISSUER, audience: base.AUTH_AUDIENCE, expiresIn: '1h' }, keysDir),
  );
}
