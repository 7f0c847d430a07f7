// Mongoose models of the notification database. Every effect of an event is keyed by the event
// (deterministic _id), so a redelivered event finds its document already there and adds nothing.
// Only what FerretDB v1 supports: no TTL or partial indexes, no transactions. The stored documents are
// the records of domain/records.ts with `id` stored as `_id`; the repositories map between the two.
import type { OutboxFields } from '@hangviet/events';
import type { Collection, Document } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import type { QuietHours } from '../domain/preferences';
import type {
  Delivery,
  DeliveryAttempt,
  EventLogEntry,
  InboxEntry,
  OperationalEventRecord,
  WebhookAttempt,
  WebhookEndpoint,
  WebhookMessage,
} from '../domain/records';
import type { RenderedMessage } from '../domain/templates';
import type { EndpointSecret } from '../domain/webhook-signing';
import type { Channel } from '../domain/preferences';
import type { Locale } from '@hangviet/vn/locale';

/** A record as stored: its id is the document's `_id`. */
export type Stored<R extends { id: string }> = Omit<R, 'id'> & { _id: string };

export function toDoc<R extends { id: string }>(record: R): Stored<R> {
  const { id, ...rest } = record;
  return { _id: id, ...rest } as Stored<R>;
}

export function fromDoc<R extends { id: string }>(doc: Stored<R>): R {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest } as unknown as R;
}

export type DeliveryDoc = Stored<Delivery>;
export type InboxMessageDoc = Stored<InboxEntry>;
export type WebhookMessageDoc = Stored<WebhookMessage>;
export type WebhookAttemptDoc = Stored<WebhookAttempt>;
export type OperationalEventDoc = Stored<OperationalEventRecord>;
/** An endpoint also carries the outbox of the operational events about it. */
/** `place`: which of its owner's numbered places (0 … cap-1) the endpoint takes, unique per owner: the cap's guard. */
export type WebhookEndpointDoc = Stored<WebhookEndpoint> & OutboxFields & { outboxLease?: unknown; place?: number };

export interface PreferencesDoc {
  _id: string;
  channels: Record<Channel, boolean>;
  locale?: Locale;
  phone?: string;
  smsQuietHours?: QuietHours | null;
  updatedAt: Date;
}

/** The partner event stream's log: _id is the gapless sequence the cursor carries. */
export type EventLogDoc = Omit<EventLogEntry, 'seq' | 'dataProto'> & { _id: number; dataProto?: Buffer };

/**
 * "Message `messageId` is pending and due at `dueAt`": one entry per pending state, `_id` =
 * `<messageId>@<dueAt ms>`. The fallback scan reads these instead of webhook_messages: this one holds
 * only what is still to be sent (on the old FerretDB SQLite build any filter other than _id read the
 * whole collection). Written before the state it describes, deleted after the state is left.
 */
export interface WebhookDueDoc {
  _id: string;
  messageId: string;
  dueAt: Date;
}

/**
 * eventId → sequence, so that finding an event's entry is a lookup by _id (the old FerretDB SQLite build
 * scanned otherwise).
 */
export interface EventLogIdDoc {
  _id: string;
  seq: number;
}

/** Retention marks: every event-log sequence up to deletedThrough may have been deleted. */
export interface CounterDoc {
  _id: string;
  deletedThrough: number;
}

export type NotificationModels = ReturnType<typeof createModels>;

const opts = { versionKey: false, strict: true } as const;

const renderedSchema = new Schema<RenderedMessage>({ subject: String, text: String, html: String, short: String }, { _id: false });
const attemptSchema = new Schema<DeliveryAttempt>({ at: Date, ok: Boolean, error: String, durationMs: Number }, { _id: false });
const secretSchema = new Schema<EndpointSecret>({ secret: String, createdAt: Date, expiresAt: Date }, { _id: false });
const channelsSchema = new Schema({ email: Boolean, sms: Boolean, zalo: Boolean, inbox: Boolean }, { _id: false });
const quietSchema = new Schema<QuietHours>({ start: String, end: String }, { _id: false });

export function createModels(connection: Connection) {
  const deliverySchema = new Schema<DeliveryDoc>(
    {
      _id: String,
      eventId: { type: String, required: true },
      eventType: String,
      recipientKey: String,
      channel: String,
      address: String,
      locale: String,
      template: String,
      content: renderedSchema,
      status: { type: String, required: true },
      attempts: [attemptSchema],
      attemptCount: { type: Number, default: 0 },
      nextAttemptAt: Date,
      lastError: String,
      createdAt: Date,
      sentAt: Date,
    },
    { ...opts, collection: 'deliveries' },
  );
  deliverySchema.index({ status: 1, nextAttemptAt: 1 }, { name: 'due' });
  deliverySchema.index({ eventId: 1 }, { name: 'event' });

  const inboxSchema = new Schema<InboxMessageDoc>(
    {
      _id: String,
      recipientKey: { type: String, required: true },
      eventId: String,
      eventType: String,
      title: String,
      body: String,
      locale: String,
      createdAt: Date,
      readAt: Date,
    },
    { ...opts, collection: 'inbox_messages' },
  );
  inboxSchema.index({ recipientKey: 1, createdAt: -1, _id: -1 }, { name: 'recipient_newest' });

  const preferencesSchema = new Schema<PreferencesDoc>(
    { _id: String, channels: channelsSchema, locale: String, phone: String, smsQuietHours: quietSchema, updatedAt: Date },
    { ...opts, collection: 'preferences' },
  );

  const endpointSchema = new Schema<WebhookEndpointDoc>(
    {
      _id: String,
      owner: { type: String, required: true },
      url: { type: String, required: true },
      description: String,
      eventTypes: [String],
      secrets: [secretSchema],
      status: { type: String, required: true },
      disabledReason: String,
      failingSince: Date,
      createdAt: Date,
      updatedAt: Date,
      place: Number,
    },
    { ...opts, collection: 'webhook_endpoints' },
  );
  endpointSchema.index({ status: 1 }, { name: 'status' });
  endpointSchema.index({ owner: 1, createdAt: 1 }, { name: 'owner' });
  endpointSchema.index({ owner: 1, place: 1 }, { name: 'owner_place', unique: true });

  const messageSchema = new Schema<WebhookMessageDoc>(
    {
      _id: String,
      endpointId: { type: String, required: true },
      owner: String,
      eventId: { type: String, required: true },
      eventType: String,
      payload: String,
      operational: { type: Boolean, default: false },
      status: { type: String, required: true },
      attemptCount: { type: Number, default: 0 },
      nextAttemptAt: Date,
      failingNotified: { type: Boolean, default: false },
      lastError: String,
      lastAttemptAt: Date,
      deliveredAt: Date,
      createdAt: Date,
    },
    { ...opts, collection: 'webhook_messages' },
  );
  messageSchema.index({ status: 1, nextAttemptAt: 1 }, { name: 'due' });
  messageSchema.index({ endpointId: 1, createdAt: 1 }, { name: 'endpoint_time' });
  // The promise that a redelivered event never yields a second webhook, independent of the _id scheme.
  messageSchema.index({ eventId: 1, endpointId: 1 }, { name: 'event_endpoint', unique: true });

  const dueSchema = new Schema<WebhookDueDoc>(
    { _id: String, messageId: { type: String, required: true }, dueAt: { type: Date, required: true } },
    { ...opts, collection: 'webhook_due' },
  );
  dueSchema.index({ dueAt: 1 }, { name: 'due_at' });

  const attemptDocSchema = new Schema<WebhookAttemptDoc>(
    {
      _id: String,
      messageId: String,
      endpointId: String,
      eventId: String,
      attempt: Number,
      at: Date,
      ok: Boolean,
      statusCode: Number,
      error: String,
      responseBody: String,
      durationMs: Number,
    },
    { ...opts, collection: 'webhook_attempts' },
  );
  attemptDocSchema.index({ endpointId: 1, at: -1 }, { name: 'endpoint_newest' });
  attemptDocSchema.index({ messageId: 1, attempt: 1 }, { name: 'message_attempt' });

  const operationalSchema = new Schema<OperationalEventDoc>(
    {
      _id: String,
      owner: String,
      endpointId: String,
      messageId: String,
      type: String,
      data: Schema.Types.Mixed,
      createdAt: Date,
    },
    { ...opts, collection: 'operational_events' },
  );
  operationalSchema.index({ owner: 1, createdAt: -1 }, { name: 'owner_newest' });
  operationalSchema.index({ endpointId: 1, createdAt: -1 }, { name: 'endpoint_newest' });

  const eventLogSchema = new Schema<EventLogDoc>(
    {
      _id: Number,
      eventId: { type: String, required: true },
      type: String,
      source: String,
      subject: String,
      time: String,
      dataJson: String,
      dataProto: Buffer,
      loggedAt: Date,
    },
    { ...opts, collection: 'event_log' },
  );
  eventLogSchema.index({ eventId: 1 }, { name: 'event', unique: true });
  eventLogSchema.index({ loggedAt: 1 }, { name: 'logged_at' });

  const eventLogIdSchema = new Schema<EventLogIdDoc>({ _id: String, seq: Number }, { ...opts, collection: 'event_log_ids' });
  const counterSchema = new Schema<CounterDoc>({ _id: String, deletedThrough: Number }, { ...opts, collection: 'counters' });

  return {
    deliveries: connection.model('Delivery', deliverySchema),
    inbox: connection.model('InboxMessage', inboxSchema),
    preferences: connection.model('Preferences', preferencesSchema),
    endpoints: connection.model('WebhookEndpoint', endpointSchema),
    webhookMessages: connection.model('WebhookMessage', messageSchema),
    webhookDue: connection.model('WebhookDue', dueSchema),
    webhookAttempts: connection.model('WebhookAttempt', attemptDocSchema),
    operationalEvents: connection.model('OperationalEvent', operationalSchema),
    eventLog: connection.model('EventLog', eventLogSchema),
    eventLogIds: connection.model('EventLogId', eventLogIdSchema),
    counters: connection.model('Counter', counterSchema),
  };
}

/**
 * The driver's collection under a model, typed by its documents: for the bulk writes (unordered
 * insertMany, bulkWrite) whose per-item results mongoose does not pass through as is.
 */
export function driverCollection<T extends Document>(model: Pick<Model<T>, 'collection'>): Collection<T> {
  return model.collection as unknown as Collection<T>;
}

/** Creates the indexes (unique ones included) before any write relies on them. */
export async function ensureIndexes(models: NotificationModels): Promise<void> {
  await numberEndpointPlaces(models);
  for (const model of Object.values(models)) await (model as { createIndexes(): Promise<unknown> }).createIndexes();
}

/**
 * Gives endpoints stored before places existed their owner's places, oldest first, so the unique (owner, place)
 * index can be built. Each write is conditional on the endpoint having no place yet, and every instance computes the
 * same numbering, so instances starting together agree.
 */
async function numberEndpointPlaces(models: NotificationModels): Promise<void> {
  const unplaced = await models.endpoints.find({ place: { $exists: false } }, { owner: 1 }).sort({ owner: 1, createdAt: 1, _id: 1 }).lean<{ _id: string; owner: string }[]>();
  const owners = new Set(unplaced.map((d) => d.owner));
  for (const owner of owners) {
    const all = await models.endpoints.find({ owner }, { place: 1 }).sort({ createdAt: 1, _id: 1 }).lean<{ _id: string; place?: number }[]>();
    const taken = new Set(all.map((d) => d.place).filter((p) => p !== undefined));
    let next = 0;
    for (const doc of all.filter((d) => d.place === undefined)) {
      while (taken.has(next)) next += 1;
      await models.endpoints.updateOne({ _id: doc._id, place: { $exists: false } }, { $set: { place: next } });
      taken.add(next);
    }
  }
}
