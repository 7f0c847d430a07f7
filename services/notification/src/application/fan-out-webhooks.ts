// Queues one webhook message per subscribed endpoint for an event. The message id is derived from
// (event, endpoint) and unique, so a redelivered event queues nothing new.
import { matchesAny } from '../domain/event-type-pattern';
import type { WebhookEndpointDoc } from '../infrastructure/models';
import { isDuplicateKey, type NotificationDeps } from './deps';
import { webhookMessageId } from './ids';

export interface WebhookEvent {
  id: string;
  type: string;
  /** The CloudEvents structured JSON the endpoint receives. */
  payload: string;
}

export async function queueWebhookMessages(
  deps: NotificationDeps,
  event: WebhookEvent,
  endpoints: readonly WebhookEndpointDoc[],
  opts: { operational?: boolean } = {},
): Promise<number> {
  const now = deps.now();
  let queued = 0;
  for (const endpoint of endpoints) {
    if (endpoint.status !== 'active' || !matchesAny(endpoint.eventTypes, event.type)) continue;
    try {
      const result = await deps.models.webhookMessages.updateOne(
        { _id: webhookMessageId(event.id, endpoint._id) },
        {
          $setOnInsert: {
            endpointId: endpoint._id,
            owner: endpoint.owner,
            eventId: event.id,
            eventType: event.type,
            payload: event.payload,
            operational: opts.operational ?? false,
            status: 'pending',
            attemptCount: 0,
            nextAttemptAt: now,
            failingNotified: false,
            createdAt: now,
          },
        },
        { upsert: true },
      );
      if (result.upsertedCount > 0) {
        queued++;
        deps.enqueue.webhook(webhookMessageId(event.id, endpoint._id));
      }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return queued;
}

/** Every active endpoint subscribed to the event (public events: any owner). */
export async function fanOutToWebhooks(deps: NotificationDeps, event: WebhookEvent): Promise<number> {
  const endpoints = await deps.models.endpoints.find({ status: 'active' }).lean();
  return queueWebhookMessages(deps, event, endpoints);
}
