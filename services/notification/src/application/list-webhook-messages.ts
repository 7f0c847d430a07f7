// The messages queued for an endpoint, newest first, optionally by status, AIP-158 paged.
import type { Principal } from '@hangviet/service-kit';
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { WebhookMessageStatus } from '../domain/webhook-delivery';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { messageView, type MessageView } from './views';

export async function listWebhookMessages(
  deps: NotificationDeps,
  query: { principal: Principal; id: string; status?: WebhookMessageStatus; page: PageRequest },
): Promise<Page<MessageView>> {
  await loadOwnedEndpoint(deps, query.principal, query.id);
  const filter = query.status ? { status: query.status } : {};
  return mapPage(await deps.webhooks.list(query.id, filter, query.page), messageView);
}
