// What the notification service keeps, as the use cases see it. Repositories in infrastructure/ map
// these to and from their stored documents; nothing here knows about storage.
import type { Locale } from '@hangviet/vn/locale';
import type { Channel } from './preferences';
import type { RenderedMessage, TemplateKey } from './templates';
import type { WebhookMessageStatus } from './webhook-delivery';
import type { EndpointSecret } from './webhook-signing';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface DeliveryAttempt {
  at: Date;
  ok: boolean;
  error?: string;
  durationMs: number;
}

/** One message to one person on one channel: id = (eventId, recipient, channel). */
export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  recipientKey: string;
  channel: Exclude<Channel, 'inbox'>;
  address: string;
  locale: Locale;
  template: TemplateKey;
  content: RenderedMessage;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  attemptCount: number;
  nextAttemptAt: Date;
  lastError?: string;
  createdAt: Date;
  sentAt?: Date;
}

export interface InboxEntry {
  id: string;
  recipientKey: string;
  eventId: string;
  eventType: string;
  title: string;
  body: string;
  locale: Locale;
  createdAt: Date;
  readAt?: Date;
}

export type EndpointStatus = 'active' | 'disabled';

export interface WebhookEndpoint {
  id: string;
  /** `partner:<id>` or `user:<subject>`. */
  owner: string;
  url: string;
  description: string;
  eventTypes: string[];
  secrets: EndpointSecret[];
  status: EndpointStatus;
  disabledReason?: string;
  failingSince?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One event for one endpoint: id = (eventId, endpointId); also the webhook-id partners deduplicate on. */
export interface WebhookMessage {
  id: string;
  endpointId: string;
  owner: string;
  eventId: string;
  eventType: string;
  /** The CloudEvents structured JSON the endpoint receives. */
  payload: string;
  /** Carries an operational event (about another endpoint of the owner): it raises none itself. */
  operational: boolean;
  status: WebhookMessageStatus;
  attemptCount: number;
  nextAttemptAt: Date;
  failingNotified: boolean;
  lastError?: string;
  lastAttemptAt?: Date;
  deliveredAt?: Date;
  createdAt: Date;
}

export interface WebhookAttempt {
  id: string;
  messageId: string;
  endpointId: string;
  eventId: string;
  attempt: number;
  at: Date;
  ok: boolean;
  statusCode?: number;
  error?: string;
  responseBody?: string;
  durationMs: number;
}

/** An operational event as its owner lists it (a projection of the events on Kafka). */
export interface OperationalEventRecord {
  /** The event's ce_id. */
  id: string;
  owner: string;
  endpointId: string;
  messageId?: string;
  type: string;
  /** The event's data in its JSON form. */
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A platform event as the partner stream keeps it. */
export interface LoggedEvent {
  eventId: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  dataJson: string;
  dataProto: Uint8Array;
}

/** An entry of the partner stream's log: `seq` is the gapless number the cursor carries. */
export interface EventLogEntry extends Partial<Omit<LoggedEvent, 'eventId'>> {
  seq: number;
  eventId: string;
  loggedAt: Date;
}
