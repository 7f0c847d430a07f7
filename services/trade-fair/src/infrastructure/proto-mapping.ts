// Fairs and applications as their protobuf messages, and the events they raised as outbox entries
// (events and gRPC share the messages).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { BoothApplicationStatus, type BoothApplication as ProtoApplication } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairKind, FairStatus, type Fair as ProtoFair } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { outboxEntry, type EventType, type OutboxEntry } from '@hangviet/events';
import {
  BoothApplicationAllocated, BoothApplicationCancelled, BoothApplicationConfirmed, BoothApplicationOffered, BoothApplicationRejected,
  BoothApplicationSubmitted, BoothApplicationWaitlisted, BoothApplicationWithdrawn,
  FairAllocating, FairCancelled, FairClosed, FairCreated, FairOpened, FairPublished, FairRunning,
} from '@hangviet/events/catalog';
import type { ApplicationEventKind, BoothApplication, BoothApplicationState } from '../domain/booth-application';
import type { Fair, FairEventKind, FairState } from '../domain/fair';
import type { FairContext } from '../application/ports';

export const EVENT_SOURCE = 'trade-fair';

export function toTimestamp(d: Date): Timestamp {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function toProtoFair(s: Readonly<FairState>): ProtoFair {
  return {
    id: s.id, name: s.name, kind: FairKind[`FAIR_KIND_${s.kind}`], venueId: s.venueId, venueName: s.venueName, provinceCode: s.provinceCode,
    setUpDay: s.days.setUpDay, openingDay: s.days.openingDay, closingDay: s.days.closingDay, tearDownDay: s.days.tearDownDay,
    openTime: s.days.openTime, closeTime: s.days.closeTime,
    applicationOpenTime: toTimestamp(s.applicationOpenTime), applicationCloseTime: toTimestamp(s.applicationCloseTime),
    boothFeeVnd: String(s.boothFeeVnd), status: FairStatus[`FAIR_STATUS_${s.status}`], version: String(s.version), cancelReason: s.cancelReason ?? '',
  };
}


export function toProtoApplication(s: Readonly<BoothApplicationState>, fair: FairContext): ProtoApplication {
  return {
    id: s.id, fairId: s.fairId, businessId: s.businessId, businessName: s.businessName,
    status: BoothApplicationStatus[`BOOTH_APPLICATION_STATUS_${s.status}`], boothsWanted: s.boothsWanted, boothCodes: [...s.booths],
    waitlistPosition: s.waitlistPosition ?? 0, offerDeadline: s.offerDeadline ? toTimestamp(s.offerDeadline) : undefined,
    reason: s.reason ?? '', supportVnd: String(s.support?.amountVnd ?? 0), feeVnd: String(s.support?.feeVnd ?? 0), version: String(s.version),
    fairName: fair.name, venueName: fair.venueName, openingDay: fair.openingDay, closingDay: fair.closingDay,
  };
}

type Envelope<M> = { actorSubject: string; occurredTime: Timestamp | undefined } & M;
const FAIR_EVENTS: Record<FairEventKind, EventType<Envelope<{ fair: ProtoFair | undefined }>>> = {
  created: FairCreated, opened: FairOpened, allocating: FairAllocating, published: FairPublished, running: FairRunning, closed: FairClosed, cancelled: FairCancelled,
};
const APPLICATION_EVENTS: Record<ApplicationEventKind, EventType<Envelope<{ application: ProtoApplication | undefined }>>> = {
  submitted: BoothApplicationSubmitted, allocated: BoothApplicationAllocated, waitlisted: BoothApplicationWaitlisted, offered: BoothApplicationOffered,
  confirmed: BoothApplicationConfirmed, rejected: BoothApplicationRejected, withdrawn: BoothApplicationWithdrawn, cancelled: BoothApplicationCancelled,
};

export function fairOutbox(fair: Fair): OutboxEntry[] {
  return fair.events.map((e) =>
    outboxEntry(FAIR_EVENTS[e.kind], fair.id, { fair: toProtoFair(fair.state), actorSubject: e.actorSubject, occurredTime: toTimestamp(e.occurredAt) }, { source: EVENT_SOURCE, time: e.occurredAt }),
  );
}

export function applicationOutbox(app: BoothApplication, fair: FairContext): OutboxEntry[] {
  const application = toProtoApplication(app.state, fair);
  return app.events.map((e) =>
    outboxEntry(APPLICATION_EVENTS[e.kind], app.id, { application, actorSubject: e.actorSubject, occurredTime: toTimestamp(e.occurredAt) }, { source: EVENT_SOURCE, time: e.occurredAt }),
  );
}
