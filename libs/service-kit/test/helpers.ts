import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose' with { 'resolution-mode': 'import' };
import pino from 'pino';
import { createAuthenticator, ensureDevKeys, type Authenticator } from '../src/auth';
import { logContext } from '../src/logging';

export const ISSUER = 'hangviet-test';
export const AUDIENCE = 'hangviet';

/** A throwaway dev key pair and an authenticator over it, so tests never touch the repo's .local/. */
export async function testKeys(): Promise<{ dir: string; authenticator: Authenticator; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'service-kit-keys-'));
  await ensureDevKeys(dir);
  return {
    dir,
    authenticator: createAuthenticator({ issuer: ISSUER, audience: AUDIENCE, jwksFile: join(dir, 'jwks.json') }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Signs arbitrary claims with the dev key in dir, or with a fresh foreign key when foreign is set. */
export async function signToken(
  dir: string,
  claims: Record<string, unknown>,
  opts: { issuer?: string; audience?: string; exp?: number | string; foreign?: boolean } = {},
): Promise<string> {
  // jose is ESM-only: imported dynamically from this CommonJS module.
  const { generateKeyPair, importJWK, SignJWT } = await import('jose');
  let key: Parameters<InstanceType<typeof SignJWT>['sign']>[0];
  let kid: string;
  if (opts.foreign) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    key = pair.privateKey;
    // Same kid as the real key: only the signature can tell them apart.
    kid = (JSON.parse(readFileSync(join(dir, 'private.jwk'), 'utf8')) as JWK).kid ?? '';
  } else {
    const jwk = JSON.parse(readFileSync(join(dir, 'private.jwk'), 'utf8')) as JWK;
    key = await importJWK(jwk, 'ES256');
    kid = jwk.kid ?? '';
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject(String(claims.sub ?? 'user-1'))
    .setIssuer(opts.issuer ?? ISSUER)
    .setAudience(opts.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(key);
}

/** A logger that keeps its lines in memory, for asserting what was (not) logged. */
export function memoryLogger(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const logger = pino(
    { level: 'debug', base: { service: 'test' }, mixin: logContext },
    { write: (chunk: string) => void chunks.push(chunk) },
  );
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}
