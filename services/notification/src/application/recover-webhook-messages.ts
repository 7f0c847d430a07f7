// Re-queues every message that ended undelivered in [since, until): after a partner's outage.
import { failedPrecondition, invalid, type Principal } from '@hangviet/service-kit';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';

const RECOVER_SLICE = 500;

export interface RecoverWebhookMessages {
  principal: Principal;
  id: string;
  since: Date;
  until?: Date;
}

export async function recoverWebhookMessages(deps: NotificationDeps, command: RecoverWebhookMessages): Promise<{ recovered: number }> {
  const { id } = command;
  const endpoint = await loadOwnedEndpoint(deps, command.principal, id);
  if (endpoint.status !== 'active') throw failedPrecondition('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before recovering to it.', { endpointId: id });
  const now = deps.now();
  const until = command.until ?? now;
  if (until <= command.since) throw invalid([{ field: 'until', code: 'RANGE_EMPTY', message: 'until must be after since' }]);
  const exhausted = await deps.webhooks.exhaustedIds(id, { since: command.since, until });
  let recovered = 0;
  // In slices that FerretDB answers from its _id index; each slice's due entries before its states.
  for (let i = 0; i < exhausted.length; i += RECOVER_SLICE) {
    const ids = exhausted.slice(i, i + RECOVER_SLICE);
    await deps.webhooks.willBeDue(ids, now);
    recovered += await deps.webhooks.requeueExhausted(ids, now);
    for (const messageId of ids) deps.enqueue.webhook(messageId);
  }
  return { recovered };
}
