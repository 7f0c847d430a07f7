// Queues one webhook message per subscribed endpoint for an event, in one write for the whole event.
// The message id is derived from (event, endpoint) and unique, so a redelivered event queues nothing
// new: its messages are refused as duplicates and only those written now go to the workers.
import { matchesAny } from '@hangviet/events/event-type-pattern';
import type { WebhookEndpoint, WebhookMessage } from '../domain/records';
import { webhookMessageId } from './ids';
import type { NotificationDeps } from './ports';

export interface WebhookEvent {
  id: string;
  type: string;
  /** The CloudEvents structured JSON the endpoint receives. */
  payload: string;
}

export async function queueWebhookMessages(
  deps: Pick<NotificationDeps, 'now' | 'webhooks' | 'enqueue'>,
  event: WebhookEvent,
  endpoints: readonly WebhookEndpoint[],
  opts: { operational?: boolean } = {},
): Promise<number> {
  const now = deps.now();
  const messages: WebhookMessage[] = endpoints
    .filter((endpoint) => endpoint.status === 'active' && matchesAny(endpoint.eventTypes, event.type))
    .map((endpoint) => ({
      id: webhookMessageId(event.id, endpoint.id),
      endpointId: endpoint.id,
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
  const written = await deps.webhooks.queue(messages);
  const insertedAt = now.getTime();
  for (const message of written) deps.enqueue.webhook(message.id, { message, insertedAt });
  return written.length;
}

/** A public platform event: every active endpoint subscribed to it, whoever owns it. */
export async function fanOutToWebhooks(deps: NotificationDeps, event: WebhookEvent): Promise<number> {
  return queueWebhookMessages(deps, event, await deps.endpointDirectory.active());
}
