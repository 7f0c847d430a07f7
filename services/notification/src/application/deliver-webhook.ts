// One delivery attempt of a webhook message under its claim: SSRF check (every attempt), sign with
// the endpoint's current secrets, POST, record the attempt, then retry / exhaust / disable and raise
// the operational events Standard Webhooks describes for the endpoint's owner. The reads and writes
// go through the webhook store, which merges those of concurrent attempts into shared round trips.
import { randomUUID } from 'node:crypto';
import { decideAfterAttempt, isSuccessStatus, OPERATIONAL_EVENT_TYPES, type OperationalEventKind } from '../domain/webhook-delivery';
import { signingSecrets, signWebhook } from '../domain/webhook-signing';
import type { WebhookAttemptDoc, WebhookEndpointDoc, WebhookMessageDoc } from '../infrastructure/models';
import { TargetRefused } from '../infrastructure/ssrf-guard';
import type { HeldWork } from '../infrastructure/work-loop';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { claimIfDue, SCAN_BATCH, type KnownMessage, type NotificationDeps } from './deps';
import { queueWebhookMessages } from './fan-out-webhooks';

/** The most due entries one scan reads past those this instance already holds. */
const MAX_SCAN = 5000;

/** Due messages this instance does not hold yet, oldest first; each comes with what was read of it. */
export async function findDueWebhookMessages(deps: NotificationDeps, held: HeldWork): Promise<{ id: string; hint: KnownMessage }[]> {
  const read = Math.min(MAX_SCAN, SCAN_BATCH + held.size);
  const due = await deps.webhookStore.due(deps.now(), { read, take: SCAN_BATCH }, (id) => held.has(id), deps.claims.leaseMs);
  return due.map((message) => ({ id: message._id, hint: { message } }));
}

export function claimWebhookMessage(deps: NotificationDeps, id: string, known?: KnownMessage): Promise<WebhookMessageDoc | null> {
  return claimIfDue<WebhookMessageDoc>(
    deps,
    'msg',
    id,
    (key) => deps.webhookStore.message(key),
    known ? { item: known.message, ...(known.insertedAt !== undefined ? { insertedAt: known.insertedAt } : {}) } : undefined,
  );
}

async function send(deps: NotificationDeps, endpoint: WebhookEndpointDoc, message: WebhookMessageDoc, at: Date) {
  const secrets = signingSecrets(endpoint.secrets, at);
  const headers = signWebhook(secrets, message._id, at, message.payload);
  try {
    const response = await deps.webhookClient.post(endpoint.url, message.payload, { ...headers });
    return {
      ok: isSuccessStatus(response.statusCode),
      statusCode: response.statusCode,
      responseBody: response.body,
      error: isSuccessStatus(response.statusCode) ? undefined : `HTTP ${response.statusCode}`,
    };
  } catch (err) {
    const error = err instanceof TargetRefused ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { ok: false, statusCode: undefined, responseBody: undefined, error };
  }
}

/** Returns when the message is due again, if it failed and will be retried. */
export async function deliverWebhook(deps: NotificationDeps, message: WebhookMessageDoc): Promise<Date | undefined> {
  const { models, webhookStore: store } = deps;
  const claimed = { messageId: message._id, attemptCount: message.attemptCount, nextAttemptAt: message.nextAttemptAt };
  const endpoint = await store.endpoint(message.endpointId);
  if (!endpoint || endpoint.status !== 'active') {
    // Not an attempt: nothing was sent. Recover re-queues it once the endpoint is enabled again.
    await store.settle({ ...claimed, set: { status: 'exhausted', lastError: endpoint ? 'ENDPOINT_DISABLED' : 'ENDPOINT_DELETED' } });
    return undefined;
  }

  const started = deps.now();
  const result = await send(deps, endpoint, message, started);
  const at = deps.now();
  const attemptsMade = message.attemptCount + 1;
  const attempt: WebhookAttemptDoc = {
    _id: `${message._id}_${attemptsMade}_${randomUUID().slice(0, 8)}`,
    messageId: message._id,
    endpointId: endpoint._id,
    eventId: message.eventId,
    attempt: attemptsMade,
    at,
    ok: result.ok,
    durationMs: at.getTime() - started.getTime(),
  };
  if (result.statusCode !== undefined) attempt.statusCode = result.statusCode;
  if (result.error !== undefined) attempt.error = result.error;
  if (result.responseBody !== undefined) attempt.responseBody = result.responseBody;
  // Recorded before the message's new state: a crash in between repeats the attempt, never loses its record.
  await store.recordAttempt(attempt);

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

  await store.settle({
    ...claimed,
    set: {
      status: decision.status,
      attemptCount: attemptsMade,
      lastAttemptAt: at,
      failingNotified: decision.failingNotified,
      ...(decision.nextAttemptAt ? { nextAttemptAt: decision.nextAttemptAt } : {}),
      ...(result.ok ? { deliveredAt: at } : {}),
      ...(result.error ? { lastError: result.error } : {}),
    },
  });

  if (decision.endpointFailingSince === null) {
    if (endpoint.failingSince) await models.endpoints.updateOne({ _id: endpoint._id }, { $set: { failingSince: null } });
  } else if (!endpoint.failingSince) {
    // Only the first failure since the last success starts the clock.
    await models.endpoints.updateOne({ _id: endpoint._id, failingSince: null }, { $set: { failingSince: decision.endpointFailingSince } });
  }
  if (decision.disableEndpoint) {
    await models.endpoints.updateOne(
      { _id: endpoint._id, status: 'active' },
      { $set: { status: 'disabled', disabledReason: 'FAILING_TOO_LONG', updatedAt: at } },
    );
    deps.endpointDirectory.changed();
    deps.logger.warn({ endpointId: endpoint._id }, 'webhook endpoint disabled after failing too long');
  }
  if (!message.operational) {
    for (const kind of decision.operationalEvents) {
      await raiseOperationalEvent(deps, endpoint, message, kind, { attempts: attemptsMade, lastError: result.error ?? null, at });
    }
  }
  return decision.nextAttemptAt;
}

export async function raiseOperationalEvent(
  deps: NotificationDeps,
  endpoint: WebhookEndpointDoc,
  message: WebhookMessageDoc,
  kind: OperationalEventKind,
  detail: { attempts: number; lastError: string | null; at: Date },
): Promise<void> {
  const type = OPERATIONAL_EVENT_TYPES[kind];
  // One per (message, kind, attempt count): a retried handler does not raise it twice.
  const id = `op_${message._id.slice(4)}_${kind.replace('.', '_')}_${detail.attempts}`;
  const data = {
    endpointId: endpoint._id,
    url: endpoint.url,
    messageId: message._id,
    eventId: message.eventId,
    eventType: message.eventType,
    attempts: detail.attempts,
    lastError: detail.lastError,
  };
  try {
    await deps.models.operationalEvents.create({
      _id: id,
      owner: endpoint.owner,
      endpointId: endpoint._id,
      messageId: message._id,
      kind,
      type,
      data,
      createdAt: detail.at,
    });
  } catch (err) {
    if (isDuplicateKey(err)) return;
    throw err;
  }
  deps.logger.info({ endpointId: endpoint._id, messageId: message._id, type }, 'webhook operational event');
  // The owner may subscribe another endpoint of theirs to hangviet.notification.delivery.*; never the
  // failing endpoint itself, and operational messages raise no operational events (no loops).
  const others = await deps.models.endpoints.find({ owner: endpoint.owner, status: 'active', _id: { $ne: endpoint._id } }).lean();
  const payload = JSON.stringify({
    specversion: '1.0',
    id,
    type,
    source: 'notification',
    subject: endpoint._id,
    time: detail.at.toISOString(),
    datacontenttype: 'application/json',
    data,
  });
  await queueWebhookMessages(deps, { id, type, payload }, others, { operational: true });
}
