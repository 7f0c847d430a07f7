// REST under /v1: inbox, notification preferences, partner webhook endpoints. Each route parses
// its input, checks who may do it, and calls one use case; the error handler maps AppErrors.
import { forbidden, idempotent, isStaff, pageTokenSchema, parse, plausibleDateTime, resourcePath, requireRole, type IdempotencyStore, type Principal } from '@hangviet/service-kit';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@hangviet/service-kit/paging';
import { LOCALES } from '@hangviet/vn/locale';
import { CHANNELS, isClockTime } from '../../domain/preferences';
import { createWebhookEndpoint } from '../../application/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '../../application/delete-webhook-endpoint';
import { disableWebhookEndpoint } from '../../application/disable-webhook-endpoint';
import { enableWebhookEndpoint } from '../../application/enable-webhook-endpoint';
import { getPreferences } from '../../application/get-preferences';
import { getWebhookEndpoint } from '../../application/get-webhook-endpoint';
import { listInbox } from '../../application/list-inbox';
import { listOperationalEvents } from '../../application/list-operational-events';
import { listWebhookAttempts } from '../../application/list-webhook-attempts';
import { listWebhookEndpoints } from '../../application/list-webhook-endpoints';
import { listWebhookMessages } from '../../application/list-webhook-messages';
import { markInboxMessageRead } from '../../application/mark-inbox-message-read';
import type { NotificationDeps } from '../../application/ports';
import { recoverWebhookMessages } from '../../application/recover-webhook-messages';
import { replayWebhookMessage } from '../../application/replay-webhook-message';
import { sendTestWebhook } from '../../application/send-test-webhook';
import { revealWebhookSecret } from '../../application/reveal-webhook-secret';
import { rotateWebhookSecret } from '../../application/rotate-webhook-secret';
import { updatePreferences, type PreferencesPatch } from '../../application/update-preferences';
import { updateWebhookEndpoint } from '../../application/update-webhook-endpoint';
import { grantPartnerScopes, readPartnerScopes } from '../../application/partner-scopes';
import { PARTNER_SCOPES } from '@hangviet/events';

export const pageQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  pageToken: pageTokenSchema.optional(),
});

const pageOf = (q: { pageSize: number; pageToken?: string | undefined }) => ({ pageSize: q.pageSize, ...(q.pageToken ? { pageToken: q.pageToken } : {}) });

export const inboxQuery = pageQuery.extend({
  businessId: z.string().min(1).max(64).optional(),
  unreadOnly: z.enum(['true', 'false']).optional(),
});

const quietHours = z.object({
  start: z.string().refine(isClockTime, { error: 'expected HH:mm (24-hour)' }),
  end: z.string().refine(isClockTime, { error: 'expected HH:mm (24-hour)' }),
});

export const preferencesBody = z
  .object({
    channels: z.object(Object.fromEntries(CHANNELS.map((c) => [c, z.boolean().optional()]))).strict().optional(),
    locale: z.enum(LOCALES).nullable().optional(),
    phone: z
      .string()
      .regex(/^\+84[35789]\d{8}$/, { error: 'expected a Vietnamese mobile number in E.164, e.g. +84912345678' })
      .nullable()
      .optional(),
    smsQuietHours: quietHours.nullable().optional(),
  })
  .strict();

const webhookUrl = z.string().min(1).max(2000);
const eventTypes = z.array(z.string().max(200)).max(50);
export const endpointBody = z
  .object({ url: webhookUrl, eventTypes: eventTypes.min(1, { error: 'subscribe to at least one event type pattern' }), description: z.string().max(500).optional() })
  .strict();
export const endpointPatch = z
  .object({ url: webhookUrl.optional(), eventTypes: eventTypes.min(1).optional(), description: z.string().max(500).optional() })
  .strict();
export const rotateBody = z.object({ overlapSeconds: z.number().int().min(0).max(7 * 24 * 3600).optional() }).strict();
export const recoverBody = z.object({ since: plausibleDateTime(), until: plausibleDateTime().optional() }).strict();
export const messagesQuery = pageQuery.extend({ status: z.enum(['pending', 'delivered', 'exhausted']).optional() });
export const attemptsQuery = pageQuery.extend({ messageId: z.string().max(100).optional() });
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'not a valid id' }) });
const messageParams = idParam.extend({ messageId: z.string().regex(/^msg_[A-Za-z0-9_-]{1,100}$/, { error: 'not a message id' }) });

function signedIn(req: Request): Principal {
  return requireRole(req.principal, 'admin', 'staff', 'enterprise', 'partner');
}

/**
 * The inbox/preferences key of the caller: its business, or (staff) a business named in the query, or itself.
 * A business's inbox and preferences are its owner's in the registry, not whoever's token names it.
 */
async function recipientKeyFor(deps: NotificationDeps, principal: Principal, businessId: string | undefined): Promise<string> {
  if (businessId) {
    await deps.businesses.assertOwns(principal, businessId);
    return `business:${businessId}`;
  }
  if (principal.roles.includes('enterprise') && principal.businessId) {
    await deps.businesses.assertOwns(principal, principal.businessId);
    return `business:${principal.businessId}`;
  }
  if (isStaff(principal) && principal.email) return `staff:${principal.email.toLowerCase()}`;
  throw forbidden('RECIPIENT_UNKNOWN', 'Name a businessId: this token carries neither a business nor an e-mail address.');
}

const webhookManager = (req: Request) => requireRole(req.principal, 'partner', 'staff', 'admin');

export function notificationRouter(deps: NotificationDeps, idempotency: IdempotencyStore): Router {
  const r = Router();

  r.get('/v1/inbox', async (req, res) => {
    const principal = signedIn(req);
    const q = parse(inboxQuery, req.query, 'query');
    const key = await recipientKeyFor(deps, principal, q.businessId);
    res.json(await listInbox(deps, { recipientKey: key, unreadOnly: q.unreadOnly === 'true', page: pageOf(q) }));
  });

  r.post('/v1/inbox/:id\\:markRead', async (req, res) => {
    const principal = signedIn(req);
    const { id } = parse(idParam, req.params, 'params');
    const q = parse(z.object({ businessId: z.string().min(1).max(64).optional() }), req.query, 'query');
    res.json(await markInboxMessageRead(deps, { recipientKey: await recipientKeyFor(deps, principal, q.businessId), id }));
  });

  r.get('/v1/businesses/:businessId/notification-preferences', async (req, res) => {
    const principal = signedIn(req);
    const businessId = String(req.params.businessId);
    res.json(await getPreferences(deps, { recipientKey: await recipientKeyFor(deps, principal, businessId) }));
  });

  r.patch('/v1/businesses/:businessId/notification-preferences', async (req, res) => {
    const principal = signedIn(req);
    const key = await recipientKeyFor(deps, principal, String(req.params.businessId));
    const body = parse(preferencesBody, req.body ?? {}, 'body');
    res.json(await updatePreferences(deps, { recipientKey: key, patch: body as PreferencesPatch }));
  });

  const partnerParam = z.object({ partnerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a partner id') });
  const grantView = (g: { partnerId: string; scopes: readonly string[]; updatedBy?: string; updateTime?: Date }) => ({
    partnerId: g.partnerId,
    scopes: g.scopes,
    ...(g.updatedBy ? { updatedBy: g.updatedBy } : {}),
    ...(g.updateTime ? { updateTime: g.updateTime.toISOString() } : {}),
  });
  r.get('/v1/partners/:partnerId/scopes', async (req, res) => {
    const { partnerId } = parse(partnerParam, req.params, 'params');
    res.json(grantView(await readPartnerScopes(deps, req.principal, partnerId)));
  });
  r.put('/v1/partners/:partnerId/scopes', async (req, res) => {
    const { partnerId } = parse(partnerParam, req.params, 'params');
    const body = parse(z.strictObject({ scopes: z.array(z.enum(PARTNER_SCOPES)).max(PARTNER_SCOPES.length) }), req.body ?? {}, 'body');
    res.json(grantView(await grantPartnerScopes(deps, req.principal, partnerId, body.scopes)));
  });

  r.post('/v1/webhook-endpoints', idempotent(idempotency), async (req, res) => {
    const principal = webhookManager(req);
    const body = parse(endpointBody, req.body ?? {}, 'body');
    const created = await createWebhookEndpoint(deps, { principal, ...body });
    res.status(201).location(resourcePath('/v1/webhook-endpoints', created.endpoint.id)).json({ ...created.endpoint, secret: created.secret });
  });

  r.get('/v1/webhook-endpoints', async (req, res) => {
    const principal = webhookManager(req);
    const q = parse(pageQuery, req.query, 'query');
    res.json(await listWebhookEndpoints(deps, { principal, page: pageOf(q) }));
  });

  r.get('/v1/webhook-endpoints/:id', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    res.json(await getWebhookEndpoint(deps, { principal, id }));
  });

  r.patch('/v1/webhook-endpoints/:id', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const body = parse(endpointPatch, req.body ?? {}, 'body');
    res.json(await updateWebhookEndpoint(deps, { principal, id, patch: body }));
  });

  r.delete('/v1/webhook-endpoints/:id', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    await deleteWebhookEndpoint(deps, { principal, id });
    res.status(204).end();
  });

  r.post('/v1/webhook-endpoints/:id\\:disable', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    res.json(await disableWebhookEndpoint(deps, { principal, id }));
  });

  r.post('/v1/webhook-endpoints/:id\\:enable', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    res.json(await enableWebhookEndpoint(deps, { principal, id }));
  });

  r.post('/v1/webhook-endpoints/:id\\:rotateSecret', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const body = parse(rotateBody, req.body ?? {}, 'body');
    res.json(await rotateWebhookSecret(deps, { principal, id, ...(body.overlapSeconds === undefined ? {} : { overlapMs: body.overlapSeconds * 1000 }) }));
  });

  r.get('/v1/webhook-endpoints/:id/secret', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    res.set('cache-control', 'no-store').json(await revealWebhookSecret(deps, { principal, id }));
  });

  r.post('/v1/webhook-endpoints/:id\\:sendTest', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    res.status(202).json(await sendTestWebhook(deps, { principal, id }));
  });

  r.post('/v1/webhook-endpoints/:id\\:recover', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const body = parse(recoverBody, req.body ?? {}, 'body');
    res.json(await recoverWebhookMessages(deps, { principal, id, since: body.since, ...(body.until ? { until: body.until } : {}) }));
  });

  r.get('/v1/webhook-endpoints/:id/attempts', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const q = parse(attemptsQuery, req.query, 'query');
    res.json(await listWebhookAttempts(deps, { principal, id, page: pageOf(q), ...(q.messageId ? { messageId: q.messageId } : {}) }));
  });

  r.get('/v1/webhook-endpoints/:id/messages', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const q = parse(messagesQuery, req.query, 'query');
    res.json(await listWebhookMessages(deps, { principal, id, page: pageOf(q), ...(q.status ? { status: q.status } : {}) }));
  });

  r.post('/v1/webhook-endpoints/:id/messages/:messageId\\:replay', async (req, res) => {
    const principal = webhookManager(req);
    const { id, messageId } = parse(messageParams, req.params, 'params');
    res.json(await replayWebhookMessage(deps, { principal, id, messageId }));
  });

  r.get('/v1/webhook-endpoints/:id/operational-events', async (req, res) => {
    const principal = webhookManager(req);
    const { id } = parse(idParam, req.params, 'params');
    const q = parse(pageQuery, req.query, 'query');
    res.json(await listOperationalEvents(deps, { principal, id, page: pageOf(q) }));
  });

  return r;
}
