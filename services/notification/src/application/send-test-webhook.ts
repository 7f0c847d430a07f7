// Sends a test event to one endpoint now, whatever event types it subscribes to (the partner portal's "send a
// test event"): a CloudEvent `hangviet.notification.webhook.test.v1`, signed and delivered like any message,
// so the partner sees it in the delivery log. Not an event of the catalogue: it is never published to Kafka.
import { randomUUID } from 'node:crypto';
import { failedPrecondition, type Principal } from '@hangviet/service-kit';
import type { WebhookMessage } from '../domain/records';
import { loadOwnedEndpoint } from './endpoint-access';
import { webhookMessageId } from './ids';
import type { NotificationDeps } from './ports';
import { messageView, type MessageView } from './views';

export const TEST_EVENT_TYPE = 'hangviet.notification.webhook.test.v1';

export async function sendTestWebhook(deps: NotificationDeps, command: { principal: Principal; id: string }): Promise<MessageView> {
  const endpoint = await loadOwnedEndpoint(deps, command.principal, command.id);
  if (endpoint.status !== 'active') throw failedPrecondition('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before sending a test event to it.', { endpointId: endpoint.id });
  const now = deps.now();
  const eventId = randomUUID();
  const payload = JSON.stringify({
    specversion: '1.0',
    id: eventId,
    source: 'hangviet/notification',
    type: TEST_EVENT_TYPE,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data: { endpointId: endpoint.id, message: 'A test event from the partner portal.' },
  });
  const message: WebhookMessage = {
    id: webhookMessageId(eventId, endpoint.id),
    endpointId: endpoint.id,
    owner: endpoint.owner,
    eventId,
    eventType: TEST_EVENT_TYPE,
    payload,
    operational: false,
    status: 'pending',
    attemptCount: 0,
    nextAttemptAt: now,
    failingNotified: false,
    createdAt: now,
  };
  const [written] = await deps.webhooks.queue([message]);
  if (written) deps.enqueue.webhook(written.id, { message: written, insertedAt: now.getTime() });
  return messageView(written ?? message);
}
