// The one consumer use case: every public platform event goes to the partner event log (gRPC
// stream), to subscribed webhook endpoints, and — for the events that concern people — to inboxes
// and channel deliveries. Operational events about webhook deliveries go to their owner only
// (handle-operational-event.ts). Every write is keyed by the event, so handling it twice is a no-op;
// the three are independent, so they run side by side and the event is done when all three are.
import { DELIVERY_EVENTS_PREFIX } from '@hangviet/events/catalog';
import { eventType, toStructuredJson } from '@hangviet/events';
import { fanOutToWebhooks } from './fan-out-webhooks';
import { handleOperationalEvent } from './handle-operational-event';
import { notifyPeople } from './notify-people';
import type { NotificationDeps } from './ports';

export interface PlatformEvent {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  traceparent?: string;
  /** The data in its canonical protobuf JSON form. */
  dataJson: unknown;
  /** The data as it came off Kafka (protobuf binary), for the stream's data_proto. */
  dataProto: Uint8Array;
}

export async function handlePlatformEvent(deps: NotificationDeps, event: PlatformEvent): Promise<void> {
  const { dataJson, dataProto, ...envelope } = event;
  const payload = JSON.stringify(toStructuredJson({ ...envelope, data: dataJson }));
  if (event.type.startsWith(DELIVERY_EVENTS_PREFIX)) {
    await handleOperationalEvent(deps, { id: event.id, type: event.type, time: event.time, data: dataJson as Record<string, unknown>, payload });
    return;
  }
  const outcomes = await Promise.allSettled([
    deps.eventLog.append({
      eventId: event.id,
      type: event.type,
      source: event.source,
      subject: event.subject,
      time: event.time,
      dataJson: JSON.stringify(dataJson),
      dataProto,
    }),
    fanOutToWebhooks(deps, { id: event.id, type: event.type, payload }, { definition: eventType(event.type), envelope, data: dataJson }),
    notifyPeople(deps, { id: event.id, type: event.type, subject: event.subject, data: dataJson }),
  ]);
  // Settled, not raced: the consumer's retry must not overlap writes of this attempt still in flight.
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
