// The one consumer use case: every public platform event goes to the partner event log (gRPC
// stream), to subscribed webhook endpoints, and — for the events that concern people — to inboxes
// and channel deliveries. Every write is keyed by the event, so handling it twice is a no-op.
import { toStructuredJson, type MessageCodec } from '@hangviet/events';
import type { NotificationDeps } from './deps';
import { fanOutToWebhooks } from './fan-out-webhooks';
import { notifyPeople } from './notify-people';

export interface PlatformEvent {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  data: unknown;
  traceparent?: string;
}

export async function handlePlatformEvent(deps: NotificationDeps, event: PlatformEvent, codec: MessageCodec<unknown>): Promise<void> {
  const dataJson = codec.toJSON(event.data);
  await deps.eventLog.append({
    eventId: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time,
    dataJson: JSON.stringify(dataJson),
    dataProto: codec.encode(event.data).finish(),
  });
  const payload = JSON.stringify(toStructuredJson({ ...event, data: dataJson }));
  await fanOutToWebhooks(deps, { id: event.id, type: event.type, payload });
  await notifyPeople(deps, { id: event.id, type: event.type, subject: event.subject, data: dataJson });
}
