// The in-app inbox of a business or a staff member: newest first, with read marks, AIP-158 paged.
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { NotificationDeps } from './ports';
import { inboxMessageView, type InboxMessageView } from './views';

export async function listInbox(
  deps: NotificationDeps,
  query: { recipientKey: string; unreadOnly: boolean; page: PageRequest },
): Promise<Page<InboxMessageView> & { unreadCount: number }> {
  const [page, unreadCount] = await Promise.all([
    deps.inbox.list(query.recipientKey, { unreadOnly: query.unreadOnly }, query.page),
    deps.inbox.unreadCount(query.recipientKey),
  ]);
  return { ...mapPage(page, inboxMessageView), unreadCount };
}
