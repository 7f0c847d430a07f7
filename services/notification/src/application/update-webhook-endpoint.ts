// Changes an endpoint's URL, patterns or description (checked as at creation).
import type { Principal } from '@hangviet/service-kit';
import { checkEventTypes, checkUrl, endpointNotFound, loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export interface UpdateWebhookEndpoint {
  principal: Principal;
  id: string;
  patch: { url?: string; eventTypes?: string[]; description?: string };
}

export async function updateWebhookEndpoint(deps: NotificationDeps, command: UpdateWebhookEndpoint): Promise<EndpointView> {
  const { id, patch } = command;
  await loadOwnedEndpoint(deps, command.principal, id);
  if (patch.eventTypes) checkEventTypes(patch.eventTypes, deps.knownEventTypes());
  if (patch.url !== undefined) await checkUrl(deps, patch.url);
  const updated = await deps.endpoints.update(id, {
    updatedAt: deps.now(),
    ...(patch.url !== undefined ? { url: patch.url } : {}),
    ...(patch.eventTypes !== undefined ? { eventTypes: patch.eventTypes } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  });
  deps.endpointDirectory.changed();
  if (!updated) throw endpointNotFound(id);
  return endpointView(updated);
}
