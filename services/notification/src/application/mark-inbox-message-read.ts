// Idempotent: marking a read message again keeps its first read time.
import { notFound } from '@hangviet/service-kit';
import type { NotificationDeps } from './ports';
import { inboxMessageView, type InboxMessageView } from './views';

export async function markInboxMessageRead(deps: NotificationDeps, command: { recipientKey: string; id: string }): Promise<InboxMessageView> {
  const entry = await deps.inbox.markRead(command.recipientKey, command.id, deps.now());
  if (!entry) throw notFound('INBOX_MESSAGE_NOT_FOUND', `No inbox message '${command.id}'.`, { messageId: command.id });
  return inboxMessageView(entry);
}
