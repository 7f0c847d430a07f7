// How the REST API shows the service's records: AIP-142 timestamps (`createTime`, `updateTime`, …),
// secrets never. One mapping per record, shared by every use case that returns it.
import type { InboxEntry, OperationalEventRecord, WebhookAttempt, WebhookEndpoint, WebhookMessage } from '../domain/records';

export interface EndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: 'active' | 'disabled';
  disabledReason?: string;
  failingSince?: string;
  owner: string;
  createTime: string;
  updateTime: string;
}

export function endpointView(e: WebhookEndpoint): EndpointView {
  const view: EndpointView = {
    id: e.id,
    url: e.url,
    description: e.description ?? '',
    eventTypes: e.eventTypes,
    status: e.status,
    owner: e.owner,
    createTime: e.createdAt.toISOString(),
    updateTime: e.updatedAt.toISOString(),
  };
  if (e.disabledReason) view.disabledReason = e.disabledReason;
  if (e.failingSince) view.failingSince = e.failingSince.toISOString();
  return view;
}

export interface AttemptView {
  id: string;
  messageId: string;
  eventId: string;
  attempt: number;
  attemptTime: string;
  ok: boolean;
  statusCode?: number;
  error?: string;
  responseBody?: string;
  durationMs: number;
}

export const attemptView = (a: WebhookAttempt): AttemptView => ({
  id: a.id,
  messageId: a.messageId,
  eventId: a.eventId,
  attempt: a.attempt,
  attemptTime: a.at.toISOString(),
  ok: a.ok,
  ...(a.statusCode !== undefined && a.statusCode !== null ? { statusCode: a.statusCode } : {}),
  ...(a.error ? { error: a.error } : {}),
  ...(a.responseBody ? { responseBody: a.responseBody } : {}),
  durationMs: a.durationMs,
});

export interface MessageView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptTime?: string;
  lastError?: string;
  createTime: string;
  deliverTime?: string;
}

export const messageView = (m: WebhookMessage): MessageView => ({
  id: m.id,
  eventId: m.eventId,
  eventType: m.eventType,
  status: m.status,
  attempts: m.attemptCount,
  ...(m.status === 'pending' ? { nextAttemptTime: m.nextAttemptAt.toISOString() } : {}),
  ...(m.lastError ? { lastError: m.lastError } : {}),
  createTime: m.createdAt.toISOString(),
  ...(m.deliveredAt ? { deliverTime: m.deliveredAt.toISOString() } : {}),
});

export interface InboxMessageView {
  id: string;
  eventId: string;
  eventType: string;
  title: string;
  body: string;
  locale: string;
  createTime: string;
  read: boolean;
  readTime?: string;
}

export const inboxMessageView = (m: InboxEntry): InboxMessageView => ({
  id: m.id,
  eventId: m.eventId,
  eventType: m.eventType,
  title: m.title,
  body: m.body,
  locale: m.locale,
  createTime: m.createdAt.toISOString(),
  read: Boolean(m.readAt),
  ...(m.readAt ? { readTime: m.readAt.toISOString() } : {}),
});

export interface OperationalEventView {
  id: string;
  type: string;
  endpointId: string;
  createTime: string;
  data: Record<string, unknown>;
}

export const operationalEventView = (e: OperationalEventRecord): OperationalEventView => ({
  id: e.id,
  type: e.type,
  endpointId: e.endpointId,
  createTime: e.createdAt.toISOString(),
  data: e.data,
});
