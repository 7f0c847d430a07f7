// The endpoint's current signing secret, for its owner (the portal's "reveal"): needed again to configure a
// receiver after the creation answer is gone. Owner or staff only; others get 404 like every endpoint read.
import type { Principal } from '@hangviet/service-kit';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';

export async function revealWebhookSecret(deps: Pick<NotificationDeps, 'endpoints'>, command: { principal: Principal; id: string }): Promise<{ secret: string }> {
  const endpoint = await loadOwnedEndpoint(deps, command.principal, command.id);
  // The newest secret signs first (rotateSecrets puts it at the head).
  return { secret: endpoint.secrets[0]?.secret ?? '' };
}
