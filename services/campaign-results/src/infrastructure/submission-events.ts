// The events a Submission raised, as outbox entries carrying the catalogue's protobuf messages
// (hangviet.campaign.submission.<submitted|approved|returned>.v1), and the submission as its protobuf message.
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { SubmissionStatus as ProtoSubmissionStatus, type Submission as ProtoSubmission } from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import { SubmissionApproved, SubmissionReturned, SubmissionSubmitted } from '@hangviet/events/catalog';
import type { Submission, SubmissionState } from '../domain/submission';

export const EVENT_SOURCE = 'campaign-results';

const STATUS: Record<SubmissionState['status'], ProtoSubmissionStatus> = {
  SUBMITTED: ProtoSubmissionStatus.SUBMISSION_STATUS_SUBMITTED,
  APPROVED: ProtoSubmissionStatus.SUBMISSION_STATUS_APPROVED,
  RETURNED: ProtoSubmissionStatus.SUBMISSION_STATUS_RETURNED,
};

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProtoSubmission(s: Readonly<SubmissionState>): ProtoSubmission {
  return {
    id: s.id,
    indicatorCode: s.indicatorCode,
    value: s.value,
    year: s.year,
    quarter: s.quarter,
    provinceCode: s.provinceCode,
    wardCode: s.wardCode,
    unitName: s.unitName,
    evidence: s.evidence.map((e) => ({ ...e })),
    status: STATUS[s.status],
    returnReason: s.returnReason,
    createTime: toTimestamp(s.createTime),
    updateTime: toTimestamp(s.updateTime),
    version: String(s.version),
  };
}

const DEFINITION = { submitted: SubmissionSubmitted, approved: SubmissionApproved, returned: SubmissionReturned } as const;

export function outboxEntriesOf(aggregate: Submission): OutboxEntry[] {
  return aggregate.events.map((event) =>
    outboxEntry(
      DEFINITION[event.kind],
      aggregate.id,
      { submission: toProtoSubmission(aggregate.state), actorSubject: event.actor.subject, occurredTime: toTimestamp(event.occurredAt) },
      { source: EVENT_SOURCE, time: event.occurredAt },
    ),
  );
}
