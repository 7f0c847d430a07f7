// Every delivery attempt to an endpoint (or of one message), newest first, AIP-158 paged.
import type { Principal } from '@hangviet/service-kit';
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { attemptView, type AttemptView } from './views';

export async function listWebhookAttempts(
  deps: NotificationDeps,
  query: { principal: Principal; id: string; messageId?: string; page: PageRequest },
): Promise<Page<AttemptView>> {
  await loadOwnedEndpoint(deps, query.principal, query.id);
  const filter = query.messageId ? { messageId: query.messageId } : {};
  return mapPage(await deps.webhooks.attempts(query.id, filter, query.page), attemptView);
}
