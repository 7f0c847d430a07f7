// The one consumer use case: every public platform event goes to the partner event log (gRPC
// stream), to subscribed webhook endpoints, and — for the events that concern people — to inboxes
// and channel deliveries. Every write is keyed by the event, so handling it twice is a no-op; the three
// are independent, so they run side by side and the event is done when all three are.
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
  const payload = JSON.stringify(toStructuredJson({ ...event, data: dataJson }));
  const outcomes = await Promise.allSettled([
    deps.eventLog.append({
      eventId: event.id,
      type: event.type,
      source: event.source,
      subject: event.subject,
      time: event.time,
      dataJson: JSON.stringify(dataJson),
      dataProto: codec.encode(event.data).finish(),
    }),
    fanOutToWebhooks(deps, { id: event.id, type: event.type, payload }),
    notifyPeople(deps, { id: event.id, type: event.type, subject: event.subject, data: dataJson }),
  ]);
  // Settled, not raced: the consumer's retry must not overlap writes of this attempt still in flight.
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
