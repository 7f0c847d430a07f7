// Each domain event of an aggregate → one outbox entry with the catalogue's message (ce_type), keyed
// by the aggregate id so its events stay ordered.
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import * as E from '@hangviet/events/catalog';
import type { Application } from '../domain/application';
import type { Certificate } from '../domain/certificate';
import type { Product } from '../domain/product';
import type { Report } from '../domain/report';
import { applicationSnapshot, applicationStatusToProto, certificateMessage, certificateStatusToProto, EVENT_SOURCE, productSnapshot, reportSnapshot, toTimestamp } from './proto-mapping';

const opts = (at: Date) => ({ source: EVENT_SOURCE, time: at });

export function productOutbox(p: Product): OutboxEntry[] {
  const product = productSnapshot(p.state);
  return p.events.map((e) => {
    const base = { product, actorSubject: e.actor.subject, occurredTime: toTimestamp(e.at) };
    switch (e.kind) {
      case 'registered':
        return outboxEntry(E.ProductRegistered, p.id, base, opts(e.at));
      case 'updated':
        return outboxEntry(E.ProductUpdated, p.id, { ...base, changedFields: e.changedFields }, opts(e.at));
      case 'listed':
        return outboxEntry(E.ProductListed, p.id, base, opts(e.at));
      case 'withdrawn':
        return outboxEntry(E.ProductWithdrawn, p.id, base, opts(e.at));
    }
  });
}

export function applicationOutbox(a: Application): OutboxEntry[] {
  const application = applicationSnapshot(a.state);
  return a.events.map((e) => {
    const base = { application, actorSubject: e.actor.subject, occurredTime: toTimestamp(e.at) };
    switch (e.kind) {
      case 'submitted':
        return outboxEntry(E.ApplicationSubmitted, a.id, base, opts(e.at));
      case 'commune_reviewed':
        return outboxEntry(E.ApplicationCommuneReviewed, a.id, { ...base, reviewer: a.state.communeReview?.reviewer ?? '', note: a.state.communeReview?.note ?? '' }, opts(e.at));
      case 'scored':
        return outboxEntry(E.ApplicationScored, a.id, base, opts(e.at));
      case 'national_pending':
        return outboxEntry(E.ApplicationNationalPending, a.id, base, opts(e.at));
      case 'decided': {
        const d = a.state.decision!;
        return outboxEntry(E.ApplicationDecided, a.id, { ...base, decisionNumber: d.number, decisionTime: toTimestamp(d.date), certificateNumber: d.certificateNumber ?? '' }, opts(e.at));
      }
      case 'rejected':
        return outboxEntry(E.ApplicationRejected, a.id, { ...base, reason: a.state.reason ?? '', previousStatus: applicationStatusToProto(e.previous) }, opts(e.at));
      case 'withdrawn':
        return outboxEntry(E.ApplicationWithdrawn, a.id, { ...base, previousStatus: applicationStatusToProto(e.previous) }, opts(e.at));
    }
  });
}

export function certificateOutbox(c: Certificate): OutboxEntry[] {
  const certificate = certificateMessage(c.state);
  return c.events.map((e) => {
    const occurredTime = toTimestamp(e.at);
    switch (e.kind) {
      case 'issued':
        return outboxEntry(E.CertificateIssued, c.number, { certificate, actorSubject: e.actor.subject, occurredTime }, opts(e.at));
      case 'expiring':
        return outboxEntry(E.CertificateExpiring, c.number, { certificate, daysLeft: e.daysLeft, occurredTime }, opts(e.at));
      case 'expired':
        return outboxEntry(E.CertificateExpired, c.number, { certificate, occurredTime }, opts(e.at));
      case 'suspended':
        return outboxEntry(E.CertificateSuspended, c.number, { certificate, reason: e.reason, actorSubject: e.actor.subject, occurredTime }, opts(e.at));
      case 'restored':
        return outboxEntry(E.CertificateRestored, c.number, { certificate, actorSubject: e.actor.subject, occurredTime }, opts(e.at));
      case 'revoked':
        return outboxEntry(
          E.CertificateRevoked,
          c.number,
          { certificate, reason: e.reason, previousStatus: certificateStatusToProto(e.previous), actorSubject: e.actor.subject, occurredTime },
          opts(e.at),
        );
      case 'extended':
        return outboxEntry(
          E.CertificateExtended,
          c.number,
          { certificate, previousValidUntil: toTimestamp(e.previousValidUntil), actorSubject: e.actor.subject, occurredTime },
          opts(e.at),
        );
    }
  });
}

export function reportOutbox(r: Report): OutboxEntry[] {
  const report = reportSnapshot(r.state);
  return r.events.map((e) => {
    const occurredTime = toTimestamp(e.at);
    switch (e.kind) {
      case 'received':
        return outboxEntry(E.ReportReceived, r.id, { report, occurredTime }, opts(e.at));
      case 'forwarded':
        return outboxEntry(E.ReportForwarded, r.id, { report, partner: r.state.partner ?? '', note: r.state.note ?? '', actorSubject: e.actor.subject, occurredTime }, opts(e.at));
      case 'closed':
        return outboxEntry(E.ReportClosed, r.id, { report, resolution: r.state.resolution ?? '', actorSubject: e.actor.subject, occurredTime }, opts(e.at));
    }
  });
}
