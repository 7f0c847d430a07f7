// The events a Submission raised, as outbox entries carrying the catalogue's protobuf message
// (hangviet.campaign.submission.created.v1), and the aggregate as its protobuf message (events and gRPC alike).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { SubmissionStatus as ProtoSubmissionStatus, type Submission as ProtoSubmission } from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import { SubmissionCreated } from '@hangviet/events/catalog';
import type { Submission, SubmissionState } from '../domain/submission';

export const EVENT_SOURCE = 'campaign-results';

const STATUS: Record<SubmissionState['status'], ProtoSubmissionStatus> = {
  OPEN: ProtoSubmissionStatus.SUBMISSION_STATUS_OPEN,
};

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProtoSubmission(state: Readonly<SubmissionState>): ProtoSubmission {
  return { id: state.id, businessId: state.businessId, title: state.title, status: STATUS[state.status], createTime: toTimestamp(state.createTime), version: String(state.version) };
}

export function outboxEntriesOf(aggregate: Submission): OutboxEntry[] {
  return aggregate.events.map((event) => {
    switch (event.kind) {
      case 'created':
        return outboxEntry(
          SubmissionCreated,
          aggregate.id,
          { submission: toProtoSubmission(aggregate.state), actorSubject: event.actor.subject, occurredTime: toTimestamp(event.occurredAt) },
          { source: EVENT_SOURCE, time: event.occurredAt },
        );
    }
  });
}
