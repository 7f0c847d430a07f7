// Sends one message again now (one attempt; it keeps its webhook-id so the receiver can deduplicate).
import { failedPrecondition, notFound, type Principal } from '@hangviet/service-kit';
import { loadOwnedEndpoint } from './endpoint-access';
import type { NotificationDeps } from './ports';
import { messageView, type MessageView } from './views';

export async function replayWebhookMessage(deps: NotificationDeps, command: { principal: Principal; id: string; messageId: string }): Promise<MessageView> {
  const { id, messageId } = command;
  const endpoint = await loadOwnedEndpoint(deps, command.principal, id);
  if (endpoint.status !== 'active') throw failedPrecondition('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before replaying to it.', { endpointId: id });
  const now = deps.now();
  // The due entry of the state about to be entered, first: the fallback scan finds it after a crash.
  await deps.webhooks.willBeDue([messageId], now);
  const message = await deps.webhooks.requeue(id, messageId, now);
  if (!message) {
    if (await deps.webhooks.exists(id, messageId)) throw failedPrecondition('WEBHOOK_MESSAGE_PENDING', 'The message is already waiting to be sent.', { messageId });
    throw notFound('WEBHOOK_MESSAGE_NOT_FOUND', `No message '${messageId}' for this endpoint.`, { messageId });
  }
  deps.enqueue.webhook(message.id, { message });
  return messageView(message);
}
