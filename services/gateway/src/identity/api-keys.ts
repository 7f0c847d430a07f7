// Partners call /v1 with `X-Api-Key: hvk_…` instead of a bearer token: the key is looked up by its
// sha256 (keys are stored hashed) and exchanged, for this request only, for a short-lived platform JWT
// with the partner role, which the services verify as any other token.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Model } from 'mongoose';
import { unauthenticated } from '@hangviet/service-kit/errors';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import type { ApiKeyDocument } from './account-model';
import { apiKeyHash } from './identity-router';

export function apiKeyExchange(opts: {
  apiKeys: Model<ApiKeyDocument>;
  privateJwk: JoseModule.JWK;
  issuer: string;
  audience: string;
}): RequestHandler {
  let key: ReturnType<typeof JoseModule.importJWK> | undefined;
  return async (req: Request, _res: Response, next: NextFunction) => {
    const presented = req.get('x-api-key');
    if (presented === undefined) return next();
    if (req.principal) return next(unauthenticated('CREDENTIALS_AMBIGUOUS', 'Send either a bearer token or an API key, not both.'));
    const record = await opts.apiKeys.findOne({ keyHash: apiKeyHash(presented), revoked: false }).lean();
    if (!record) return next(unauthenticated('API_KEY_INVALID', 'The API key is not valid.'));
    const { importJWK, SignJWT } = await import('jose');
    key ??= importJWK(opts.privateJwk, 'ES256');
    const token = await new SignJWT({ roles: ['partner'], partner_id: record.partnerId })
      .setProtectedHeader({ alg: 'ES256', kid: opts.privateJwk.kid ?? '', typ: 'JWT' })
      .setSubject(`partner:${record.partnerId}:${record._id}`)
      .setIssuer(opts.issuer)
      .setAudience(opts.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await key);
    req.principal = { subject: `partner:${record.partnerId}:${record._id}`, roles: ['partner'], partnerId: record.partnerId };
    req.headers.authorization = `Bearer ${token}`;
    delete req.headers['x-api-key'];
    next();
  };
}
