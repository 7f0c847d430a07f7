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

/** What handling a public event needs from it: its partner payload, log entry and projection source. */
export function prepared(event: PlatformEvent) {
  const { dataJson, dataProto, ...envelope } = event;
  const payload = JSON.stringify(toStructuredJson({ ...envelope, data: dataJson }));
  return {
    payload,
    operational: event.type.startsWith(DELIVERY_EVENTS_PREFIX),
    webhook: { id: event.id, type: event.type, payload },
    source: { definition: eventType(event.type), envelope, data: dataJson },
    logged: { eventId: event.id, type: event.type, source: event.source, subject: event.subject, time: event.time, dataJson: JSON.stringify(dataJson), dataProto },
    person: { id: event.id, type: event.type, subject: event.subject, data: dataJson },
  };
}

export async function handlePlatformEvent(deps: NotificationDeps, event: PlatformEvent): Promise<void> {
  const p = prepared(event);
  if (p.operational) {
    await handleOperationalEvent(deps, { id: event.id, type: event.type, time: event.time, data: event.dataJson as Record<string, unknown>, payload: p.payload });
    return;
  }
  await settled([deps.eventLog.append(p.logged), fanOutToWebhooks(deps, p.webhook, p.source), notifyPeople(deps, p.person)]);
}

/** Settled, not raced: the consumer's retry must not overlap writes of this attempt still in flight. */
export async function settled(work: Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
