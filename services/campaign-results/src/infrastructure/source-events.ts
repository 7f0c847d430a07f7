// Every public event the projection counts, from its protobuf message to the projection's SourceEvent: the
// aggregate it is about, its version, the action, when, and the snapshot fields the facts need. One table,
// read by the live consumer and by `npm run campaign:rebuild` alike, so both reduce the same events the same way.
import type { Timestamp } from '@hangviet/contracts/google/protobuf/timestamp';
import { submissionStatusToJSON, type Submission as ProtoSubmission } from '@hangviet/contracts/hangviet/campaign/v1/submission';
import { certificateStatusToJSON, certificationSchemeToJSON, type Certificate } from '@hangviet/contracts/hangviet/certification/v1/certificate';
import { productStatusToJSON, type ProductSnapshot } from '@hangviet/contracts/hangviet/certification/v1/product';
import { reportStatusToJSON, type ReportSnapshot } from '@hangviet/contracts/hangviet/certification/v1/report';
import { businessStatusToJSON, industryEditionToJSON } from '@hangviet/contracts/hangviet/registry/v1/business';
import { outcomeKindToJSON, type Outcome } from '@hangviet/contracts/hangviet/sourcing/v1/outcome';
import type { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';
import { boothApplicationStatusToJSON, type BoothApplication } from '@hangviet/contracts/hangviet/tradefair/v1/booth_application';
import { FairAgreementKind, fairKindToJSON, fairStatusToJSON, type Fair, type FairClosingReport } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import type { EventEnvelope } from '@hangviet/events';
import {
  BoothApplicationAllocated, BoothApplicationCancelled, BoothApplicationConfirmed, BoothApplicationLapsed, BoothApplicationOffered,
  BoothApplicationRejected, BoothApplicationSubmitted, BoothApplicationWaitlisted, BoothApplicationWithdrawn,
  BusinessApproved, BusinessDissolved, BusinessProfileUpdated, BusinessRegistered, BusinessRejected, BusinessReinstated, BusinessSuspended,
  CertificateExpired, CertificateExpiring, CertificateExtended, CertificateIssued, CertificateRestored, CertificateRevoked, CertificateSuspended,
  FairAllocating, FairCancelled, OutcomeRecorded, FairClosed, FairCreated, FairOpened, FairPublished, FairReportFiled, FairRunning,
  ProductListed, ProductRegistered, ProductUpdated, ProductWithdrawn,
  ReportClosed, ReportForwarded, ReportReceived,
  SubmissionApproved, SubmissionReturned, SubmissionSubmitted,
} from '@hangviet/events/catalog';
import type { EventType } from '@hangviet/events';
import { industry } from '@hangviet/vn';
import type { RecordFields, RecordKind, SourceEvent } from '../domain/projection';

type Json = Record<string, unknown>;
type Mapper = (data: never) => { kind: RecordKind; sourceId: string; version: string | number; snapshot: Partial<RecordFields>; occurred?: Timestamp };

const instant = (t: Timestamp | undefined): Date | undefined => (t && (Number(t.seconds) !== 0 || t.nanos !== 0) ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)) : undefined);
/** `BUSINESS_STATUS_ACTIVE` → `ACTIVE` */
const bare = (json: string, prefix: string) => (json.startsWith(prefix) ? json.slice(prefix.length) : json);

function businessFields(b: BusinessSnapshot | undefined): Partial<RecordFields> {
  if (!b) return {};
  const main = b.mainIndustry;
  const edition = main ? bare(industryEditionToJSON(main.edition), 'INDUSTRY_EDITION_VSIC_') : '';
  const section = main && (edition === '2018' || edition === '2025') ? (industry(edition, main.code.slice(0, 2))?.section ?? '') : '';
  return {
    label: b.tradeName || b.legalName || b.id,
    status: bare(businessStatusToJSON(b.status), 'BUSINESS_STATUS_'),
    provinceCode: b.address?.provinceCode ?? '',
    wardCode: b.address?.wardCode ?? '',
    industrySection: section,
  };
}
const business = (d: { business?: BusinessSnapshot; occurredTime?: Timestamp }) => ({ kind: 'business' as const, sourceId: d.business?.id ?? '', version: d.business?.version ?? '0', snapshot: businessFields(d.business), occurred: d.occurredTime });

const product = (d: { product?: ProductSnapshot; occurredTime?: Timestamp }) => ({
  kind: 'product' as const,
  sourceId: d.product?.id ?? '',
  version: d.product?.version ?? '0',
  snapshot: { label: d.product?.name ?? '', status: bare(productStatusToJSON(d.product?.status ?? 0), 'PRODUCT_STATUS_'), businessId: d.product?.businessId ?? '' },
  occurred: d.occurredTime,
});

const certificate = (d: { certificate?: Certificate; occurredTime?: Timestamp }) => ({
  kind: 'certificate' as const,
  sourceId: d.certificate?.number ?? '',
  version: d.certificate?.version ?? '0',
  snapshot: {
    label: d.certificate ? `${d.certificate.number}${d.certificate.productName ? ` — ${d.certificate.productName}` : ''}` : '',
    status: bare(certificateStatusToJSON(d.certificate?.status ?? 0), 'CERTIFICATE_STATUS_'),
    businessId: d.certificate?.businessId ?? '',
    scheme: bare(certificationSchemeToJSON(d.certificate?.scheme ?? 0), 'CERTIFICATION_SCHEME_'),
    stars: d.certificate?.stars ?? 0,
  },
  occurred: d.occurredTime,
});

const report = (d: { report?: ReportSnapshot; occurredTime?: Timestamp }) => ({
  kind: 'report' as const,
  sourceId: d.report?.id ?? '',
  version: d.report?.version ?? '0',
  snapshot: {
    label: d.report?.shop || d.report?.certificateNumber || d.report?.id || '',
    status: bare(reportStatusToJSON(d.report?.status ?? 0), 'REPORT_STATUS_'),
    businessId: d.report?.businessId ?? '',
    provinceCode: d.report?.provinceCode ?? '',
    wardCode: d.report?.wardCode ?? '',
  },
  occurred: d.occurredTime,
});

function fairFields(f: Fair | undefined): Partial<RecordFields> {
  if (!f) return {};
  return {
    label: f.name,
    status: bare(fairStatusToJSON(f.status), 'FAIR_STATUS_'),
    fairKind: bare(fairKindToJSON(f.kind), 'FAIR_KIND_'),
    provinceCode: f.provinceCode,
    openingDay: f.openingDay,
  };
}
const fair = (d: { fair?: Fair; occurredTime?: Timestamp }) => ({ kind: 'fair' as const, sourceId: d.fair?.id ?? '', version: d.fair?.version ?? '0', snapshot: fairFields(d.fair), occurred: d.occurredTime });

/** The closing report's figures: visitors, sales, and the contracts (not MOUs) signed at the fair. */
function closingReportFields(r: FairClosingReport | undefined): Partial<RecordFields> {
  const contracts = (r?.agreements ?? []).filter((a) => a.kind === FairAgreementKind.FAIR_AGREEMENT_KIND_CONTRACT);
  return {
    visitors: Number(r?.visitors ?? 0),
    revenueVnd: Number(r?.salesRevenueVnd ?? 0),
    contracts: { count: contracts.length, valueVnd: contracts.reduce((s, a) => s + Number(a.valueVnd), 0) },
  };
}

const application = (d: { application?: BoothApplication; occurredTime?: Timestamp }) => ({
  kind: 'booth_application' as const,
  sourceId: d.application?.id ?? '',
  version: d.application?.version ?? '0',
  snapshot: {
    label: `${d.application?.businessName ?? ''} — ${d.application?.fairName ?? ''}`,
    status: bare(boothApplicationStatusToJSON(d.application?.status ?? 0), 'BOOTH_APPLICATION_STATUS_'),
    businessId: d.application?.businessId ?? '',
    fairId: d.application?.fairId ?? '',
    openingDay: d.application?.openingDay ?? '',
    booths: d.application?.boothCodes.length ?? 0,
    supportVnd: Number(d.application?.supportVnd ?? 0),
  },
  occurred: d.occurredTime,
});

const submission = (d: { submission?: ProtoSubmission; occurredTime?: Timestamp }) => ({
  kind: 'submission' as const,
  sourceId: d.submission?.id ?? '',
  version: d.submission?.version ?? '0',
  snapshot: {
    label: `${d.submission?.unitName ?? ''}: ${d.submission?.indicatorCode ?? ''}`,
    status: bare(submissionStatusToJSON(d.submission?.status ?? 0), 'SUBMISSION_STATUS_'),
    indicatorCode: d.submission?.indicatorCode ?? '',
    value: d.submission?.value ?? 0,
    year: d.submission?.year ?? 0,
    quarter: d.submission?.quarter ?? 0,
    provinceCode: d.submission?.provinceCode ?? '',
    wardCode: d.submission?.wardCode ?? '',
  },
  occurred: d.occurredTime,
});

/** A sourcing outcome: recorded once, never changed (version 1); counted under its supplier, a local enterprise. */
const outcome = (d: { outcome?: Outcome; occurredTime?: Timestamp }) => ({
  kind: 'contract' as const,
  sourceId: d.outcome?.id ?? '',
  version: 1,
  snapshot: {
    label: `${bare(outcomeKindToJSON(d.outcome?.kind ?? 0), 'OUTCOME_KIND_')} ${d.outcome?.requestId ?? ''}`.trim(),
    businessId: d.outcome?.supplierBusinessId ?? '',
    agreementKind: bare(outcomeKindToJSON(d.outcome?.kind ?? 0), 'OUTCOME_KIND_'),
    valueVnd: Number(d.outcome?.valueVnd ?? 0),
    signedDay: d.outcome?.signedDate ?? '',
  },
  occurred: d.occurredTime,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of every message type
const MAPPERS = new Map<string, { definition: EventType<any>; action: string; map: Mapper }>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ditto
function on<T>(definition: EventType<T>, map: (data: T) => ReturnType<Mapper>, action = definition.type.split('.')[3]!) {
  MAPPERS.set(definition.type, { definition, action, map: map as Mapper });
}

for (const e of [BusinessRegistered, BusinessApproved, BusinessRejected, BusinessProfileUpdated, BusinessSuspended, BusinessReinstated, BusinessDissolved]) on(e, business);
for (const e of [ProductRegistered, ProductUpdated, ProductListed, ProductWithdrawn]) on(e, product);
for (const e of [CertificateIssued, CertificateExpiring, CertificateExpired, CertificateSuspended, CertificateRestored, CertificateRevoked, CertificateExtended]) on(e, certificate);
for (const e of [ReportReceived, ReportForwarded, ReportClosed]) on(e, report);
for (const e of [FairCreated, FairOpened, FairAllocating, FairPublished, FairRunning, FairClosed, FairCancelled]) on(e, fair);
on(FairReportFiled, (d) => {
  const base = fair(d);
  return { ...base, snapshot: { ...base.snapshot, ...closingReportFields(d.report) } };
});
for (const e of [BoothApplicationSubmitted, BoothApplicationAllocated, BoothApplicationWaitlisted, BoothApplicationOffered, BoothApplicationConfirmed, BoothApplicationRejected, BoothApplicationWithdrawn, BoothApplicationCancelled, BoothApplicationLapsed]) on(e, application);
for (const e of [SubmissionSubmitted, SubmissionApproved, SubmissionReturned]) on(e, submission);
on(OutcomeRecorded, outcome);

/** The event types the projection counts (its consumer subscribes to exactly these). */
export const PROJECTED_EVENTS = [...MAPPERS.values()].map((m) => m.definition);

/** The projection's view of one event, or undefined for a type it does not count or an event naming no aggregate. */
export function sourceEventOf(envelope: Pick<EventEnvelope<unknown>, 'id' | 'type' | 'time' | 'data'>): SourceEvent | undefined {
  const mapper = MAPPERS.get(envelope.type);
  if (!mapper) return undefined;
  const mapped = mapper.map(envelope.data as never);
  if (mapped.sourceId === '') return undefined;
  const occurredAt = instant(mapped.occurred) ?? new Date(envelope.time);
  return { eventId: envelope.id, kind: mapped.kind, sourceId: mapped.sourceId, version: Number(mapped.version), action: mapper.action, occurredAt, snapshot: mapped.snapshot };
}

/** Decodes a message's protobuf bytes with its catalogue definition (the rebuild reads raw Kafka messages). */
export function decodeProjected(type: string, bytes: Uint8Array): unknown {
  return MAPPERS.get(type)?.definition.codec.decode(bytes);
}

export type { Json };
