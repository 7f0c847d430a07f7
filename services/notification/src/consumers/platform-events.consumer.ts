// Every event of the catalogue (present and future) through one wildcard handler: the consumed event
// carries its own definition and its bytes, so nothing looks the type up again or re-encodes it.
import { defineConsumer, type DefinedConsumer, type EventType } from '@hangviet/events';
import { handlePlatformEvent } from '../application/handle-platform-event';
import type { NotificationDeps } from '../application/ports';

export function platformEventsConsumer(deps: NotificationDeps, opts: { group: string; extraTypes?: readonly EventType[] }): DefinedConsumer {
  return defineConsumer({
    name: 'platform-events',
    group: opts.group,
    events: ['*'],
    ...(opts.extraTypes ? { types: opts.extraTypes } : {}),
    handle: async (event) => {
      const { data, definition, bytes, topic: _t, partition: _p, offset: _o, ...envelope } = event;
      await handlePlatformEvent(deps, { ...envelope, dataJson: definition.codec.toJSON(data), dataProto: bytes });
    },
  });
}
