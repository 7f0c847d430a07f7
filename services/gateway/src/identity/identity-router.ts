// The identity's HTTP surface beside the OIDC endpoints (/oidc/*): the sign-in form's submission (the
// console renders the form at /signin/<uid>; the interaction cookie is scoped to that path), sign-up,
// e-mail verification, password reset, and partners' API keys (admin only; the key is shown once).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { Model } from 'mongoose';
import type * as Oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import { AppError, parse, rateLimit, roleGuard, type RateLimitRule } from '@hangviet/service-kit';
import { z } from 'zod';
import type { ApiKeyDocument } from './account-model';
import { authenticate, requestPasswordReset, resetPassword, signUp, verifyEmail, type AccountsDeps } from './accounts';
import { API_RESOURCE, API_SCOPE } from './provider';

const signUpBody = z.object({
  email: z.string().max(254),
  password: z.string().max(256),
  name: z.string().max(200).default(''),
  locale: z.enum(['vi', 'en']).default('vi'),
});
const tokenBody = z.object({ token: z.string().min(1).max(200) });
const resetBody = z.object({ token: z.string().min(1).max(200), password: z.string().max(256) });
const emailBody = z.object({ email: z.string().max(254) });
const loginForm = z.object({ email: z.string().max(254), password: z.string().max(256) });
const apiKeyBody = z.object({ partnerId: z.string().min(1).max(100), name: z.string().max(200).default('') });

export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export interface IdentityLimits {
  signInPerClient: number;
  mailEndpointPerClient: number;
  mailEndpointTotal: number;
  mailWindowMs: number;
}

const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export function identityRouter(deps: AccountsDeps & { provider: Oidc.default; apiKeys: Model<ApiKeyDocument>; limits: IdentityLimits }): Router {
  const router = Router();
  const { limits } = deps;
  // Endpoints that mail: per client address, and in all (a ceiling on the mail the identity sends).
  const mailing = (endpoint: string) =>
    rateLimit(deps.throttles, [
      { name: `${endpoint}-per-client`, limit: limits.mailEndpointPerClient, windowMs: limits.mailWindowMs, key: clientOf },
      { name: `${endpoint}-total`, limit: limits.mailEndpointTotal, windowMs: limits.mailWindowMs, key: () => 'all' },
    ] satisfies RateLimitRule[]);
  const signInFlood = rateLimit(deps.throttles, [{ name: 'signin-per-client', limit: limits.signInPerClient, windowMs: 60_000, key: clientOf }]);

  router.post('/signin/:uid/login', express.urlencoded({ extended: false, limit: '4kb' }), async (req: Request, res: Response) => {
    const uid = encodeURIComponent(String(req.params.uid));
    const form = loginForm.safeParse(req.body);
    if (!form.success) return res.redirect(303, `/signin/${uid}?error=CREDENTIALS_INVALID`);
    let accountId: string;
    try {
      // The shared limiter throws its 429 (an async middleware): run it here so the form gets its redirect.
      await new Promise<void>((resolve, reject) => {
        Promise.resolve(signInFlood(req, res, (err?: unknown) => (err ? reject(err) : resolve()))).catch(reject);
      });
      accountId = (await authenticate(deps, form.data.email, form.data.password, clientOf(req)))._id;
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'unauthenticated' || err.kind === 'too_many_requests')) {
        return res.redirect(303, `/signin/${uid}?error=${err.code}&email=${encodeURIComponent(form.data.email)}`);
      }
      throw err;
    }
    const details = await deps.provider.interactionDetails(req, res);
    // First-party console: the grant is given with the sign-in, no separate consent page.
    const grant = details.grantId ? await deps.provider.Grant.find(details.grantId) : new deps.provider.Grant({ accountId, clientId: details.params.client_id as string });
    if (!grant) throw new AppError('failed_precondition', 'INTERACTION_EXPIRED', 'The sign-in took too long; start again.');
    grant.addOIDCScope('openid profile email');
    grant.addResourceScope(API_RESOURCE, API_SCOPE);
    const grantId = await grant.save();
    await deps.provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  });

  router.post('/identity/v1/accounts', mailing('signup'), async (req, res) => {
    const body = parse(signUpBody, req.body);
    const { id } = await signUp(deps, body);
    res.status(201).json({ id, email: body.email.trim().toLowerCase(), emailVerified: false });
  });
  router.post('/identity/v1/accounts\\:verifyEmail', async (req, res) => {
    await verifyEmail(deps, parse(tokenBody, req.body).token);
    res.status(204).end();
  });
  router.post('/identity/v1/password-resets', mailing('password-reset'), async (req, res) => {
    await requestPasswordReset(deps, parse(emailBody, req.body).email);
    res.status(202).json({ status: 'sent if the address has an account' });
  });
  router.post('/identity/v1/password-resets\\:complete', async (req, res) => {
    const body = parse(resetBody, req.body);
    await resetPassword(deps, body.token, body.password);
    res.status(204).end();
  });

  router.post('/identity/v1/api-keys', roleGuard('admin'), async (req, res) => {
    const body = parse(apiKeyBody, req.body);
    const key = `hvk_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await deps.apiKeys.create({ _id: id, keyHash: apiKeyHash(key), partnerId: body.partnerId, name: body.name, createdBy: req.principal!.subject });
    res.status(201).json({ id, partnerId: body.partnerId, name: body.name, key });
  });
  router.post('/identity/v1/api-keys/:id\\:revoke', roleGuard('admin'), async (req, res) => {
    const done = await deps.apiKeys.updateOne({ _id: String(req.params.id) }, { $set: { revoked: true } });
    if (done.matchedCount === 0) throw new AppError('not_found', 'API_KEY_NOT_FOUND', 'No such API key.');
    res.status(204).end();
  });
  return router;
}
