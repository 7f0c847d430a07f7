// The events a SourcingRequest raised, as outbox entries carrying the catalogue's protobuf message
// (hangviet.sourcing.sourcing_request.created.v1), and the aggregate as its protobuf message (events and gRPC alike).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { SourcingRequestStatus as ProtoSourcingRequestStatus, type SourcingRequest as ProtoSourcingRequest } from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import { SourcingRequestCreated } from '@hangviet/events/catalog';
import type { SourcingRequest, SourcingRequestState } from '../domain/sourcing-request';

export const EVENT_SOURCE = 'sourcing';

const STATUS: Record<SourcingRequestState['status'], ProtoSourcingRequestStatus> = {
  OPEN: ProtoSourcingRequestStatus.SOURCING_REQUEST_STATUS_OPEN,
};

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProtoSourcingRequest(state: Readonly<SourcingRequestState>): ProtoSourcingRequest {
  return { id: state.id, businessId: state.businessId, title: state.title, status: STATUS[state.status], createTime: toTimestamp(state.createTime), version: String(state.version) };
}

export function outboxEntriesOf(aggregate: SourcingRequest): OutboxEntry[] {
  return aggregate.events.map((event) => {
    switch (event.kind) {
      case 'created':
        return outboxEntry(
          SourcingRequestCreated,
          aggregate.id,
          { sourcingRequest: toProtoSourcingRequest(aggregate.state), actorSubject: event.actor.subject, occurredTime: toTimestamp(event.occurredAt) },
          { source: EVENT_SOURCE, time: event.occurredAt },
        );
    }
  });
}
