import { chmod, mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCALES, type Locale } from '@hangviet/vn/locale';
import { z } from 'zod';
import { forbidden, unauthenticated, AppError } from './errors';
import { fromRepositoryRoot } from './paths';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

/** `service`: another platform service calling over gRPC; its subject is that service's name. */
export type Role = 'admin' | 'staff' | 'enterprise' | 'partner' | 'service';
export const roles: readonly Role[] = ['admin', 'staff', 'enterprise', 'partner', 'service'];

export interface Principal {
  subject: string;
  roles: Role[];
  businessId?: string;
  partnerId?: string;
  name?: string;
  email?: string;
  locale?: Locale;
}

export interface Authenticator {
  /** Throws AppError unauthenticated: TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED. */
  verify(token: string): Promise<Principal>;
}

export const DEV_KEYS_DIR = '.local/auth';
// The built-in identity's issuer on the local gateway (an OIDC issuer is a URL); production sets AUTH_ISSUER.
export const DEFAULT_ISSUER = 'http://127.0.0.1:8080/oidc';
export const DEFAULT_AUDIENCE = 'hangviet';
const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

/**
 * Tenant ids taken from tokens end up in paths, database keys, idempotency scopes and Location headers:
 * a fixed shape (letters, digits, '-' and '_', at most 64) so `x:approve`, `../p` or 3,000 characters never do.
 */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Subjects: 1–255 characters, no control characters (OIDC subjects are opaque but printable). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const SUBJECT_PATTERN = /^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]{1,255}$/;

const claimsSchema = z
  .object({
    sub: z.string().regex(SUBJECT_PATTERN),
    roles: z.array(z.enum(['admin', 'staff', 'enterprise', 'partner', 'service'])).min(1),
    business_id: z.string().regex(TENANT_ID_PATTERN).optional(),
    partner_id: z.string().regex(TENANT_ID_PATTERN).optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    locale: z.enum(LOCALES).optional(),
  })
  // A scoped role without its scope would be a token that can touch nothing or, worse, be misread.
  .refine((c) => !c.roles.includes('enterprise') || c.business_id !== undefined, { message: 'enterprise needs business_id' })
  .refine((c) => !c.roles.includes('partner') || c.partner_id !== undefined, { message: 'partner needs partner_id' });

type Jose = typeof JoseModule;
// jose 6 is ESM-only; a dynamic import keeps this CommonJS module loadable everywhere.
let josePromise: Promise<Jose> | undefined;
const jose = (): Promise<Jose> => (josePromise ??= import('jose'));

export function createAuthenticator(opts: { issuer: string; audience: string; jwksUrl?: string; jwksFile?: string }): Authenticator {
  type KeySet = Parameters<Jose['jwtVerify']>[1];
  let fileKeys: KeySet | undefined;

  async function keySet(reload: boolean): Promise<KeySet> {
    const { createLocalJWKSet, createRemoteJWKSet } = await jose();
    if (opts.jwksUrl) return (fileKeys ??= createRemoteJWKSet(new URL(opts.jwksUrl)));
    if (!fileKeys || reload) {
      const path = fromRepositoryRoot(opts.jwksFile ?? join(DEV_KEYS_DIR, 'jwks.json'));
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        throw new AppError('unavailable', 'JWKS_UNAVAILABLE', 'The token signing keys are not available.');
      }
      fileKeys = createLocalJWKSet(JSON.parse(text) as JoseModule.JSONWebKeySet);
    }
    return fileKeys;
  }

  async function verifyWith(token: string, reload: boolean) {
    const { jwtVerify } = await jose();
    return jwtVerify(token, await keySet(reload), {
      issuer: opts.issuer,
      audience: opts.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 5,
    });
  }

  return {
    async verify(token) {
      if (!token) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required.');
      const { errors } = await jose();
      let payload: unknown;
      try {
        try {
          ({ payload } = await verifyWith(token, false));
        } catch (err) {
          // The dev key pair may have been re-created since the set was read: read it once more.
          if (!(err instanceof errors.JWKSNoMatchingKey) || opts.jwksUrl) throw err;
          ({ payload } = await verifyWith(token, true));
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (err instanceof errors.JWTExpired) throw unauthenticated('TOKEN_EXPIRED', 'The token has expired.');
        throw unauthenticated('TOKEN_INVALID', 'The token is not valid.');
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw unauthenticated('TOKEN_INVALID', 'The token claims are not valid.');
      const c = claims.data;
      const principal: Principal = { subject: c.sub, roles: [...new Set(c.roles)] };
      if (c.business_id !== undefined) principal.businessId = c.business_id;
      if (c.partner_id !== undefined) principal.partnerId = c.partner_id;
      if (c.name !== undefined) principal.name = c.name;
      if (c.email !== undefined) principal.email = c.email;
      if (c.locale !== undefined) principal.locale = c.locale;
      return principal;
    },
  };
}

/** Extracts the token from an `Authorization: Bearer …` value; undefined when absent, throws when malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

export function isStaff(p?: Principal): boolean {
  return !!p && (p.roles.includes('admin') || p.roles.includes('staff'));
}

/** Exactly the listed roles pass (admin is not implied): no principal → 401, other roles → 403 ROLE_REQUIRED. */
export function requireRole(p: Principal | undefined, ...required: Role[]): Principal {
  if (!p) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required.');
  if (!required.some((role) => p.roles.includes(role))) {
    throw forbidden('ROLE_REQUIRED', `This action needs one of the roles: ${required.join(', ')}.`, { roles: required.join(',') });
  }
  return p;
}

/** Staff and admins reach every business; an enterprise only its own. */
export function requireBusinessAccess(p: Principal | undefined, businessId: string): Principal {
  if (!p) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required.');
  if (isStaff(p)) return p;
  if (p.roles.includes('enterprise') && p.businessId === businessId) return p;
  throw forbidden('NOT_OWNER', 'This business belongs to someone else.', { businessId });
}

/** Creates the dev ES256 key pair (private.jwk, mode 0600, and the public jwks.json) unless present. */
export async function ensureDevKeys(dir = DEV_KEYS_DIR): Promise<void> {
  const root = fromRepositoryRoot(dir);
  const privatePath = join(root, 'private.jwk');
  const jwksPath = join(root, 'jwks.json');
  if (await exists(jwksPath)) return;
  // Only the key directory is private: its parents (e.g. .local, shared with other tools) keep the default mode.
  await mkdir(dirname(root), { recursive: true });
  await mkdir(root, { recursive: true, mode: 0o700 });
  let handle;
  try {
    // Exclusive create: when two processes race, exactly one writes the pair.
    handle = await open(privatePath, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await waitFor(jwksPath);
    return;
  }
  try {
    const { generateKeyPair, exportJWK, calculateJwkThumbprint } = await jose();
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await handle.writeFile(JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' }, null, 2) + '\n');
    await handle.close();
    handle = undefined;
    await chmod(privatePath, 0o600);
    // jwks.json appears atomically and last: its presence means the pair is complete.
    const tmp = `${jwksPath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] }, null, 2) + '\n', { mode: 0o644 });
    await rename(tmp, jwksPath);
  } finally {
    await handle?.close();
  }
}

export interface DevTokenClaims {
  role: Role;
  businessId?: string;
  partnerId?: string;
  subject?: string;
  /** The calling service's name, for role `service` (its subject). */
  service?: string;
  /** jose time span, e.g. '1h', '15m'; default '1h'. */
  expiresIn?: string;
  name?: string;
  email?: string;
  issuer?: string;
  audience?: string;
}

/** Signs a token with the dev private key (created when missing). For local use and tests only. */
export async function mintDevToken(claims: DevTokenClaims, dir = DEV_KEYS_DIR): Promise<string> {
  if (!roles.includes(claims.role)) throw new Error(`unknown role '${claims.role}' (expected ${roles.join(', ')})`);
  if (claims.role === 'enterprise' && !claims.businessId) throw new Error('an enterprise token needs a business id');
  if (claims.role === 'partner' && !claims.partnerId) throw new Error('a partner token needs a partner id');
  if (claims.role === 'service' && !claims.service && !claims.subject) throw new Error('a service token needs the service name');
  await ensureDevKeys(dir);
  const { importJWK, SignJWT } = await jose();
  const jwk = JSON.parse(await readFile(join(fromRepositoryRoot(dir), 'private.jwk'), 'utf8')) as JoseModule.JWK;
  const key = await importJWK(jwk, 'ES256');
  const payload: Record<string, unknown> = { roles: [claims.role] };
  if (claims.businessId) payload.business_id = claims.businessId;
  if (claims.partnerId) payload.partner_id = claims.partnerId;
  if (claims.name) payload.name = claims.name;
  if (claims.email) payload.email = claims.email;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? '', typ: 'JWT' })
    .setSubject(claims.subject ?? devSubject(claims))
    .setIssuer(claims.issuer || process.env.AUTH_ISSUER || DEFAULT_ISSUER)
    .setAudience(claims.audience || process.env.AUTH_AUDIENCE || DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(key);
}

/**
 * Each development identity its own subject: one per business or partner, and a fresh one per staff/admin
 * token, so no two tenants ever share an owner, an idempotency scope or an audit name (issue 12, item 6).
 * A service token's subject is the calling service's name.
 */
function devSubject(claims: DevTokenClaims): string {
  if (claims.role === 'service') return claims.service ?? 'unknown-service';
  const tenant = claims.businessId ?? claims.partnerId;
  return tenant ? `dev-${claims.role}-${tenant}` : `dev-${claims.role}-${randomUUID().slice(0, 8)}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(path: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await exists(path))) {
    if (Date.now() > until) throw new Error(`${path} did not appear: a half-written dev key pair? delete the folder and retry`);
    await sleep(25);
  }
}
