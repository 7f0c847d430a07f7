// Queues one webhook message per subscribed endpoint for an event, in one write for the whole event.
// The message id is derived from (event, endpoint) and unique, so a redelivered event queues nothing
// new: its messages are refused as duplicates and only those written now go to the workers.
import { matchesAny } from '../domain/event-type-pattern';
import type { WebhookEndpointDoc, WebhookMessageDoc } from '../infrastructure/models';
import type { NotificationDeps } from './deps';
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
  const messages: WebhookMessageDoc[] = endpoints
    .filter((endpoint) => endpoint.status === 'active' && matchesAny(endpoint.eventTypes, event.type))
    .map((endpoint) => ({
      _id: webhookMessageId(event.id, endpoint._id),
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
    }));
  const written = await deps.webhookStore.queue(messages);
  const insertedAt = now.getTime();
  for (const message of written) deps.enqueue.webhook(message._id, { message, insertedAt });
  return written.length;
}

/** Every active endpoint subscribed to the event (public events: any owner). */
export async function fanOutToWebhooks(deps: NotificationDeps, event: WebhookEvent): Promise<number> {
  return queueWebhookMessages(deps, event, await deps.endpointDirectory.active());
}
