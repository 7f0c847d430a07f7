// Queues one webhook message per subscribed endpoint for an event, in one write for the whole event.
// The message id is derived from (event, endpoint) and unique, so a redelivered event queues nothing
// new: its messages are refused as duplicates and only those written now go to the workers.
import { toStructuredJson, type EventType } from '@hangviet/events';
import { matchesAny } from '@hangviet/events/event-type-pattern';
import type { WebhookEndpoint, WebhookMessage } from '../domain/records';
import { webhookMessageId } from './ids';
import { payloadFor, scopesOfOwner } from './partner-scopes';
import type { NotificationDeps } from './ports';

export interface WebhookEvent {
  id: string;
  type: string;
  /** The CloudEvents structured JSON the endpoint receives. */
  payload: string;
}

/** The messages an event makes for these endpoints (the active ones subscribed to it), none written yet. */
export function webhookMessagesFor(event: WebhookEvent, endpoints: readonly WebhookEndpoint[], now: Date, opts: { operational?: boolean } = {}): WebhookMessage[] {
  return endpoints
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
}

export async function queueWebhookMessages(
  deps: Pick<NotificationDeps, 'now' | 'webhooks' | 'enqueue'>,
  event: WebhookEvent,
  endpoints: readonly WebhookEndpoint[],
  opts: { operational?: boolean } = {},
): Promise<number> {
  const now = deps.now();
  const written = await deps.webhooks.queue(webhookMessagesFor(event, endpoints, now, opts));
  const insertedAt = now.getTime();
  for (const message of written) deps.enqueue.webhook(message.id, { message, insertedAt });
  return written.length;
}

/** The event as its partner projections are built from it. */
export interface ProjectableEvent {
  definition: EventType | undefined;
  envelope: Record<string, unknown>;
  data: unknown;
}

/**
 * A public platform event: every active endpoint subscribed to it, each with what its owner may receive: staff
 * endpoints the whole event, a partner's the projection its granted scopes allow, or nothing (issue 12, item 4).
 */
export async function fanOutToWebhooks(deps: NotificationDeps, event: WebhookEvent, source?: ProjectableEvent): Promise<number> {
  const now = deps.now();
  const written = await deps.webhooks.queue(await plannedWebhookMessages(deps, event, source, now));
  for (const message of written) deps.enqueue.webhook(message.id, { message, insertedAt: now.getTime() });
  return written.length;
}

/** The messages fanOutToWebhooks writes for an event, not written yet (the consumer's batch makes their first attempts). */
export async function plannedWebhookMessages(
  deps: NotificationDeps,
  event: WebhookEvent,
  source: ProjectableEvent | undefined,
  now: Date,
  /** Owners' scopes read for events handled together (a consumer batch): one read per owner, not per event. */
  scopes = new Map<string, Promise<readonly string[] | 'all'>>(),
): Promise<WebhookMessage[]> {
  const endpoints = (await deps.endpointDirectory.active()).filter((e) => e.status === 'active' && matchesAny(e.eventTypes, event.type));
  if (!source) return webhookMessagesFor(event, endpoints, now);
  const byPayload = new Map<string, WebhookEndpoint[]>();
  for (const endpoint of endpoints) {
    let owned = scopes.get(endpoint.owner);
    if (!owned) scopes.set(endpoint.owner, (owned = scopesOfOwner(deps.partnerGrants, endpoint.owner)));
    const payload = payloadFor({ ...source, full: event.payload }, await owned, (e) => toStructuredJson(e as unknown as Parameters<typeof toStructuredJson>[0]));
    if (payload === undefined) continue;
    byPayload.set(payload, [...(byPayload.get(payload) ?? []), endpoint]);
  }
  return [...byPayload].flatMap(([payload, group]) => webhookMessagesFor({ ...event, payload }, group, now));
}
