// The in-app inbox of a business or a staff member: newest first, with read marks.
import { notFound } from '@hangviet/service-kit';
import type { InboxMessageDoc } from '../infrastructure/models';
import type { NotificationDeps } from './deps';
import { decodePageToken, encodePageToken } from './page-token';

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

const view = (m: InboxMessageDoc): InboxMessageView => ({
  id: m._id,
  eventId: m.eventId,
  eventType: m.eventType,
  title: m.title,
  body: m.body,
  locale: m.locale,
  createTime: m.createdAt.toISOString(),
  read: Boolean(m.readAt),
  ...(m.readAt ? { readTime: m.readAt.toISOString() } : {}),
});

export async function listInbox(
  deps: NotificationDeps,
  recipientKey: string,
  page: { pageSize: number; pageToken?: string; unreadOnly?: boolean },
): Promise<{ messages: InboxMessageView[]; nextPageToken: string; unreadCount: number }> {
  const after = decodePageToken<{ at: number; id: string }>(page.pageToken, ['at', 'id']);
  const filter: Record<string, unknown> = { recipientKey };
  if (page.unreadOnly) filter.readAt = null;
  if (after) filter.$or = [{ createdAt: { $lt: new Date(after.at) } }, { createdAt: new Date(after.at), _id: { $lt: after.id } }];
  const docs = await deps.models.inbox.find(filter).sort({ createdAt: -1, _id: -1 }).limit(page.pageSize + 1).lean();
  const more = docs.length > page.pageSize;
  const shown = docs.slice(0, page.pageSize);
  const last = shown.at(-1);
  const unreadCount = await deps.models.inbox.countDocuments({ recipientKey, readAt: null });
  return {
    messages: shown.map(view),
    nextPageToken: more && last ? encodePageToken({ at: last.createdAt.getTime(), id: last._id }) : '',
    unreadCount,
  };
}

/** Idempotent: marking a read message again keeps its first read time. */
export async function markInboxMessageRead(deps: NotificationDeps, recipientKey: string, id: string): Promise<InboxMessageView> {
  await deps.models.inbox.updateOne({ _id: id, recipientKey, readAt: null }, { $set: { readAt: deps.now() } });
  const doc = await deps.models.inbox.findOne({ _id: id, recipientKey }).lean();
  if (!doc) throw notFound('INBOX_MESSAGE_NOT_FOUND', `No inbox message '${id}'.`, { messageId: id });
  return view(doc);
}
