// The OpenAPI 3.1 document of the notification REST API, served at /v1/openapi.json like the registry's.
// Request schemas come from the zod schemas the routes validate with; openapi.test.ts checks the route list.
import { PARTNER_SCOPES } from '@hangviet/events';
import type { Router } from 'express';
import type { z } from 'zod';
import { endpointBody, endpointPatch, inboxQuery, messagesQuery, attemptsQuery, pageQuery, preferencesBody, recoverBody, rotateBody } from './routes';
import { openApiDocument as document, openApiRouter as documentRouter, problemResponse as problem, queryParameters as queryOf, ref, requestBody, type Json } from '@hangviet/service-kit';

const json = (schema: Json, description = 'OK'): Json => ({ description, content: { 'application/json': { schema } } });
const list = (item: Json, extra: Json = {}): Json =>
  json({ type: 'object', required: ['items', 'nextPageToken'], properties: { items: { type: 'array', items: item }, nextPageToken: { type: 'string' }, ...extra } });
const body = (schema: z.ZodType, required = true): Json => requestBody(schema, { required });
const path = (name: string, pattern?: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string', ...(pattern ? { pattern } : {}) } });
const id = path('id', '^[A-Za-z0-9_-]{1,100}$');

const bearer = [{ bearer: [] }];

/** What every operation may answer: the shared pipeline (service-kit) and the role and ownership checks. */
function responses(ok: Record<string, Json>, opts: { body?: boolean; conflicts?: string } = {}): Json {
  return {
    ...ok,
    '400': problem('PATH_ENCODING_INVALID, CONTENT_ENCODING_INVALID, MALFORMED_JSON'),
    '401': problem('TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED'),
    '403': problem('ROLE_REQUIRED, NOT_OWNER, RECIPIENT_UNKNOWN'),
    '404': problem('Not found (or not yours: ids are not probed)'),
    '409': problem(opts.conflicts ?? 'Conflicts with the current state (WEBHOOK_ENDPOINT_ALREADY_DISABLED, WEBHOOK_ENDPOINT_DISABLED, IDEMPOTENCY_IN_FLIGHT, …)'),
    ...(opts.body ? { '413': problem('PAYLOAD_TOO_LARGE'), '415': problem('UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ENCODING') } : {}),
    '422': problem('VALIDATION_FAILED: errors[] names each field (PAGE_TOKEN_INVALID, EVENT_TYPE_UNKNOWN, …)'),
    '429': { ...problem('RATE_LIMITED'), headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } },
  };
}

const op = (operationId: string, summary: string, tag: string, extra: Json): Json => ({ operationId, summary, tags: [tag], security: bearer, ...extra });

export function openApiDocument(): Json {
  const obj = { type: 'object' };
  const endpoint = ref('WebhookEndpoint');
  return document({
    title: 'hangviet notification',
    description:
      'Inboxes, notification preferences, partner webhook endpoints (Standard Webhooks) and partner scopes. Errors are RFC 9457 problem+json with a stable `code`.',
    schemas: {
      WebhookEndpoint: {
        type: 'object',
        required: ['id', 'url', 'eventTypes', 'status'],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          description: { type: 'string' },
          eventTypes: { type: 'array', items: { type: 'string' } },
          status: { type: 'string' },
          owner: { type: 'string' },
          disabledReason: { type: 'string' },
          failingSince: { type: 'string', format: 'date-time' },
          createTime: { type: 'string', format: 'date-time' },
          updateTime: { type: 'string', format: 'date-time' },
        },
      },
      PartnerScopes: {
        type: 'object',
        required: ['partnerId', 'scopes'],
        properties: {
          partnerId: { type: 'string' },
          scopes: { type: 'array', items: { enum: [...PARTNER_SCOPES] } },
          updatedBy: { type: 'string' },
          updateTime: { type: 'string', format: 'date-time' },
        },
      },
    },
    paths: {
      '/v1/inbox': { get: op('listInbox', "The caller's inbox (an enterprise: its business's; staff: a businessId or its own)", 'inbox', { parameters: queryOf(inboxQuery), responses: responses({ '200': list(obj, { unreadCount: { type: 'integer' } }) }) }) },
      '/v1/inbox/{id}:markRead': {
        post: op('markInboxMessageRead', 'Mark a message read (idempotent)', 'inbox', {
          parameters: [id, { name: 'businessId', in: 'query', required: false, schema: { type: 'string', maxLength: 64 } }],
          responses: responses({ '200': json(obj) }),
        }),
      },
      '/v1/businesses/{businessId}/notification-preferences': {
        get: op('getNotificationPreferences', "A business's channels, locale, phone and SMS quiet hours", 'preferences', { parameters: [path('businessId')], responses: responses({ '200': json(obj) }) }),
        patch: op('updateNotificationPreferences', 'Change them; null clears', 'preferences', { parameters: [path('businessId')], requestBody: body(preferencesBody), responses: responses({ '200': json(obj) }, { body: true }) }),
      },
      '/v1/partners/{partnerId}/scopes': {
        get: op('getPartnerScopes', 'The scopes staff granted a partner (a partner reads its own)', 'partners', { parameters: [path('partnerId', '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$')], responses: responses({ '200': json(ref('PartnerScopes')) }) }),
        put: op('setPartnerScopes', 'Grant a partner named scopes (staff): what of each event its webhooks and stream carry', 'partners', {
          parameters: [path('partnerId', '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$')],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false, required: ['scopes'], properties: { scopes: { type: 'array', maxItems: PARTNER_SCOPES.length, items: { enum: [...PARTNER_SCOPES] } } } } } } },
          responses: responses({ '200': json(ref('PartnerScopes')) }, { body: true }),
        }),
      },
      '/v1/webhook-endpoints': {
        post: op('createWebhookEndpoint', 'Subscribe a URL to event type patterns (partner, staff); the secret is shown once', 'webhooks', {
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 255 } }],
          requestBody: body(endpointBody),
          responses: responses(
            { '201': { description: 'Created', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { allOf: [endpoint, { type: 'object', required: ['secret'], properties: { secret: { type: 'string' } } }] } } } } },
            { body: true, conflicts: 'WEBHOOK_ENDPOINT_LIMIT, IDEMPOTENCY_IN_FLIGHT' },
          ),
        }),
        get: op('listWebhookEndpoints', 'A partner its own endpoints, staff all', 'webhooks', { parameters: queryOf(pageQuery), responses: responses({ '200': list(endpoint) }) }),
      },
      '/v1/webhook-endpoints/{id}': {
        get: op('getWebhookEndpoint', 'One endpoint', 'webhooks', { parameters: [id], responses: responses({ '200': json(endpoint) }) }),
        patch: op('updateWebhookEndpoint', 'Change its URL, patterns or description', 'webhooks', { parameters: [id], requestBody: body(endpointPatch), responses: responses({ '200': json(endpoint) }, { body: true }) }),
        delete: op('deleteWebhookEndpoint', 'Delete it', 'webhooks', { parameters: [id], responses: responses({ '204': { description: 'Deleted' } }) }),
      },
      '/v1/webhook-endpoints/{id}:disable': { post: op('disableWebhookEndpoint', 'Stop deliveries', 'webhooks', { parameters: [id], responses: responses({ '200': json(endpoint) }) }) },
      '/v1/webhook-endpoints/{id}:enable': { post: op('enableWebhookEndpoint', 'Resume deliveries', 'webhooks', { parameters: [id], responses: responses({ '200': json(endpoint) }) }) },
      '/v1/webhook-endpoints/{id}:rotateSecret': {
        post: op('rotateWebhookSecret', 'A new signing secret; the old one keeps signing for the overlap', 'webhooks', { parameters: [id], requestBody: body(rotateBody, false), responses: responses({ '200': json(obj) }, { body: true, conflicts: 'WEBHOOK_SECRET_ROTATION_CONFLICT' }) }),
      },
      '/v1/webhook-endpoints/{id}/secret': { get: op('revealWebhookSecret', 'The current signing secret (owner or staff; not cached)', 'webhooks', { parameters: [id], responses: responses({ '200': json(obj) }) }) },
      '/v1/webhook-endpoints/{id}:sendTest': {
        post: op('sendTestWebhook', 'Queue a test event (hangviet.notification.webhook.test.v1) to this endpoint now, whatever it subscribes to', 'webhooks', { parameters: [id], responses: responses({ '202': json(obj) }, { conflicts: 'WEBHOOK_ENDPOINT_DISABLED' }) }),
      },
      '/v1/webhook-endpoints/{id}:recover': {
        post: op('recoverWebhookMessages', 'Re-queue every exhausted message created in [since, until)', 'webhooks', { parameters: [id], requestBody: body(recoverBody), responses: responses({ '200': json(obj) }, { body: true, conflicts: 'WEBHOOK_ENDPOINT_DISABLED' }) }),
      },
      '/v1/webhook-endpoints/{id}/attempts': { get: op('listWebhookAttempts', 'Attempts, newest first (response excerpts ≤ 256 bytes, none for internal targets)', 'webhooks', { parameters: [id, ...queryOf(attemptsQuery)], responses: responses({ '200': list(obj) }) }) },
      '/v1/webhook-endpoints/{id}/messages': { get: op('listWebhookMessages', 'Messages, newest first', 'webhooks', { parameters: [id, ...queryOf(messagesQuery)], responses: responses({ '200': list(obj) }) }) },
      '/v1/webhook-endpoints/{id}/messages/{messageId}:replay': {
        post: op('replayWebhookMessage', 'One more attempt now, same webhook-id', 'webhooks', { parameters: [id, path('messageId', '^msg_[A-Za-z0-9_-]{1,100}$')], responses: responses({ '200': json(obj) }, { conflicts: 'WEBHOOK_ENDPOINT_DISABLED, WEBHOOK_MESSAGE_…' }) }),
      },
      '/v1/webhook-endpoints/{id}/operational-events': { get: op('listOperationalEvents', "Operational events about this endpoint (its owner's only)", 'webhooks', { parameters: [id, ...queryOf(pageQuery)], responses: responses({ '200': list(obj) }) }) },
      '/v1/openapi.json': { get: { operationId: 'getOpenApi', summary: 'This document', tags: ['meta'], security: [{}], responses: { '200': json(obj), '400': problem('PATH_ENCODING_INVALID'), '429': problem('RATE_LIMITED') } } },
    },
  });
}

export const openApiRouter = (): Router => documentRouter(openApiDocument());
