// Persistence of the webhook delivery path, shaped for FerretDB v1 and correct on MongoDB:
// - every read is by `_id` or `_id: {$in}` (the only filters FerretDB answers from an index);
// - concurrent deliveries share round trips (see batcher.ts): the messages of one event are queued
//   with one insertMany, attempts are recorded with one insertMany per batch, and results with one
//   unordered bulkWrite per batch;
// - the fallback scan reads webhook_due, which holds only pending states, never webhook_messages.
//
// The due entries keep one invariant: a pending message always has an entry naming its state. So an
// entry is written before the state it names and deleted only after that state is left; an entry whose
// state is gone (a crash in between, a lost race) is stale and the scan removes it. A retry's or a
// replay's state has an entry of its own, `<id>@<nextAttemptAt>`; the first states of the messages
// queued together share one (`messageIds`), deleted once the last of them is left here, or by the scan
// when it finds none of them still in its first state (a message another instance settled).
import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation } from 'mongodb';
import { createBatcher } from '@hangviet/jobs';
import { duplicateKeyIndexes } from '@hangviet/service-kit/mongo-errors';
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
/** Attempt-record and settlement writes in flight at once (FerretDB runs updates of distinct `_id`s side by side). */
const WRITES_IN_FLIGHT = 4;
/** Messages one scan reads at most (a batch entry names up to 500). */
const MAX_SCAN_READS = 2000;
/** On FerretDB a bulkWrite of this many updates holds its per-collection lock for a few hundred ms; larger ones only lengthen the wait of what queues behind. */
const MAX_SETTLE = 200;

const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((d) => [d._id, d]));

export function createWebhookStore(
  models: Pick<NotificationModels, 'webhookMessages' | 'webhookDue' | 'webhookAttempts' | 'endpoints'>,
  opts: { leaseMs: number },
): WebhookMessageStore {
  const { webhookMessages, webhookDue, webhookAttempts, endpoints } = models;
  /** A queued message's entry shows to the scan this long after its due time (see the queue port). */
  const heldMs = 2 * opts.leaseMs;
  const messageWrites = driverCollection<WebhookMessageDoc>(webhookMessages);
  const dueWrites = driverCollection<WebhookDueDoc>(webhookDue);
  const attemptWrites = driverCollection<WebhookAttemptDoc>(webhookAttempts);

  const insertDueEntries = async (entries: WebhookDueDoc[]) => {
    // A duplicate is an entry already there for the same state: fine.
    if (entries.length > 0) await duplicateKeyIndexes(dueWrites.insertMany(entries, { ordered: false }));
  };

  /** The queue batches' entries this instance wrote, with their messages still in their first state here. */
  const batches = new Map<string, { written: number; open: Set<string> }>();
  const batchOf = new Map<string, string>();
  /** Messages of this instance's batches that another instance settled never close them here: forget them. */
  const forgetOldBatches = (now: number) => {
    for (const [entryId, batch] of batches) {
      if (now - batch.written < 20 * heldMs) break;
      for (const messageId of batch.open) batchOf.delete(messageId);
      batches.delete(entryId);
    }
  };
  /** The batch entries `settlements` leave behind them (their last open message settled). */
  const closeBatches = (settlements: readonly MessageSettlement[]) => {
    const closed: string[] = [];
    for (const s of settlements) {
      const entryId = s.attemptCount === 0 ? batchOf.get(s.messageId) : undefined;
      if (!entryId) continue;
      batchOf.delete(s.messageId);
      const batch = batches.get(entryId);
      if (!batch) continue;
      batch.open.delete(s.messageId);
      if (batch.open.size === 0) {
        batches.delete(entryId);
        closed.push(entryId);
      }
    }
    return closed;
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

  // The attempt record and the new state are what stand between a POST and its outcome being known to another
  // instance (a crash in between sends it again): their writes do not wait for one another's batches.
  const insertAttempts = createBatcher<WebhookAttemptDoc, void>({
    maxBatch: MAX_SETTLE,
    concurrency: WRITES_IN_FLIGHT,
    run: async (attempts) => {
      // Attempt ids carry a random part: a duplicate would be the same insert retried, already recorded.
      await duplicateKeyIndexes(attemptWrites.insertMany(attempts, { ordered: false }));
      return attempts.map(() => undefined);
    },
  });

  const settleMessages = createBatcher<MessageSettlement, void>({
    maxBatch: MAX_SETTLE,
    concurrency: WRITES_IN_FLIGHT,
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
      // 3. The entries of the states left, after them: a first state's is its batch's, once the batch's last is left.
      const inBatch = new Set(settlements.filter((s) => s.attemptCount === 0 && batchOf.has(s.messageId)).map((s) => s.messageId));
      const left = settlements
        .filter((s) => !inBatch.has(s.messageId) && !(s.set.status === 'pending' && s.set.nextAttemptAt?.getTime() === s.nextAttemptAt.getTime()))
        .map((s) => dueEntryId(s.messageId, s.nextAttemptAt));
      left.push(...closeBatches(settlements));
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
      // One entry for the first states of them all; it shows to the scan only heldMs after the latest. Written side
      // by side with them (one round trip less before the first attempts), so an entry may be missing for a message
      // written here if this fails half way: the event is then handled again, its messages refused as duplicates,
      // and this entry, kept whenever any is refused, names them; the scan deletes it once none is pending first.
      const latest = new Date(Math.max(...all.map((m) => m.nextAttemptAt.getTime())));
      const entry: WebhookDueDoc = { _id: `batch_${randomUUID()}@${latest.getTime()}`, messageId: '', messageIds: all.map((m) => m._id), dueAt: new Date(latest.getTime() + heldMs), at: latest };
      const [, existing] = await Promise.all([insertDueEntries([entry]), duplicateKeyIndexes(messageWrites.insertMany(all, { ordered: false }))]);
      if (existing.size === 0) {
        // Deleted here once the last of them has left its first state (settleMessages), else by the scan.
        forgetOldBatches(Date.now());
        batches.set(entry._id, { written: Date.now(), open: new Set(all.map((m) => m._id)) });
        for (const m of all) batchOf.set(m._id, entry._id);
      }
      let offset = 0;
      return perEvent.map((messages) => {
        const written = messages.filter((_, i) => !existing.has(offset + i));
        offset += messages.length;
        return written;
      });
    },
  });

  return {
    queue: (messages) => (messages.length === 0 ? Promise.resolve([]) : queueMessages(messages)),
    message: loadMessages,
    endpoint: loadEndpoints,
    recordAttempt: (attempt) => insertAttempts(toDoc(attempt)),
    settle: settleMessages,
    async willBeDue(messageIds, dueAt) {
      await insertDueEntries(messageIds.map((id) => dueEntry(id, dueAt)));
    },
    async due(now, query, skip, graceMs) {
      const entries = await webhookDue.find({ dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(query.read).lean<WebhookDueDoc[]>();
      // The messages to read: each entry's, oldest entry first, until `take` of them are wanted; a batch entry is
      // read whole (to tell whether it is stale) as long as the reads stay within MAX_SCAN_READS.
      const wanted: WebhookDueDoc[] = [];
      const toRead = new Set<string>();
      let taken = 0;
      for (const entry of entries) {
        const ids = entry.messageIds ?? [entry.messageId];
        if (wanted.length > 0 && (taken >= query.take || toRead.size + ids.length > MAX_SCAN_READS)) break;
        wanted.push(entry);
        for (const messageId of ids) {
          if (skip(messageId)) continue;
          toRead.add(messageId);
          taken += 1;
        }
      }
      const messages = new Map<string, WebhookMessageDoc>();
      const ids = [...toRead];
      for (let i = 0; i < ids.length; i += MAX_IN) {
        for (const m of await webhookMessages.find({ _id: { $in: ids.slice(i, i + MAX_IN) } }).lean<WebhookMessageDoc[]>()) messages.set(m._id, m);
      }
      const due = new Map<string, WebhookMessage>();
      const stale: string[] = [];
      for (const entry of wanted) {
        // In the state the entry names: its own, or the first state of a batch's message.
        const inState = (m: WebhookMessageDoc | undefined): m is WebhookMessageDoc =>
          !!m && m.status === 'pending' && (entry.messageIds ? m.attemptCount === 0 : m.nextAttemptAt.getTime() === (entry.at ?? entry.dueAt).getTime());
        const named = (entry.messageIds ?? [entry.messageId]).filter((messageId) => toRead.has(messageId));
        const open = named.map((messageId) => messages.get(messageId)).filter(inState);
        for (const m of open) if (m.nextAttemptAt.getTime() <= now.getTime()) due.set(m._id, messageOf(m));
        // Held here (skipped) means not stale either; else: its states were left (or never written: a queue that
        // failed half way) long enough ago that no write still in flight can be about to enter them.
        const whole = named.length === (entry.messageIds ?? [entry.messageId]).length;
        if (open.length === 0 && whole && entry.dueAt.getTime() < now.getTime() - graceMs) stale.push(entry._id);
      }
      if (stale.length > 0) await webhookDue.deleteMany({ _id: { $in: stale } });
      return [...due.values()].slice(0, query.take);
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
