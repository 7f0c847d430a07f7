// The owner stops deliveries to an endpoint; pending messages are closed when their turn comes.
import { failedPrecondition, type Principal } from '@hangviet/service-kit';
import { endpointNotFound, loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export async function disableWebhookEndpoint(deps: NotificationDeps, command: { principal: Principal; id: string }): Promise<EndpointView> {
  const current = await loadOwnedEndpoint(deps, command.principal, command.id);
  if (current.status === 'disabled') {
    throw failedPrecondition('WEBHOOK_ENDPOINT_ALREADY_DISABLED', 'The endpoint is already disabled.', { endpointId: command.id });
  }
  const updated = await deps.endpoints.setStatus(command.id, { status: 'disabled', disabledReason: 'DISABLED_BY_OWNER', updatedAt: deps.now() });
  deps.endpointDirectory.changed();
  if (!updated) throw endpointNotFound(command.id);
  return endpointView(updated);
}
