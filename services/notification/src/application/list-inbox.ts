// The in-app inbox of a business or a staff member: newest first, with read marks, AIP-158 paged.
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { NotificationDeps } from './ports';
import { inboxMessageView, type InboxMessageView } from './views';

export async function listInbox(
  deps: NotificationDeps,
  query: { recipientKey: string; unreadOnly: boolean; page: PageRequest },
): Promise<Page<InboxMessageView> & { unreadCount: number }> {
  const page = await deps.inbox.list(query.recipientKey, { unreadOnly: query.unreadOnly }, query.page);
  // Counted after the page is read, not beside it: every unread entry the page shows is in the count.
  const unreadCount = await deps.inbox.unreadCount(query.recipientKey);
  return { ...mapPage(page, inboxMessageView), unreadCount };
}
