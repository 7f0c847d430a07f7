// Fairs and applications as their protobuf messages, and the events they raised as outbox entries
// (events and gRPC share the messages).
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { BoothApplicationStatus, type BoothApplication as ProtoApplication } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairAgreementKind, FairKind, FairStatus, ShortfallKind, type FairClosingReport, type Fair as ProtoFair } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { outboxEntry, type EventType, type OutboxEntry } from '@hangviet/events';
import {
  BoothApplicationAllocated, BoothApplicationCancelled, BoothApplicationConfirmed, BoothApplicationLapsed, BoothApplicationOffered, BoothApplicationRejected,
  BoothApplicationSetUpReminded, BoothApplicationSubmitted, BoothApplicationWaitlisted, BoothApplicationWithdrawn,
  FairAllocating, FairCancelled, FairClosed, FairCreated, FairOpened, FairPublished, FairReportFiled, FairRunning,
} from '@hangviet/events/catalog';
import type { ApplicationEventKind, BoothApplication, BoothApplicationState } from '../domain/booth-application';
import type { ClosingReport } from '../domain/closing-report';
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
    setUpTime: s.days.setUpTime ?? s.days.openTime,
  };
}


export function toProtoApplication(s: Readonly<BoothApplicationState>, fair: FairContext): ProtoApplication {
  return {
    id: s.id, fairId: s.fairId, businessId: s.businessId, businessName: s.businessName,
    status: BoothApplicationStatus[`BOOTH_APPLICATION_STATUS_${s.status}`], boothsWanted: s.boothsWanted, boothCodes: [...s.booths],
    waitlistPosition: s.waitlistPosition ?? 0, offerDeadline: s.offerDeadline ? toTimestamp(s.offerDeadline) : undefined,
    reason: s.reason ?? '', supportVnd: String(s.support?.amountVnd ?? 0), feeVnd: String(s.support?.feeVnd ?? 0), version: String(s.version),
    fairName: fair.name, venueName: fair.venueName, openingDay: fair.openingDay, closingDay: fair.closingDay,
    setUpDay: fair.setUpDay, setUpTime: fair.setUpTime,
  };
}

type Envelope<M> = { actorSubject: string; occurredTime: Timestamp | undefined } & M;
const FAIR_EVENTS: Record<Exclude<FairEventKind, 'report_filed'>, EventType<Envelope<{ fair: ProtoFair | undefined }>>> = {
  created: FairCreated, opened: FairOpened, allocating: FairAllocating, published: FairPublished, running: FairRunning, closed: FairClosed, cancelled: FairCancelled,
};
const APPLICATION_EVENTS: Record<ApplicationEventKind, EventType<Envelope<{ application: ProtoApplication | undefined }>>> = {
  submitted: BoothApplicationSubmitted, allocated: BoothApplicationAllocated, waitlisted: BoothApplicationWaitlisted, offered: BoothApplicationOffered,
  confirmed: BoothApplicationConfirmed, rejected: BoothApplicationRejected, withdrawn: BoothApplicationWithdrawn, cancelled: BoothApplicationCancelled,
  lapsed: BoothApplicationLapsed, reminded: BoothApplicationSetUpReminded,
};

export function toProtoReport(r: ClosingReport): FairClosingReport {
  return {
    visitors: String(r.visitors), salesRevenueVnd: String(r.salesRevenueVnd),
    boothSales: r.boothSales.map((b) => ({ boothCode: b.boothCode, businessId: b.businessId, revenueVnd: String(b.revenueVnd) })),
    agreements: r.agreements.map((a) => ({ kind: FairAgreementKind[`FAIR_AGREEMENT_KIND_${a.kind}`], sellerBusinessId: a.sellerBusinessId, buyerName: a.buyerName, valueVnd: String(a.valueVnd), note: a.note ?? '' })),
    shortfalls: r.shortfalls.map((x) => ({ kind: ShortfallKind[`SHORTFALL_KIND_${x.kind}`], businessId: x.businessId, productName: x.productName, boothCode: x.boothCode ?? '' })),
    commendations: r.commendations.map((c) => ({ ...c })),
    fileTime: r.fileTime ? toTimestamp(r.fileTime) : undefined,
  };
}

/** The fair's outbox mapper: each event it raised as an outbox entry. */
export function fairOutbox(fair: Fair): OutboxEntry[] {
  return fair.events.map((e) => {
    const base = { fair: toProtoFair(fair.state), actorSubject: e.actorSubject, occurredTime: toTimestamp(e.occurredAt) };
    const opts = { source: EVENT_SOURCE, time: e.occurredAt };
    if (e.kind === 'report_filed') return outboxEntry(FairReportFiled, fair.id, { ...base, report: toProtoReport(fair.state.report!) }, opts);
    return outboxEntry(FAIR_EVENTS[e.kind], fair.id, base, opts);
  });
}

/** The application's outbox mapper: each event it raised, with the fair it is about. */
export function applicationOutbox(app: BoothApplication, fair: FairContext): OutboxEntry[] {
  const application = toProtoApplication(app.state, fair);
  return app.events.map((e) =>
    outboxEntry(APPLICATION_EVENTS[e.kind], app.id, { application, actorSubject: e.actorSubject, occurredTime: toTimestamp(e.occurredAt) }, { source: EVENT_SOURCE, time: e.occurredAt }),
  );
}
