// Signed verification tokens for the QR codes: compact JWS, ES256 (jose). The key pair comes from
// QR_SIGNING_JWK (production: a private JWK from the secret store) or, for development, a pair created
// under .local/ like the platform's auth keys. The public half is served at /.well-known/jwks.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDevKeys, fromRepositoryRoot } from '@hangviet/service-kit';
import { z } from 'zod';
import type { QrSigner, VerificationClaims } from '../application/ports';
import { SCHEMES } from '../domain/certificate';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

type Jose = typeof JoseModule;
// jose 6 is ESM-only; a dynamic import keeps this CommonJS module loadable.
let josePromise: Promise<Jose> | undefined;
const jose = (): Promise<Jose> => (josePromise ??= import('jose'));

const claimsSchema = z
  .object({
    number: z.string().min(1),
    productId: z.string(),
    businessId: z.string().min(1),
    scheme: z.enum(SCHEMES),
    stars: z.number().int().min(0).max(5),
    validFrom: z.string(),
    validUntil: z.string(),
  })
  .strict();

interface PrivateJwk extends JoseModule.JWK {
  kid: string;
}

export async function createQrSigner(opts: { privateJwk?: string; devKeysDir: string }): Promise<QrSigner> {
  const { CompactSign, compactVerify, importJWK } = await jose();
  let jwk: PrivateJwk;
  if (opts.privateJwk) {
    jwk = JSON.parse(opts.privateJwk) as PrivateJwk;
  } else {
    await ensureDevKeys(opts.devKeysDir);
    jwk = JSON.parse(await readFile(join(fromRepositoryRoot(opts.devKeysDir), 'private.jwk'), 'utf8')) as PrivateJwk;
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error('the QR signing key must be a private EC P-256 JWK (ES256)');
  const { d: _secret, key_ops: _ops, ...publicJwk } = jwk;
  const kid = jwk.kid ?? 'qr';
  const privateKey = await importJWK(jwk, 'ES256');
  const publicKey = await importJWK(publicJwk, 'ES256');
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  return {
    async sign(claims: VerificationClaims): Promise<string> {
      return new CompactSign(encoder.encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'ES256', kid, typ: 'hangviet-cert+jws' }).sign(privateKey);
    },
    async verify(token: string) {
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return { reason: 'MALFORMED' };
      let payload: Uint8Array;
      try {
        ({ payload } = await compactVerify(token, publicKey, { algorithms: ['ES256'] }));
      } catch {
        return { reason: 'SIGNATURE_INVALID' };
      }
      const parsed = claimsSchema.safeParse(JSON.parse(decoder.decode(payload)));
      return parsed.success ? { claims: parsed.data } : { reason: 'CLAIMS_INVALID' };
    },
    async jwks() {
      return { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };
    },
  };
}
