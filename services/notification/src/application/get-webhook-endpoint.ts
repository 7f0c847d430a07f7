// One endpoint, for its owner or staff.
import type { Principal } from '@hangviet/service-kit';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export async function getWebhookEndpoint(deps: NotificationDeps, query: { principal: Principal; id: string }): Promise<EndpointView> {
  return endpointView(await loadOwnedEndpoint(deps, query.principal, query.id));
}
