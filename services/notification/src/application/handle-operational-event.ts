// An operational event (hangviet.notification.delivery.*) consumed back from Kafka. It concerns one
// endpoint's owner only, so unlike a public event it is neither logged for the partner stream nor sent
// to every subscriber: it is kept for the owner's listing, and sent as a webhook to the owner's *other*
// active endpoints subscribed to it (Svix sends operational webhooks to the account owner). Those
// messages are marked operational: their failures raise no operational events, so nothing loops.
import type { NotificationDeps } from './ports';
import { queueWebhookMessages } from './fan-out-webhooks';

export interface OperationalEventDelivered {
  id: string;
  type: string;
  time: string;
  /** The event's data in its JSON form: endpointId, owner, messageId, … */
  data: { endpointId?: string; owner?: string; messageId?: string } & Record<string, unknown>;
  /** The CloudEvents structured JSON the owner's endpoints receive. */
  payload: string;
}

export async function handleOperationalEvent(deps: NotificationDeps, event: OperationalEventDelivered): Promise<number> {
  const { endpointId, owner, messageId } = event.data;
  if (!endpointId || !owner) {
    deps.logger.warn({ eventId: event.id, type: event.type }, 'operational event without endpoint or owner: ignored');
    return 0;
  }
  await deps.operationalEvents.record({
    id: event.id,
    owner,
    endpointId,
    ...(messageId ? { messageId } : {}),
    type: event.type,
    data: event.data,
    createdAt: new Date(event.time),
  });
  const others = (await deps.endpointDirectory.active()).filter((e) => e.owner === owner && e.id !== endpointId);
  return queueWebhookMessages(deps, { id: event.id, type: event.type, payload: event.payload }, others, { operational: true });
}
