// A new signing secret; the old ones keep signing (both signatures sent) until the overlap ends.
import { conflict, type Principal } from '@hangviet/service-kit';
import { newWebhookSecret, rotateSecrets } from '../domain/webhook-signing';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';

export interface RotateWebhookSecret {
  principal: Principal;
  id: string;
  /** Default: WEBHOOK_SECRET_OVERLAP. */
  overlapMs?: number;
}

export async function rotateWebhookSecret(deps: NotificationDeps, command: RotateWebhookSecret): Promise<{ secret: string; previousSecretsExpireTime: string }> {
  const { id } = command;
  const current = await loadOwnedEndpoint(deps, command.principal, id);
  const now = deps.now();
  const secret = newWebhookSecret();
  const overlap = command.overlapMs ?? deps.secretOverlapMs;
  const secrets = rotateSecrets(current.secrets, secret, now, overlap);
  // Compare-and-set on the secrets read: two rotations at once must not lose one of them.
  if (!(await deps.endpoints.replaceSecrets(id, current.secrets[0]?.secret, secrets, now))) {
    throw conflict('WEBHOOK_SECRET_ROTATION_CONFLICT', 'The secret was rotated concurrently; retry.', { endpointId: id });
  }
  deps.endpointDirectory.changed();
  return { secret, previousSecretsExpireTime: new Date(now.getTime() + overlap).toISOString() };
}
