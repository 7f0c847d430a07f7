// The events a {{Aggregate}} raised, as outbox entries carrying the catalogue's protobuf message
// ({{eventType}}), and the aggregate as its protobuf message (events and gRPC alike).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { {{Aggregate}}Status as Proto{{Aggregate}}Status, type {{Aggregate}} as Proto{{Aggregate}} } from '@hangviet/contracts/hangviet/{{context}}/v1/{{aggregateSnake}}';
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import { {{Aggregate}}Created } from '@hangviet/events/catalog';
import type { {{Aggregate}}, {{Aggregate}}State } from '../domain/{{aggregate}}';

export const EVENT_SOURCE = '{{name}}';

const STATUS: Record<{{Aggregate}}State['status'], Proto{{Aggregate}}Status> = {
  OPEN: Proto{{Aggregate}}Status.{{AGGREGATE}}_STATUS_OPEN,
};

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProto{{Aggregate}}(state: Readonly<{{Aggregate}}State>): Proto{{Aggregate}} {
  return { id: state.id, businessId: state.businessId, title: state.title, status: STATUS[state.status], createTime: toTimestamp(state.createTime), version: String(state.version) };
}

export function outboxEntriesOf(aggregate: {{Aggregate}}): OutboxEntry[] {
  return aggregate.events.map((event) => {
    switch (event.kind) {
      case 'created':
        return outboxEntry(
          {{Aggregate}}Created,
          aggregate.id,
          { {{aggregateCamel}}: toProto{{Aggregate}}(aggregate.state), actorSubject: event.actor.subject, occurredTime: toTimestamp(event.occurredAt) },
          { source: EVENT_SOURCE, time: event.occurredAt },
        );
    }
  });
}
