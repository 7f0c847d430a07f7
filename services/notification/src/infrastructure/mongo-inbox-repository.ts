// Inbox entries in MongoDB/FerretDB, newest first per recipient.
import { keyset, mapPage } from '@hangviet/service-kit/paging';
import type { InboxRepository } from '../application/ports';
import type { InboxEntry } from '../domain/records';
import { fromDoc, type InboxMessageDoc, type NotificationModels } from './models';

const NEWEST_FIRST = keyset<InboxMessageDoc>([
  { field: 'createdAt', order: 'desc', date: true },
  { field: '_id', order: 'desc' },
]);

export function createInboxRepository(models: Pick<NotificationModels, 'inbox'>): InboxRepository {
  const { inbox } = models;
  return {
    async list(recipientKey, filter, page) {
      const query = { recipientKey, ...(filter.unreadOnly ? { readAt: null } : {}) };
      const docs = await inbox
        .find({ ...query, ...NEWEST_FIRST.after(page.pageToken, query) })
        .sort(NEWEST_FIRST.sort)
        .limit(NEWEST_FIRST.limit(page.pageSize))
        .lean<InboxMessageDoc[]>();
      return mapPage(NEWEST_FIRST.page(docs, page.pageSize, query), (d) => fromDoc<InboxEntry>(d));
    },
    unreadCount: (recipientKey) => inbox.countDocuments({ recipientKey, readAt: null }),
    async markRead(recipientKey, id, at) {
      await inbox.updateOne({ _id: id, recipientKey, readAt: null }, { $set: { readAt: at } });
      const doc = await inbox.findOne({ _id: id, recipientKey }).lean<InboxMessageDoc>();
      return doc ? fromDoc<InboxEntry>(doc) : undefined;
    },
  };
}
