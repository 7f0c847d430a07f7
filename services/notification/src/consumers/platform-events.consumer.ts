// Every event of the catalogue (present and future) through one wildcard handler: the consumed event
// carries its own definition and its bytes, so nothing looks the type up again or re-encodes it. A chunk of
// a partition's events is handled at once first (handlePlatformEvents); should that fail, each event alone.
import { defineConsumer, type ConsumedEvent, type DefinedConsumer, type EventType } from '@hangviet/events';
import { handlePlatformEvent, type PlatformEvent } from '../application/handle-platform-event';
import { handlePlatformEvents } from '../application/handle-platform-events';
import type { NotificationDeps } from '../application/ports';

function platformEvent(event: ConsumedEvent): PlatformEvent {
  const { data, definition, bytes, topic: _t, partition: _p, offset: _o, ...envelope } = event;
  return { ...envelope, dataJson: definition.codec.toJSON(data), dataProto: bytes };
}

export function platformEventsConsumer(deps: NotificationDeps, opts: { group: string; extraTypes?: readonly EventType[] }): DefinedConsumer {
  return defineConsumer({
    name: 'platform-events',
    group: opts.group,
    events: ['*'],
    ...(opts.extraTypes ? { types: opts.extraTypes } : {}),
    handle: (event) => handlePlatformEvent(deps, platformEvent(event)),
    handleBatch: (events) => handlePlatformEvents(deps, events.map(platformEvent)),
  });
}
