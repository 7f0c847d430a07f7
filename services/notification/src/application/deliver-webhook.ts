// One delivery attempt of a webhook message under its claim: SSRF check (every attempt), sign with
// the endpoint's current secrets, POST, record the attempt, then retry / exhaust / disable. The
// endpoint's health and the operational events Standard Webhooks describes for its owner are one write
// of the endpoint (its outbox), so they reach Kafka like every other event. The reads and writes go
// through the message store, which merges those of concurrent attempts into shared round trips.
import { randomUUID } from 'node:crypto';
import type { WebhookAttempt, WebhookEndpoint, WebhookMessage } from '../domain/records';
import { TargetRefused } from '../domain/ssrf-policy';
import { decideAfterAttempt, isSuccessStatus, type OperationalEventKind } from '../domain/webhook-delivery';
import { signingSecrets, signWebhook } from '../domain/webhook-signing';
import { claimIfDue, SCAN_BATCH } from './claim-if-due';
import { operationalEventId } from './ids';
import type { DeliveryDeps, EndpointHealthChange, HeldWork, KnownMessage, MessageSettlement, OperationalEvent } from './ports';

/** The most due entries one scan reads past those this instance already holds. */
const MAX_SCAN = 5000;

/** Due messages this instance does not hold yet, oldest first; each comes with what was read of it. */
export async function findDueWebhookMessages(deps: DeliveryDeps, held: HeldWork): Promise<{ id: string; hint: KnownMessage }[]> {
  const read = Math.min(MAX_SCAN, SCAN_BATCH + held.size);
  const due = await deps.webhooks.due(deps.now(), { read, take: SCAN_BATCH }, (id) => held.has(id), deps.claims.leaseMs);
  return due.map((message) => ({ id: message.id, hint: { message } }));
}

/** The kind in a webhook attempt's claim key (claim-if-due.ts). */
export const WEBHOOK_CLAIM = 'msg';

export function claimWebhookMessage(deps: DeliveryDeps, id: string, known?: KnownMessage): Promise<WebhookMessage | null> {
  return claimIfDue<WebhookMessage>(
    deps,
    WEBHOOK_CLAIM,
    id,
    (key) => deps.webhooks.message(key),
    known ? { item: known.message, ...(known.insertedAt !== undefined ? { insertedAt: known.insertedAt } : {}) } : undefined,
  );
}

/** What one POST of a message came to: a 2xx, another status, or no answer (the error says why). */
export interface SendResult {
  ok: boolean;
  statusCode: number | undefined;
  responseBody: string | undefined;
  error: string | undefined;
}

/** Signs (the endpoint's current secrets) and POSTs; the client checks the target (SSRF) before it connects. */
export async function sendWebhook(deps: Pick<DeliveryDeps, 'webhookClient'>, endpoint: WebhookEndpoint, message: WebhookMessage, at: Date): Promise<SendResult> {
  const secrets = signingSecrets(endpoint.secrets, at);
  const headers = signWebhook(secrets, message.id, at, message.payload);
  try {
    const response = await deps.webhookClient.post(endpoint.url, message.payload, { ...headers });
    const ok = isSuccessStatus(response.statusCode);
    return { ok, statusCode: response.statusCode, responseBody: response.body, error: ok ? undefined : `HTTP ${response.statusCode}` };
  } catch (err) {
    const error = err instanceof TargetRefused ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { ok: false, statusCode: undefined, responseBody: undefined, error };
  }
}

/** What an attempt made of a message leads to: its record, the endpoint's health change, the message's new state. */
export interface AttemptOutcome {
  attempt: WebhookAttempt;
  change: EndpointHealthChange | undefined;
  set: MessageSettlement['set'];
  nextAttemptAt: Date | undefined;
}

export function outcomeOf(
  deps: Pick<DeliveryDeps, 'webhookPolicy'>,
  endpoint: WebhookEndpoint,
  message: WebhookMessage,
  result: SendResult,
  times: { started: Date; at: Date },
): AttemptOutcome {
  const { started, at } = times;
  const attemptsMade = message.attemptCount + 1;
  const attempt: WebhookAttempt = {
    id: `${message.id}_${attemptsMade}_${randomUUID().slice(0, 8)}`,
    messageId: message.id,
    endpointId: endpoint.id,
    eventId: message.eventId,
    attempt: attemptsMade,
    at,
    ok: result.ok,
    durationMs: at.getTime() - started.getTime(),
  };
  if (result.statusCode !== undefined) attempt.statusCode = result.statusCode;
  if (result.error !== undefined) attempt.error = result.error;
  if (result.responseBody !== undefined) attempt.responseBody = result.responseBody;
  const decision = decideAfterAttempt(
    {
      ok: result.ok,
      attemptsMade,
      at,
      failingNotified: message.failingNotified,
      ...(endpoint.failingSince ? { endpointFailingSince: endpoint.failingSince } : {}),
    },
    deps.webhookPolicy,
  );
  const change = healthChange(endpoint, message, decision, { attempts: attemptsMade, at, ...(result.error ? { lastError: result.error } : {}) });
  const set: MessageSettlement['set'] = {
    status: decision.status,
    attemptCount: attemptsMade,
    lastAttemptAt: at,
    failingNotified: decision.failingNotified,
    ...(decision.nextAttemptAt ? { nextAttemptAt: decision.nextAttemptAt } : {}),
    ...(result.ok ? { deliveredAt: at } : {}),
    ...(result.error ? { lastError: result.error } : {}),
  };
  return { attempt, change, set, nextAttemptAt: decision.nextAttemptAt };
}

/** The endpoint's health and its events, written before the message's new state (see finishAttempt). */
export async function recordHealth(deps: Pick<DeliveryDeps, 'endpoints' | 'endpointDirectory' | 'logger'>, endpointId: string, change: EndpointHealthChange | undefined): Promise<void> {
  if (!change) return;
  await deps.endpoints.recordHealth(endpointId, change);
  if (change.disable) {
    deps.endpointDirectory.changed();
    deps.logger.warn({ endpointId }, 'webhook endpoint disabled after failing too long');
  }
}

/**
 * Records an attempt made of a claimed, stored message and settles the message: the attempt record, then the
 * endpoint's health and its events, then the message's new state — each before the next, so a crash in between
 * repeats the attempt (same event ids, which consumers deduplicate) and never loses its record.
 */
export async function finishAttempt(
  deps: DeliveryDeps,
  endpoint: WebhookEndpoint,
  message: WebhookMessage,
  result: SendResult,
  times: { started: Date; at: Date },
): Promise<Date | undefined> {
  const outcome = outcomeOf(deps, endpoint, message, result, times);
  await deps.webhooks.recordAttempt(outcome.attempt);
  await recordHealth(deps, endpoint.id, outcome.change);
  await deps.webhooks.settle({ messageId: message.id, attemptCount: message.attemptCount, nextAttemptAt: message.nextAttemptAt, set: outcome.set });
  return outcome.nextAttemptAt;
}

/** Returns when the message is due again, if it failed and will be retried. */
export async function deliverWebhook(deps: DeliveryDeps, message: WebhookMessage): Promise<Date | undefined> {
  const store = deps.webhooks;
  const claimed = { messageId: message.id, attemptCount: message.attemptCount, nextAttemptAt: message.nextAttemptAt };
  const endpoint = await store.endpoint(message.endpointId);
  if (!endpoint || endpoint.status !== 'active') {
    // Not an attempt: nothing was sent. Recover re-queues it once the endpoint is enabled again.
    await store.settle({ ...claimed, set: { status: 'exhausted', lastError: endpoint ? 'ENDPOINT_DISABLED' : 'ENDPOINT_DELETED' } });
    return undefined;
  }
  const started = deps.now();
  const result = await sendWebhook(deps, endpoint, message, started);
  return finishAttempt(deps, endpoint, message, result, { started, at: deps.now() });
}

/**
 * What the attempt changes on its endpoint, with the operational events it raises; undefined when
 * nothing (the common case: a success on a healthy endpoint). A message that carries an operational
 * event raises none itself, so deliveries about deliveries cannot loop.
 */
export function healthChange(
  endpoint: WebhookEndpoint,
  message: WebhookMessage,
  decision: ReturnType<typeof decideAfterAttempt>,
  detail: { attempts: number; at: Date; lastError?: string },
): EndpointHealthChange | undefined {
  const event = (kind: OperationalEventKind): OperationalEvent => ({
    kind,
    id: operationalEventId(message.id, kind, detail.attempts),
    endpoint: { id: endpoint.id, url: endpoint.url, owner: endpoint.owner },
    message: { id: message.id, eventId: message.eventId, eventType: message.eventType },
    attempts: detail.attempts,
    ...(detail.lastError ? { lastError: detail.lastError } : {}),
    at: detail.at,
  });
  const kinds = message.operational ? [] : decision.operationalEvents;
  const change: EndpointHealthChange = { events: kinds.filter((k) => k !== 'endpoint.disabled').map(event) };
  if (decision.endpointFailingSince === null) {
    if (endpoint.failingSince) change.failingSince = null;
  } else if (!endpoint.failingSince) {
    // Only the first failure since the last success starts the clock.
    change.failingSince = decision.endpointFailingSince;
  }
  if (decision.disableEndpoint) {
    change.disable = { reason: 'FAILING_TOO_LONG', at: detail.at, ...(kinds.includes('endpoint.disabled') ? { event: event('endpoint.disabled') } : {}) };
  }
  return change.events.length > 0 || change.failingSince !== undefined || change.disable ? change : undefined;
}
