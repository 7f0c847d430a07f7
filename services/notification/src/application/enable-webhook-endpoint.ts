// The owner resumes deliveries to a disabled endpoint, with a fresh failure clock.
import { failedPrecondition, type Principal } from '@hangviet/service-kit';
import { endpointNotFound, loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export async function enableWebhookEndpoint(deps: NotificationDeps, command: { principal: Principal; id: string }): Promise<EndpointView> {
  const current = await loadOwnedEndpoint(deps, command.principal, command.id);
  if (current.status === 'active') {
    throw failedPrecondition('WEBHOOK_ENDPOINT_ALREADY_ENABLED', 'The endpoint is already active.', { endpointId: command.id });
  }
  const updated = await deps.endpoints.setStatus(command.id, { status: 'active', updatedAt: deps.now() });
  deps.endpointDirectory.changed();
  if (!updated) throw endpointNotFound(command.id);
  return endpointView(updated);
}
