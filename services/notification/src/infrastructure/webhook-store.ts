// Persistence of the webhook delivery path, shaped for FerretDB v1 and correct on MongoDB:
// - every read is by `_id` or `_id: {$in}` (the only filters FerretDB answers from an index);
// - concurrent deliveries share round trips (see batcher.ts): the messages of one event are queued
//   with one insertMany, attempts are recorded with one insertMany per batch, and results with one
//   unordered bulkWrite per batch;
// - the fallback scan reads webhook_due, which holds only pending states, never webhook_messages.
//
// The due entries keep one invariant: a pending message always has the entry `<id>@<nextAttemptAt>`.
// So an entry is written before the state it names and deleted only after that state is left; an
// entry whose state is gone (a crash in between, a lost race) is stale and the scan removes it.
import type { AnyBulkWriteOperation } from 'mongodb';
import { createBatcher } from '@hangviet/jobs';
import { duplicateKeyIndexes, whenDatabaseAnswers } from '@hangviet/service-kit/mongo-errors';
import { keyset, mapPage } from '@hangviet/service-kit/paging';
import type { MessageSettlement, WebhookMessageStore } from '../application/ports';
import type { WebhookMessage } from '../domain/records';
import { endpointOf } from './mongo-endpoint-repository';
import {
  driverCollection,
  fromDoc,
  toDoc,
  type NotificationModels,
  type WebhookAttemptDoc,
  type WebhookDueDoc,
  type WebhookEndpointDoc,
  type WebhookMessageDoc,
} from './models';

/** The `webhook_due` entry of a message's pending state. */
export const dueEntryId = (messageId: string, dueAt: Date) => `${messageId}@${dueAt.getTime()}`;
const dueEntry = (messageId: string, dueAt: Date): WebhookDueDoc => ({ _id: dueEntryId(messageId, dueAt), messageId, dueAt });

const NEWEST_MESSAGES = keyset<WebhookMessageDoc>([
  { field: 'createdAt', order: 'desc', date: true },
  { field: '_id', order: 'desc' },
]);
const NEWEST_ATTEMPTS = keyset<WebhookAttemptDoc>([
  { field: 'at', order: 'desc', date: true },
  { field: '_id', order: 'desc' },
]);
const messageOf = (doc: WebhookMessageDoc): WebhookMessage => fromDoc<WebhookMessage>(doc);

/** FerretDB serves `_id: {$in}` lists of up to 1000 from its index. */
const MAX_IN = 500;
/** On FerretDB a bulkWrite of this many updates holds its per-collection lock for a few hundred ms; larger ones only lengthen the wait of what queues behind. */
const MAX_SETTLE = 200;

const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((d) => [d._id, d]));

export function createWebhookStore(models: Pick<NotificationModels, 'webhookMessages' | 'webhookDue' | 'webhookAttempts' | 'endpoints'>): WebhookMessageStore {
  const { webhookMessages, webhookDue, webhookAttempts, endpoints } = models;
  const messageWrites = driverCollection<WebhookMessageDoc>(webhookMessages);
  const dueWrites = driverCollection<WebhookDueDoc>(webhookDue);
  const attemptWrites = driverCollection<WebhookAttemptDoc>(webhookAttempts);

  const insertDueEntries = async (entries: WebhookDueDoc[]) => {
    // A duplicate is an entry already there for the same state: fine.
    if (entries.length > 0) await duplicateKeyIndexes(dueWrites.insertMany(entries, { ordered: false }));
  };

  const loadMessages = createBatcher<string, WebhookMessage | null>({
    maxBatch: MAX_IN,
    run: async (ids) => {
      const found = byId(await webhookMessages.find({ _id: { $in: [...new Set(ids)] } }).lean<WebhookMessageDoc[]>());
      return ids.map((id) => {
        const doc = found.get(id);
        return doc ? messageOf(doc) : null;
      });
    },
  });

  const loadEndpoints = createBatcher<string, ReturnType<typeof endpointOf> | null>({
    maxBatch: MAX_IN,
    run: async (ids) => {
      const found = byId(await endpoints.find({ _id: { $in: [...new Set(ids)] } }).lean<WebhookEndpointDoc[]>());
      return ids.map((id) => {
        const doc = found.get(id);
        return doc ? endpointOf(doc) : null;
      });
    },
  });

  const insertAttempts = createBatcher<WebhookAttemptDoc, void>({
    maxBatch: MAX_SETTLE,
    run: async (attempts) => {
      // Attempt ids carry a random part: a duplicate would be the same insert retried, already recorded.
      await duplicateKeyIndexes(attemptWrites.insertMany(attempts, { ordered: false }));
      return attempts.map(() => undefined);
    },
  });

  const settleMessages = createBatcher<MessageSettlement, void>({
    maxBatch: MAX_SETTLE,
    run: async (settlements) => {
      // 1. The entries of the states being entered (retries), before the states.
      await insertDueEntries(
        settlements.filter((s) => s.set.status === 'pending' && s.set.nextAttemptAt).map((s) => dueEntry(s.messageId, s.set.nextAttemptAt!)),
      );
      // 2. The states. Each applies only to the state it was claimed in.
      const operations: AnyBulkWriteOperation<WebhookMessageDoc>[] = settlements.map((s) => ({
        updateOne: { filter: { _id: s.messageId, attemptCount: s.attemptCount }, update: { $set: s.set } },
      }));
      await messageWrites.bulkWrite(operations, { ordered: false });
      // 3. The entries of the states left, after them.
      const left = settlements
        .filter((s) => !(s.set.status === 'pending' && s.set.nextAttemptAt?.getTime() === s.nextAttemptAt.getTime()))
        .map((s) => dueEntryId(s.messageId, s.nextAttemptAt));
      if (left.length > 0) await webhookDue.deleteMany({ _id: { $in: left } });
      return settlements.map(() => undefined);
    },
  });

  // The messages of events handled at the same time (the consumer runs partitions side by side).
  const queueMessages = createBatcher<readonly WebhookMessage[], WebhookMessage[]>({
    maxBatch: 50,
    run: async (perEvent) => {
      const all = perEvent.flat().map((m) => toDoc(m));
      if (all.length === 0) return perEvent.map(() => []);
      // A pending message's entry before it; a message written in a final state (its first attempt made) has none.
      await insertDueEntries(all.filter((m) => m.status === 'pending').map((m) => dueEntry(m._id, m.nextAttemptAt)));
      const existing = await duplicateKeyIndexes(messageWrites.insertMany(all, { ordered: false }));
      let offset = 0;
      return perEvent.map((messages) => {
        const written = messages.filter((_, i) => !existing.has(offset + i));
        offset += messages.length;
        return written;
      });
    },
  });

  return {
    // Retried through a database restart too: the consumer's first attempts write their messages (with the outcome)
    // only after the POSTs, and a write given up on would send them again. Idempotent: a message written by the
    // failed try is a duplicate key the second time (then not reported as written by this call).
    queue: (messages) => (messages.length === 0 ? Promise.resolve([]) : whenDatabaseAnswers(() => queueMessages(messages))),
    message: loadMessages,
    async existing(ids) {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += MAX_IN) {
        const docs = await webhookMessages.find({ _id: { $in: [...new Set(ids.slice(i, i + MAX_IN))] } }, { _id: 1 }).lean<{ _id: string }[]>();
        for (const d of docs) found.add(d._id);
      }
      return found;
    },
    endpoint: loadEndpoints,
    // What follows a POST already made is retried through a database restart (both writes are idempotent: the
    // attempt's id, the state it was claimed in): given up, the message would be sent again once its claim lapses.
    recordAttempt: (attempt) => whenDatabaseAnswers(() => insertAttempts(toDoc(attempt))),
    settle: (settlement) => whenDatabaseAnswers(() => settleMessages(settlement)),
    async willBeDue(messageIds, dueAt) {
      await insertDueEntries(messageIds.map((id) => dueEntry(id, dueAt)));
    },
    async due(now, query, skip, graceMs) {
      const entries = await webhookDue.find({ dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(query.read).lean<WebhookDueDoc[]>();
      const wanted = entries.filter((e) => !skip(e.messageId)).slice(0, query.take);
      const messages = new Map<string, WebhookMessageDoc>();
      for (let i = 0; i < wanted.length; i += MAX_IN) {
        const ids = [...new Set(wanted.slice(i, i + MAX_IN).map((e) => e.messageId))];
        for (const m of await webhookMessages.find({ _id: { $in: ids } }).lean<WebhookMessageDoc[]>()) messages.set(m._id, m);
      }
      const due: WebhookMessage[] = [];
      const stale: string[] = [];
      for (const entry of wanted) {
        const m = messages.get(entry.messageId);
        if (m && m.status === 'pending' && m.nextAttemptAt.getTime() === entry.dueAt.getTime()) {
          due.push(messageOf(m));
        } else if (entry.dueAt.getTime() < now.getTime() - graceMs) {
          // Its state was left (or never written: a queue that failed half way) long enough ago that
          // no write still in flight can be about to enter it.
          stale.push(entry._id);
        }
      }
      if (stale.length > 0) await webhookDue.deleteMany({ _id: { $in: stale } });
      return due;
    },
    async ensureDueEntries() {
      let written = 0;
      const pending = webhookMessages.find({ status: 'pending' }, { _id: 1, nextAttemptAt: 1 }).lean<Pick<WebhookMessageDoc, '_id' | 'nextAttemptAt'>[]>().cursor();
      let batch: WebhookDueDoc[] = [];
      const flush = async () => {
        const existing = await duplicateKeyIndexes(dueWrites.insertMany(batch, { ordered: false }));
        written += batch.length - existing.size;
        batch = [];
      };
      for await (const m of pending) {
        batch.push(dueEntry(m._id, m.nextAttemptAt));
        if (batch.length >= MAX_SETTLE) await flush();
      }
      if (batch.length > 0) await flush();
      return written;
    },
    async list(endpointId, filter, page) {
      const query = { endpointId, ...(filter.status ? { status: filter.status } : {}) };
      const docs = await webhookMessages
        .find({ ...query, ...NEWEST_MESSAGES.after(page.pageToken, query) })
        .sort(NEWEST_MESSAGES.sort)
        .limit(NEWEST_MESSAGES.limit(page.pageSize))
        .lean<WebhookMessageDoc[]>();
      return mapPage(NEWEST_MESSAGES.page(docs, page.pageSize, query), messageOf);
    },
    async exists(endpointId, messageId) {
      return (await webhookMessages.exists({ _id: messageId, endpointId })) !== null;
    },
    async requeue(endpointId, messageId, at) {
      const doc = await webhookMessages
        .findOneAndUpdate(
          { _id: messageId, endpointId, status: { $ne: 'pending' } },
          { $set: { status: 'pending', nextAttemptAt: at, failingNotified: false } },
          { returnDocument: 'after' },
        )
        .lean<WebhookMessageDoc>();
      return doc ? messageOf(doc) : undefined;
    },
    async exhaustedIds(endpointId, range) {
      const docs = await webhookMessages
        .find({ endpointId, status: 'exhausted', createdAt: { $gte: range.since, $lt: range.until } }, { _id: 1 })
        .lean<{ _id: string }[]>();
      return docs.map((d) => d._id);
    },
    async requeueExhausted(ids, at) {
      const result = await webhookMessages.updateMany(
        { _id: { $in: [...ids] }, status: 'exhausted' },
        { $set: { status: 'pending', nextAttemptAt: at, failingNotified: false } },
      );
      return result.modifiedCount;
    },
    async attempts(endpointId, filter, page) {
      const query = { endpointId, ...(filter.messageId ? { messageId: filter.messageId } : {}) };
      const docs = await webhookAttempts
        .find({ ...query, ...NEWEST_ATTEMPTS.after(page.pageToken, query) })
        .sort(NEWEST_ATTEMPTS.sort)
        .limit(NEWEST_ATTEMPTS.limit(page.pageSize))
        .lean<WebhookAttemptDoc[]>();
      return mapPage(NEWEST_ATTEMPTS.page(docs, page.pageSize, query), (d) => fromDoc(d));
    },
  };
}
