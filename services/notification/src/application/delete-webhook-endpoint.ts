// Deletes an endpoint: pending messages find no endpoint and are closed by the worker; nothing is sent after this.
import type { Principal } from '@hangviet/service-kit';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';

export async function deleteWebhookEndpoint(deps: NotificationDeps, command: { principal: Principal; id: string }): Promise<void> {
  await loadOwnedEndpoint(deps, command.principal, command.id);
  await deps.endpoints.remove(command.id);
  deps.endpointDirectory.changed();
}
