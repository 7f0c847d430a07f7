// A partner's endpoints (staff: everyone's), oldest first, AIP-158 paged.
import { isStaff, type Principal } from '@hangviet/service-kit';
import { mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { ownerOf } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export async function listWebhookEndpoints(deps: NotificationDeps, query: { principal: Principal; page: PageRequest }): Promise<Page<EndpointView>> {
  const filter = isStaff(query.principal) ? {} : { owner: ownerOf(query.principal) };
  return mapPage(await deps.endpoints.list(filter, query.page), endpointView);
}
