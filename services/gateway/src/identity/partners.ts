// Partner accounts (issue 22, item 4): staff invite a partner organisation's user — no self sign-up. The
// account has the `partner` role and the organisation's `partnerId` (the `partner_id` claim the services read);
// the invitation mails a link to choose the password (the reset flow: following it also proves the address).
// Partners manage their own API keys here (issued, shown once, revoked); staff list partners and their keys.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Router } from 'express';
import type { Model } from 'mongoose';
import { forbidden, isDuplicateKey, notFound, parse, roleGuard, TENANT_ID_PATTERN } from '@hangviet/service-kit';
import { conflict } from '@hangviet/service-kit/errors';
import { z } from 'zod';
import type { AccountDocument, ApiKeyDocument } from './account-model';
import { tokenHash, type AccountsDeps } from './accounts';
import { apiKeyHash } from './identity-router';

/** An invitation link lives a week: partners are organisations, slower to act than a password reset. */
const INVITE_TTL_MS = 7 * 24 * 3600_000;

const inviteBody = z.strictObject({
  partnerId: z.string().regex(TENANT_ID_PATTERN, 'letters, digits, - and _ (1–64)'),
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  locale: z.enum(['vi', 'en']).default('vi'),
});
const keyBody = z.strictObject({ name: z.string().trim().max(200).default(''), partnerId: z.string().regex(TENANT_ID_PATTERN).optional() });
const keysQuery = z.strictObject({ partnerId: z.string().regex(TENANT_ID_PATTERN).optional() });

const partnerView = (a: Pick<AccountDocument, '_id' | 'email' | 'name' | 'partnerId' | 'emailVerified' | 'createdAt'>) => ({
  id: a._id, email: a.email, name: a.name, partnerId: a.partnerId, active: a.emailVerified, createTime: a.createdAt?.toISOString(),
});
const keyView = (k: ApiKeyDocument) => ({ id: k._id, partnerId: k.partnerId, name: k.name, revoked: k.revoked, createTime: k.createdAt?.toISOString() });

export function partnersRouter(deps: AccountsDeps & { apiKeys: Model<ApiKeyDocument> }): Router {
  const router = Router();
  const staff = roleGuard('staff', 'admin');

  router.post('/identity/v1/partners', staff, async (req, res) => {
    const body = parse(inviteBody, req.body);
    const token = randomBytes(32).toString('base64url');
    const email = body.email.trim().toLowerCase();
    const id = randomUUID();
    try {
      await deps.accounts.create({
        _id: id, email, name: body.name, roles: ['partner'], partnerId: body.partnerId, locale: body.locale,
        // Unusable until the invitee chooses a password through the mailed link.
        passwordHash: await hash(randomBytes(32).toString('base64url')),
        resetTokenHash: tokenHash(token),
        resetExpires: new Date(deps.now().getTime() + INVITE_TTL_MS),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('EMAIL_TAKEN', 'An account with this e-mail address exists.');
      throw err;
    }
    await deps.mailer.send(email, body.locale, 'invite', `${deps.publicUrl}/reset-password?token=${token}`);
    res.status(201).json({ id, email, name: body.name, partnerId: body.partnerId, active: false });
  });

  router.get('/identity/v1/partners', staff, async (_req, res) => {
    const accounts = await deps.accounts.find({ roles: 'partner' }).sort({ createdAt: -1 }).limit(500).lean();
    res.json({ items: accounts.map(partnerView) });
  });

  // A partner's own keys; staff name the partner.
  const ownerOf = (principal: { roles: string[]; partnerId?: string } | undefined, asked?: string): string => {
    if (principal?.roles.includes('partner')) {
      if (asked !== undefined && asked !== principal.partnerId) throw forbidden('NOT_OWNER', 'A partner manages only its own API keys.');
      return principal.partnerId!;
    }
    if (!asked) throw forbidden('PARTNER_REQUIRED', 'Name the partner (partnerId).');
    return asked;
  };

  router.get('/identity/v1/api-keys', roleGuard('partner', 'staff', 'admin'), async (req, res) => {
    const partnerId = ownerOf(req.principal, parse(keysQuery, req.query, 'query').partnerId);
    const keys = await deps.apiKeys.find({ partnerId }).sort({ createdAt: -1 }).limit(200).lean();
    res.json({ items: keys.map(keyView) });
  });

  router.post('/identity/v1/partner-api-keys', roleGuard('partner', 'admin'), async (req, res) => {
    const body = parse(keyBody, req.body ?? {});
    const partnerId = ownerOf(req.principal, body.partnerId);
    const key = `hvk_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await deps.apiKeys.create({ _id: id, keyHash: apiKeyHash(key), partnerId, name: body.name, createdBy: req.principal!.subject });
    // The key itself only in this answer: it is stored as its hash.
    res.status(201).json({ id, partnerId, name: body.name, key });
  });

  router.post('/identity/v1/partner-api-keys/:id\\:revoke', roleGuard('partner', 'admin'), async (req, res) => {
    const filter: Record<string, unknown> = { _id: String(req.params.id) };
    if (req.principal!.roles.includes('partner')) filter.partnerId = req.principal!.partnerId;
    const done = await deps.apiKeys.updateOne(filter, { $set: { revoked: true } });
    if (done.matchedCount === 0) throw notFound('API_KEY_NOT_FOUND', 'No such API key.');
    res.status(204).end();
  });

  return router;
}
