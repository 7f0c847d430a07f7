// Webhook endpoints in MongoDB/FerretDB. An endpoint document also carries the outbox of the
// operational events about it: the health change an attempt causes and the events it raises are one
// single-document update, published by the outbox relay (topic hangviet.notification.delivery, keyed
// by the endpoint id, so one endpoint's events stay in order).
import { outboxEntry, outboxUpdate, type OutboxEntry } from '@hangviet/events';
import {
  WebhookAttemptExhausted,
  WebhookAttemptFailing,
  WebhookAttemptRecovered,
  WebhookEndpointDisabled,
} from '@hangviet/events/catalog';
import { isDuplicateKey, unavailable } from '@hangviet/service-kit';
import { keyset, mapPage } from '@hangviet/service-kit/paging';
import type { Document, UpdateFilter } from 'mongodb';
import type { EndpointHealthChange, EndpointRepository, OperationalEvent } from '../application/ports';
import type { WebhookEndpoint } from '../domain/records';
import { driverCollection, fromDoc, toDoc, type NotificationModels, type WebhookEndpointDoc } from './models';

export const EVENT_SOURCE = 'notification';

const OLDEST_FIRST = keyset<WebhookEndpointDoc>([{ field: '_id', order: 'asc' }]);

/** The record of a stored endpoint, without its outbox. */
export function endpointOf(doc: WebhookEndpointDoc): WebhookEndpoint {
  const { outbox: _o, outboxPendingSince: _p, outboxLease: _l, place: _place, ...rest } = doc;
  return fromDoc<WebhookEndpoint>(rest);
}

const toTimestamp = (d: Date) => ({ seconds: String(Math.floor(d.getTime() / 1000)), nanos: (d.getTime() % 1000) * 1_000_000 });

/** The catalogue event of an operational event, as an outbox entry of its endpoint. */
export function operationalOutboxEntry(event: OperationalEvent, extra: { reason?: string } = {}): OutboxEntry {
  const detail = {
    endpointId: event.endpoint.id,
    url: event.endpoint.url,
    owner: event.endpoint.owner,
    messageId: event.message.id,
    eventId: event.message.eventId,
    eventType: event.message.eventType,
    attempts: event.attempts,
    lastError: event.lastError ?? '',
    occurredTime: toTimestamp(event.at),
  };
  const opts = { source: EVENT_SOURCE, id: event.id, time: event.at };
  switch (event.kind) {
    case 'attempt.failing':
      return outboxEntry(WebhookAttemptFailing, event.endpoint.id, detail, opts);
    case 'attempt.exhausted':
      return outboxEntry(WebhookAttemptExhausted, event.endpoint.id, detail, opts);
    case 'attempt.recovered':
      return outboxEntry(WebhookAttemptRecovered, event.endpoint.id, detail, opts);
    case 'endpoint.disabled':
      return outboxEntry(WebhookEndpointDisabled, event.endpoint.id, { ...detail, reason: extra.reason ?? '' }, opts);
  }
}

export interface MongoEndpointRepositoryOptions {
  /** Awaited after each write that carried events: the outbox relay publishes them at once. */
  afterWrite?: (id: string) => Promise<void>;
}

export function createEndpointRepository(models: Pick<NotificationModels, 'endpoints'>, options: MongoEndpointRepositoryOptions = {}): EndpointRepository {
  const { endpoints } = models;
  const writes = driverCollection<WebhookEndpointDoc>(endpoints);
  const published = async (id: string) => options.afterWrite?.(id);
  const withEvents = (update: UpdateFilter<Document>, events: OutboxEntry[]): UpdateFilter<Document> =>
    events.length > 0 ? { ...update, ...outboxUpdate<Document>(events) } : update;
  const updateOne = (filter: Document, update: UpdateFilter<Document>) => (writes as unknown as import('mongodb').Collection<Document>).updateOne(filter, update);

  return {
    async addWithinLimit(endpoint, limit) {
      // The first free place of the owner's 0…limit-1; a place another creation took meanwhile is a duplicate key
      // on (owner, place) and the next free one is tried, so no interleaving lets more than `limit` in. Each lost
      // race fills one place, so `limit` tries are enough.
      for (let tries = 0; tries <= limit; tries++) {
        const taken = new Set((await endpoints.find({ owner: endpoint.owner }, { place: 1 }).lean<{ place?: number }[]>()).map((d) => d.place));
        const place = Array.from({ length: limit }, (_, i) => i).find((i) => !taken.has(i));
        if (place === undefined) return false;
        try {
          await endpoints.create({ ...toDoc(endpoint), place });
          return true;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      return false;
    },
    async get(id) {
      const doc = await endpoints.findById(id).lean<WebhookEndpointDoc>();
      return doc ? endpointOf(doc) : undefined;
    },
    async list(filter, page) {
      const query = { ...(filter.owner ? { owner: filter.owner } : {}) };
      const docs = await endpoints
        .find({ ...query, ...OLDEST_FIRST.after(page.pageToken, query) })
        .sort(OLDEST_FIRST.sort)
        .limit(OLDEST_FIRST.limit(page.pageSize))
        .lean<WebhookEndpointDoc[]>();
      return mapPage(OLDEST_FIRST.page(docs, page.pageSize, query), endpointOf);
    },
    async update(id, set) {
      const doc = await endpoints.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<WebhookEndpointDoc>();
      return doc ? endpointOf(doc) : undefined;
    },
    async setStatus(id, change) {
      const $set =
        change.status === 'active'
          ? { status: 'active', failingSince: null, disabledReason: null, updatedAt: change.updatedAt }
          : { status: 'disabled', disabledReason: change.disabledReason ?? 'DISABLED_BY_OWNER', updatedAt: change.updatedAt };
      const doc = await endpoints.findOneAndUpdate({ _id: id }, { $set }, { returnDocument: 'after' }).lean<WebhookEndpointDoc>();
      return doc ? endpointOf(doc) : undefined;
    },
    async replaceSecrets(id, currentSecret, secrets, updatedAt) {
      const result = await endpoints.updateOne({ _id: id, 'secrets.secret': currentSecret }, { $set: { secrets, updatedAt } });
      return result.matchedCount > 0;
    },
    async remove(id) {
      // Its pending events first: deleting the document would take them with it.
      for (let attempt = 0; attempt < 3; attempt++) {
        await published(id);
        const result = await endpoints.deleteOne({ _id: id, $or: [{ outbox: { $exists: false } }, { outbox: { $size: 0 } }] });
        if (result.deletedCount > 0 || !(await endpoints.exists({ _id: id }))) return;
      }
      throw unavailable('WEBHOOK_ENDPOINT_BUSY', 'The endpoint has events still being published; retry shortly.', { endpointId: id });
    },
    async recordHealth(id, change: EndpointHealthChange) {
      let events = change.events.map((e) => operationalOutboxEntry(e));
      let wrote = false;
      if (change.disable) {
        // Only an active endpoint is disabled, and only that write raises endpoint_disabled.
        const { reason, at, event } = change.disable;
        const disabled = event ? [operationalOutboxEntry(event, { reason })] : [];
        const result = await updateOne(
          { _id: id, status: 'active' },
          withEvents({ $set: { status: 'disabled', disabledReason: reason, updatedAt: at, ...(change.failingSince ? { failingSince: change.failingSince } : {}) } }, [...events, ...disabled]),
        );
        if (result.matchedCount > 0) {
          wrote = true;
          events = [];
        }
      }
      if (!wrote && change.failingSince !== undefined) {
        // The first failure since the last success starts the clock: only if no other attempt started it.
        const filter = change.failingSince === null ? { _id: id } : { _id: id, failingSince: null };
        const result = await updateOne(filter, withEvents({ $set: { failingSince: change.failingSince } }, events));
        if (result.matchedCount > 0) events = [];
      }
      if (events.length > 0) await updateOne({ _id: id }, withEvents({}, events));
      if (change.events.length > 0 || change.disable?.event) await published(id);
    },
  };
}
