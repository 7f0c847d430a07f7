// Every event of the catalogue (present and future) through one wildcard handler: the consumed
// event's own definition decodes it, its JSON form and its bytes go to handlePlatformEvent.
import { createEventConsumer, eventType, type EventConsumer, type EventType } from '@hangviet/events';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import type { Logger } from '@hangviet/service-kit';
import { handlePlatformEvent } from '../application/handle-platform-event';
import type { NotificationDeps } from '../application/ports';

export interface PlatformEventsConsumerOptions {
  kafka: Kafka;
  groupId: string;
  /** Holds the consumer's processed-event marks. */
  db: Db;
  logger: Logger;
  /** Topics instead of every topic of the catalogue (tests use prefixed ones). */
  topics?: string[];
  /** Event types outside the catalogue to carry too (tests). */
  extraTypes?: EventType[];
}

export function platformEventsConsumer(deps: NotificationDeps, opts: PlatformEventsConsumerOptions): EventConsumer {
  const extra = new Map((opts.extraTypes ?? []).map((t) => [t.type, t]));
  return createEventConsumer({
    kafka: opts.kafka,
    groupId: opts.groupId,
    db: opts.db,
    logger: opts.logger,
    handlers: {
      '*': async (event) => {
        const definition = extra.get(event.type) ?? eventType(event.type);
        if (!definition) return;
        const { data, topic: _t, partition: _p, offset: _o, ...envelope } = event;
        await handlePlatformEvent(deps, { ...envelope, dataJson: definition.codec.toJSON(data), dataProto: definition.codec.encode(data).finish() });
      },
    },
    ...(opts.topics && opts.topics.length > 0 ? { topics: opts.topics } : {}),
    ...(opts.extraTypes ? { types: opts.extraTypes } : {}),
  });
}
