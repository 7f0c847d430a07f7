// The operational events about one endpoint (as consumed back from Kafka), newest first, AIP-158 paged.
import type { Principal } from '@hangviet/service-kit';
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { operationalEventView, type OperationalEventView } from './views';

export async function listOperationalEvents(
  deps: NotificationDeps,
  query: { principal: Principal; id: string; page: PageRequest },
): Promise<Page<OperationalEventView>> {
  await loadOwnedEndpoint(deps, query.principal, query.id);
  return mapPage(await deps.operationalEvents.list(query.id, query.page), operationalEventView);
}
