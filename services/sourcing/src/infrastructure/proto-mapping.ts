// The aggregates as their protobuf messages (events and gRPC alike), and the events they raised as outbox
// entries carrying the catalogue's messages.
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { MeetingStatus as ProtoMeetingStatus, type Meeting as ProtoMeeting } from '@hangviet/contracts/hangviet/sourcing/v1/meeting';
import { OutcomeKind as ProtoOutcomeKind, type Outcome as ProtoOutcome } from '@hangviet/contracts/hangviet/sourcing/v1/outcome';
import {
  OriginPreference as ProtoOriginPreference,
  SourcingRequestStatus as ProtoStatus,
  type SourcingRequest as ProtoSourcingRequest,
} from '@hangviet/contracts/hangviet/sourcing/v1/sourcing_request';
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import {
  MeetingCancelled, MeetingDeclined, MeetingRequested, MeetingScheduled, OutcomeRecorded, OutcomeReminderDue,
  SourcingRequestClosed, SourcingRequestExpired, SourcingRequestPublished, SourcingRequestRejected, SourcingRequestRenewed,
  SourcingRequestResponseEdited, SourcingRequestResponseReceived, SourcingRequestResponseShortlisted, SourcingRequestSubmitted, SourcingRequestSuppliersMatched,
} from '@hangviet/events/catalog';
import type { Meeting, MeetingState } from '../domain/meeting';
import type { Outcome, OutcomeState } from '../domain/outcome';
import type { SourcingRequest, SourcingRequestState } from '../domain/sourcing-request';

export const EVENT_SOURCE = 'sourcing';

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

const STATUS: Record<SourcingRequestState['status'], ProtoStatus> = {
  PENDING_REVIEW: ProtoStatus.SOURCING_REQUEST_STATUS_PENDING_REVIEW,
  PUBLISHED: ProtoStatus.SOURCING_REQUEST_STATUS_PUBLISHED,
  REJECTED: ProtoStatus.SOURCING_REQUEST_STATUS_REJECTED,
  CLOSED: ProtoStatus.SOURCING_REQUEST_STATUS_CLOSED,
  EXPIRED: ProtoStatus.SOURCING_REQUEST_STATUS_EXPIRED,
};
const ORIGIN: Record<SourcingRequestState['originPreference'], ProtoOriginPreference> = {
  PROVINCE: ProtoOriginPreference.ORIGIN_PREFERENCE_PROVINCE,
  DOMESTIC: ProtoOriginPreference.ORIGIN_PREFERENCE_DOMESTIC,
  ANY: ProtoOriginPreference.ORIGIN_PREFERENCE_ANY,
};

export function toProtoRequest(s: Readonly<SourcingRequestState>): ProtoSourcingRequest {
  return {
    id: s.id,
    buyerBusinessId: s.buyerBusinessId ?? '',
    buyerName: s.buyerName,
    title: s.title,
    description: s.description,
    industryEdition: s.industry.edition,
    industryCode: s.industry.code,
    productGroup: s.productGroup ?? '',
    requiredCertifications: s.requiredCertifications.map((c) => ({ scheme: c.scheme, minStars: c.minStars ?? 0 })),
    quantity: s.quantity,
    unit: s.unit,
    neededBy: s.neededBy,
    originPreference: ORIGIN[s.originPreference],
    provinceCode: s.provinceCode,
    responseCap: s.responseCap,
    responseCount: s.responses.length,
    closingTime: toTimestamp(s.closingTime),
    status: STATUS[s.status],
    createTime: toTimestamp(s.createTime),
    version: String(s.version),
  };
}

export function requestOutbox(request: SourcingRequest): OutboxEntry[] {
  const snapshot = toProtoRequest(request.state);
  const opts = (at: Date) => ({ source: EVENT_SOURCE, time: at });
  return request.events.map((e) => {
    const base = { request: snapshot, occurredTime: toTimestamp(e.at) };
    switch (e.kind) {
      case 'submitted':
        return outboxEntry(SourcingRequestSubmitted, request.id, { ...base, actorSubject: e.actor }, opts(e.at));
      case 'published':
        return outboxEntry(SourcingRequestPublished, request.id, { ...base, actorSubject: e.actor }, opts(e.at));
      case 'renewed':
        return outboxEntry(SourcingRequestRenewed, request.id, { ...base, actorSubject: e.actor }, opts(e.at));
      case 'rejected':
        return outboxEntry(SourcingRequestRejected, request.id, { ...base, reason: e.reason, actorSubject: e.actor }, opts(e.at));
      case 'expired':
        return outboxEntry(SourcingRequestExpired, request.id, base, opts(e.at));
      case 'closed':
        return outboxEntry(SourcingRequestClosed, request.id, { ...base, reason: e.reason, actorSubject: e.actor }, opts(e.at));
      case 'suppliers_matched':
        return outboxEntry(SourcingRequestSuppliersMatched, request.id, { ...base, suppliers: e.suppliers }, opts(e.at));
      case 'response_received':
        return outboxEntry(SourcingRequestResponseReceived, request.id, { ...base, supplierBusinessId: e.supplierBusinessId, actorSubject: e.actor }, opts(e.at));
      case 'response_edited':
        return outboxEntry(SourcingRequestResponseEdited, request.id, { ...base, supplierBusinessId: e.supplierBusinessId, actorSubject: e.actor }, opts(e.at));
      case 'response_shortlisted':
        return outboxEntry(SourcingRequestResponseShortlisted, request.id, { ...base, supplierBusinessId: e.supplierBusinessId, actorSubject: e.actor }, opts(e.at));
    }
  });
}

const MEETING_STATUS: Record<MeetingState['status'], ProtoMeetingStatus> = {
  REQUESTED: ProtoMeetingStatus.MEETING_STATUS_REQUESTED,
  SCHEDULED: ProtoMeetingStatus.MEETING_STATUS_SCHEDULED,
  DECLINED: ProtoMeetingStatus.MEETING_STATUS_DECLINED,
  CANCELLED: ProtoMeetingStatus.MEETING_STATUS_CANCELLED,
};

export function toProtoMeeting(s: Readonly<MeetingState>): ProtoMeeting {
  return {
    id: s.id,
    fairId: s.fairId,
    requestId: s.requestId ?? '',
    buyerBusinessId: s.buyerBusinessId,
    supplierBusinessId: s.supplierBusinessId,
    requestedBy: s.requestedBy,
    status: MEETING_STATUS[s.status],
    slot: s.slot ?? 0,
    startTime: s.startTime ? toTimestamp(s.startTime) : undefined,
    endTime: s.endTime ? toTimestamp(s.endTime) : undefined,
    table: s.table ?? 0,
    version: String(s.version),
  };
}

export function meetingOutbox(meeting: Meeting): OutboxEntry[] {
  const snapshot = toProtoMeeting(meeting.state);
  const type = { requested: MeetingRequested, scheduled: MeetingScheduled, declined: MeetingDeclined, cancelled: MeetingCancelled } as const;
  return meeting.events.map((e) =>
    outboxEntry(type[e.kind] as typeof MeetingRequested, meeting.id, { meeting: snapshot, actorSubject: e.actor, occurredTime: toTimestamp(e.at) }, { source: EVENT_SOURCE, time: e.at }),
  );
}

export function toProtoOutcome(s: Readonly<OutcomeState>): ProtoOutcome {
  return {
    id: s.id,
    requestId: s.requestId,
    buyerBusinessId: s.buyerBusinessId ?? '',
    supplierBusinessId: s.supplierBusinessId,
    kind: s.kind === 'MOU' ? ProtoOutcomeKind.OUTCOME_KIND_MOU : ProtoOutcomeKind.OUTCOME_KIND_CONTRACT,
    valueVnd: String(s.valueVnd),
    signedDate: s.signedDate,
    recordTime: toTimestamp(s.recordTime),
  };
}

export function outcomeOutbox(outcome: Outcome): OutboxEntry[] {
  const snapshot = toProtoOutcome(outcome.state);
  return outcome.events.map((e) =>
    e.kind === 'recorded'
      ? outboxEntry(OutcomeRecorded, outcome.id, { outcome: snapshot, actorSubject: e.actor, occurredTime: toTimestamp(e.at) }, { source: EVENT_SOURCE, time: e.at })
      : outboxEntry(OutcomeReminderDue, outcome.id, { outcome: snapshot, monthsAfter: e.monthsAfter, occurredTime: toTimestamp(e.at) }, { source: EVENT_SOURCE, time: e.at }),
  );
}
