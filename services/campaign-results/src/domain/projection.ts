// The indicator projection's rules, pure: how an event from another service changes the projected record of
// its aggregate (a business, a certificate, a booth application…), and which facts a record contributes to the
// indicators. Figures are sums over facts, and a record's facts are a function of its latest state, so a
// redelivered event changes nothing, a later event that undoes an earlier one (a revocation) takes its facts
// back, and a replay from the beginning ends with the same facts (the record keeps the newest version only).

export type RecordKind = 'business' | 'product' | 'certificate' | 'report' | 'fair' | 'booth_application' | 'contract' | 'submission';

/** What a record knows of its aggregate: the fields the facts need, merged from each event's snapshot. */
export interface RecordFields {
  label: string;
  status: string;
  businessId: string;
  fairId: string;
  provinceCode: string;
  wardCode: string;
  industrySection: string;
  /** OCOP, VIETGAP, HVNCLC (certificates). */
  scheme: string;
  /** OCOP stars (3–5), 0 otherwise. */
  stars: number;
  /** TRADE_FAIR, MARKET_SESSION, EXHIBITION (fairs). */
  fairKind: string;
  /** A fair's (or an application's fair's) opening day, YYYY-MM-DD, Vietnam time. */
  openingDay: string;
  booths: number;
  supportVnd: number;
  /** A fair's closing report. */
  visitors: number;
  revenueVnd: number;
  contracts: { count: number; valueVnd: number };
  /** A sourcing outcome: CONTRACT or MOU, its value and the day it was signed. */
  agreementKind: string;
  valueVnd: number;
  signedDay: string;
  /** A submission: the indicator it is a figure of, its value and period (quarter 0: the whole year). */
  indicatorCode: string;
  value: number;
  year: number;
  quarter: number;
}

export interface ProjectedRecord {
  /** `<kind>:<source id>` */
  id: string;
  kind: RecordKind;
  sourceId: string;
  /** The source aggregate's version last applied. */
  version: number;
  /** The events applied at that version (some events do not move the version): a redelivery is recognised. */
  eventIds: string[];
  /** The first day (Vietnam time) each action happened: `registered`, `approved`, `issued`, `revoked`… */
  days: Record<string, string>;
  fields: Partial<RecordFields>;
}

/** One event of another service, reduced to what the projection needs (mapped from its protobuf in infrastructure). */
export interface SourceEvent {
  eventId: string;
  kind: RecordKind;
  sourceId: string;
  version: number;
  /** The event's action: `approved`, `revoked`, `report_filed`… */
  action: string;
  occurredAt: Date;
  snapshot: Partial<RecordFields>;
}

export const recordId = (kind: RecordKind, sourceId: string) => `${kind}:${sourceId}`;

const VIETNAM_OFFSET_MS = 7 * 3600_000;
/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export type Applied = { outcome: 'applied'; record: ProjectedRecord } | { outcome: 'duplicate' | 'stale' };

/**
 * The record after the event: unchanged (`duplicate`, `stale`) when the event was already applied or an event
 * of a newer version was. The first occurrence of each action keeps its day.
 */
export function applyEvent(current: ProjectedRecord | undefined, event: SourceEvent): Applied {
  if (current) {
    if (event.version < current.version) return { outcome: 'stale' };
    if (event.version === current.version && current.eventIds.includes(event.eventId)) return { outcome: 'duplicate' };
  }
  const sameVersion = current !== undefined && event.version === current.version;
  const day = vietnamDay(event.occurredAt);
  const days = { ...(current?.days ?? {}) };
  if (!(event.action in days)) days[event.action] = day;
  return {
    outcome: 'applied',
    record: {
      id: recordId(event.kind, event.sourceId),
      kind: event.kind,
      sourceId: event.sourceId,
      version: event.version,
      eventIds: sameVersion ? [...current.eventIds, event.eventId].slice(-20) : [event.eventId],
      days,
      fields: { ...(current?.fields ?? {}), ...event.snapshot },
    },
  };
}

/** Where a business is and what it does: the dimensions its products, certificates and participations count under. */
export interface BusinessDims {
  provinceCode: string;
  wardCode: string;
  industrySection: string;
}

export interface FairDims {
  provinceCode: string;
  status: string;
  openingDay: string;
}

/** What a record's facts need of other records: its business, its fair. */
export interface FactContext {
  business?: BusinessDims;
  fair?: FairDims;
}

/** One contribution of one record to one indicator in one period and place. */
export interface Fact {
  /** `<record id>|<code>` */
  id: string;
  code: string;
  recordId: string;
  kind: RecordKind;
  sourceId: string;
  label: string;
  /** YYYY-MM-DD, or '' for a submission of a whole year or quarter. */
  day: string;
  year: number;
  /** 1–4; 0 for a figure of the whole year (submissions). */
  quarter: number;
  provinceCode: string;
  wardCode: string;
  industrySection: string;
  scheme: string;
  stars: number;
  value: number;
}

/** Which other record a record's facts read: its business, its fair. */
export function contextKeys(record: ProjectedRecord): { businessId?: string; fairId?: string } {
  const f = record.fields;
  switch (record.kind) {
    case 'product':
    case 'certificate':
    case 'report':
    case 'contract':
      return f.businessId ? { businessId: f.businessId } : {};
    case 'booth_application':
      return { ...(f.businessId ? { businessId: f.businessId } : {}), ...(f.fairId ? { fairId: f.fairId } : {}) };
    default:
      return {};
  }
}

export function businessDimsOf(record: ProjectedRecord | undefined): BusinessDims | undefined {
  if (!record) return undefined;
  const f = record.fields;
  return { provinceCode: f.provinceCode ?? '', wardCode: f.wardCode ?? '', industrySection: f.industrySection ?? '' };
}

export function fairDimsOf(record: ProjectedRecord | undefined): FairDims | undefined {
  if (!record) return undefined;
  const f = record.fields;
  return { provinceCode: f.provinceCode ?? '', status: f.status ?? '', openingDay: f.openingDay ?? '' };
}

/** Whether a change of this record changes the facts of the records that read it (contextKeys). */
export function dimsChanged(kind: RecordKind, before: ProjectedRecord | undefined, after: ProjectedRecord): boolean {
  if (kind === 'business') return JSON.stringify(businessDimsOf(before)) !== JSON.stringify(businessDimsOf(after));
  if (kind === 'fair') return JSON.stringify(fairDimsOf(before)) !== JSON.stringify(fairDimsOf(after));
  return false;
}

const HELD = ['RUNNING', 'CLOSED'];

/** The facts a record contributes, given its business and fair. */
export function factsOf(record: ProjectedRecord, context: FactContext = {}): Fact[] {
  const f = record.fields;
  const d = record.days;
  const facts: Fact[] = [];
  const business = context.business;
  const place = (provinceCode = '', wardCode = '', industrySection = business?.industrySection ?? '') => ({ provinceCode, wardCode, industrySection });
  const atBusiness = place(business?.provinceCode, business?.wardCode);
  const add = (code: string, day: string | undefined, value: number, where: { provinceCode: string; wardCode: string; industrySection: string }) => {
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || value === 0) return;
    facts.push({
      id: `${record.id}|${code}`,
      code,
      recordId: record.id,
      kind: record.kind,
      sourceId: record.sourceId,
      label: f.label ?? record.sourceId,
      day,
      year: Number(day.slice(0, 4)),
      quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1,
      ...where,
      scheme: f.scheme ?? '',
      stars: f.stars ?? 0,
      value,
    });
  };

  switch (record.kind) {
    case 'business': {
      const own = place(f.provinceCode, f.wardCode, f.industrySection ?? '');
      add('businesses.registered', d.registered, 1, own);
      add('businesses.approved', d.approved, 1, own);
      break;
    }
    case 'product':
      if (f.status === 'LISTED') add('products.listed', d.listed, 1, atBusiness);
      break;
    case 'certificate':
      if (f.status !== 'REVOKED') add('certificates.issued', d.issued, 1, atBusiness);
      if (f.status === 'EXPIRED') add('certificates.expired', d.expired, 1, atBusiness);
      if (f.status === 'REVOKED') add('certificates.revoked', d.revoked, 1, atBusiness);
      break;
    case 'report': {
      const where = place(f.provinceCode, f.wardCode);
      add('reports.received', d.received, 1, where);
      add('reports.forwarded', d.forwarded, 1, where);
      if (f.status === 'CLOSED') add('reports.closed', d.closed, 1, where);
      break;
    }
    case 'fair': {
      if (f.status === 'CANCELLED') break;
      const where = place(f.provinceCode, '', '');
      if (HELD.includes(f.status ?? '')) add(f.fairKind === 'MARKET_SESSION' ? 'fairs.market_sessions' : 'fairs.held', f.openingDay, 1, where);
      add('fairs.visitors', f.openingDay, f.visitors ?? 0, where);
      add('fairs.revenue_vnd', f.openingDay, f.revenueVnd ?? 0, where);
      add('contracts.signed', f.openingDay, f.contracts?.count ?? 0, where);
      add('contracts.value_vnd', f.openingDay, f.contracts?.valueVnd ?? 0, where);
      break;
    }
    case 'booth_application': {
      if (f.status !== 'ALLOCATED' || context.fair?.status === 'CANCELLED') break;
      const fairProvince = context.fair?.provinceCode ?? '';
      const day = context.fair?.openingDay || f.openingDay;
      const where = place(fairProvince, '');
      add('booths.allocated', day, f.booths ?? 0, where);
      add('fairs.participants', day, 1, where);
      if (fairProvince !== '' && business?.provinceCode === fairProvince) add('fairs.participants.local', day, 1, where);
      add('support.vnd', day, f.supportVnd ?? 0, where);
      break;
    }
    case 'contract':
      if (f.agreementKind === 'CONTRACT') {
        add('contracts.signed', f.signedDay, 1, atBusiness);
        add('contracts.value_vnd', f.signedDay, f.valueVnd ?? 0, atBusiness);
      }
      break;
    case 'submission': {
      if (f.status !== 'APPROVED' || !f.indicatorCode || !f.year) break;
      facts.push({
        id: `${record.id}|${f.indicatorCode}`,
        code: f.indicatorCode,
        recordId: record.id,
        kind: record.kind,
        sourceId: record.sourceId,
        label: f.label ?? record.sourceId,
        day: '',
        year: f.year,
        quarter: f.quarter ?? 0,
        provinceCode: f.provinceCode ?? '',
        wardCode: f.wardCode ?? '',
        industrySection: '',
        scheme: '',
        stars: 0,
        value: f.value ?? 0,
      });
      break;
    }
  }
  return facts;
}
