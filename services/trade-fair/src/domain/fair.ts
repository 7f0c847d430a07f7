// The fair aggregate: its calendar (Vietnam-time days), application window, fee, rules and support
// policy; the states DRAFT → OPEN → ALLOCATING → PUBLISHED → RUNNING → CLOSED, or CANCELLED; the events
// it raises. Pure: the repository stores state and events in one single-document write.
import { Aggregate } from '@hangviet/events/aggregate';
import { failedPrecondition, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { dayCount, daysBetween, isCalendarDay, isClockTime, isPlausibleDay } from './calendar-days';
import type { ClosingReport } from './closing-report';

export const FAIR_KINDS = ['TRADE_FAIR', 'MARKET_SESSION', 'EXHIBITION'] as const;
export type FairKind = (typeof FAIR_KINDS)[number];
export const FAIR_STATUSES = ['DRAFT', 'OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED', 'CANCELLED'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

export interface FairDays {
  setUpDay: string;
  openingDay: string;
  closingDay: string;
  tearDownDay: string;
  /** Daily opening hours, local clock. */
  openTime: string;
  closeTime: string;
  /** Local clock time exhibitors may set up from on the set-up day (default: openTime). */
  setUpTime?: string;
}

export interface FairRules {
  eligibility: 'OPEN' | 'PROVINCE_ONLY';
  maxBoothsPerBusiness: number;
  certifiedProducts: 'NONE' | 'PREFERRED' | 'REQUIRED';
  /** Businesses of the same main VSIC group (2 digits) are not given side-by-side booths (optional, default off). */
  separateCompetitors?: boolean;
}

/** Shares in whole percent of the booth fee; the cap in VND per business per calendar year (0 = no cap). */
export interface SupportPolicy {
  firstParticipationPercent: number;
  laterParticipationPercent: number;
  capPerBusinessPerYearVnd: number;
}

export interface FairState {
  id: string;
  name: string;
  kind: FairKind;
  venueId: string;
  venueName: string;
  provinceCode: string;
  days: FairDays;
  applicationOpenTime: Date;
  applicationCloseTime: Date;
  boothFeeVnd: number;
  rules: FairRules;
  supportPolicy: SupportPolicy;
  status: FairStatus;
  cancelReason?: string;
  /** The closing report, once filed. */
  report?: ClosingReport;
  createTime: Date;
  updateTime: Date;
  version: number;
}

export type FairEventKind = 'created' | 'opened' | 'allocating' | 'published' | 'running' | 'closed' | 'cancelled' | 'report_filed';
export interface FairEvent {
  kind: FairEventKind;
  actorSubject: string;
  occurredAt: Date;
}

/** The allowed moves, read by the domain, the routes' docs and the tests alike. */
export const FAIR_MOVES: Readonly<Record<FairStatus, readonly FairStatus[]>> = {
  DRAFT: ['OPEN', 'CANCELLED'],
  OPEN: ['ALLOCATING', 'CANCELLED'],
  ALLOCATING: ['PUBLISHED', 'CANCELLED'],
  PUBLISHED: ['RUNNING', 'CANCELLED'],
  RUNNING: ['CLOSED'],
  CLOSED: [],
  CANCELLED: [],
};

const EVENT_OF: Partial<Record<FairStatus, FairEventKind>> = {
  OPEN: 'opened', ALLOCATING: 'allocating', PUBLISHED: 'published', RUNNING: 'running', CLOSED: 'closed', CANCELLED: 'cancelled',
};

export type NewFairInput = Omit<FairState, 'status' | 'createTime' | 'updateTime' | 'version' | 'cancelReason'>;

export function validateFair(input: NewFairInput): FieldError[] {
  const errors: FieldError[] = [];
  const e = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (input.name.trim() === '') e('name', 'REQUIRED', 'name must not be empty');
  if (input.name.length > 200) e('name', 'TOO_LONG', 'name must be at most 200 characters');
  const d = input.days;
  const dayFields = ['setUpDay', 'openingDay', 'closingDay', 'tearDownDay'] as const;
  const badDay = dayFields.filter((f) => !isCalendarDay(d[f]));
  for (const f of badDay) e(`days.${f}`, 'INVALID_FORMAT', `${f} must be a calendar day YYYY-MM-DD`);
  const implausible = dayFields.filter((f) => !badDay.includes(f) && !isPlausibleDay(d[f]));
  for (const f of implausible) e(`days.${f}`, 'DATE_OUT_OF_RANGE', `${f} must lie in a plausible year`);
  if (badDay.length === 0 && implausible.length === 0) {
    if (d.setUpDay > d.openingDay) e('days.setUpDay', 'AFTER_OPENING', 'set-up must be on or before the opening day');
    if (d.openingDay > d.closingDay) e('days.closingDay', 'BEFORE_OPENING', 'the closing day must be on or after the opening day');
    if (d.tearDownDay < d.closingDay) e('days.tearDownDay', 'BEFORE_CLOSING', 'tear-down must be on or after the closing day');
    if (dayCount(d.setUpDay, d.tearDownDay) > 60) e('days.tearDownDay', 'TOO_LONG', 'a fair occupies its venue at most 60 days, set-up and tear-down included');
  }
  if (d.setUpTime !== undefined && !isClockTime(d.setUpTime)) e('days.setUpTime', 'INVALID_FORMAT', 'setUpTime must be a local clock time HH:MM');
  for (const f of ['openTime', 'closeTime'] as const) if (!isClockTime(d[f])) e(`days.${f}`, 'INVALID_FORMAT', `${f} must be a local clock time HH:MM`);
  if (isClockTime(d.openTime) && isClockTime(d.closeTime) && d.openTime >= d.closeTime) e('days.closeTime', 'BEFORE_OPENING', 'closeTime must be after openTime');
  if (!(input.applicationOpenTime < input.applicationCloseTime)) e('applicationCloseTime', 'BEFORE_OPENING', 'the application window must close after it opens');
  if (!Number.isSafeInteger(input.boothFeeVnd) || input.boothFeeVnd < 0) e('boothFeeVnd', 'NEGATIVE', 'boothFeeVnd must be a whole, non-negative number of VND');
  const r = input.rules;
  if (!Number.isInteger(r.maxBoothsPerBusiness) || r.maxBoothsPerBusiness < 1 || r.maxBoothsPerBusiness > 20) {
    e('rules.maxBoothsPerBusiness', 'OUT_OF_RANGE', 'maxBoothsPerBusiness must be an integer from 1 to 20');
  }
  const s = input.supportPolicy;
  for (const f of ['firstParticipationPercent', 'laterParticipationPercent'] as const) {
    if (!Number.isInteger(s[f]) || s[f] < 0 || s[f] > 100) e(`supportPolicy.${f}`, 'OUT_OF_RANGE', `${f} must be an integer from 0 to 100`);
  }
  if (!Number.isSafeInteger(s.capPerBusinessPerYearVnd) || s.capPerBusinessPerYearVnd < 0) {
    e('supportPolicy.capPerBusinessPerYearVnd', 'NEGATIVE', 'capPerBusinessPerYearVnd must be a whole, non-negative number of VND (0: no cap)');
  }
  return errors;
}

export class Fair extends Aggregate<FairState, FairEvent> {
  static fromState(state: FairState): Fair {
    return new Fair(state, state.version);
  }

  static create(input: NewFairInput, actorSubject: string, now: Date): Fair {
    const errors = validateFair(input);
    if (errors.length > 0) throw invalid(errors);
    const fair = new Fair({ ...input, name: input.name.normalize('NFC').trim(), status: 'DRAFT', createTime: now, updateTime: now, version: 1 }, 0);
    fair.raise({ kind: 'created', actorSubject, occurredAt: now });
    return fair;
  }

  /** Every day the fair holds its venue, set-up to tear-down. */
  get occupiedDays(): string[] {
    return daysBetween(this.state.days.setUpDay, this.state.days.tearDownDay);
  }

  /** Applications are taken while OPEN and inside the window (the window's close is exclusive). */
  acceptsApplicationsAt(now: Date): boolean {
    const s = this.state;
    return s.status === 'OPEN' && now >= s.applicationOpenTime && now < s.applicationCloseTime;
  }

  moveTo(status: FairStatus, actorSubject: string, now: Date, reason?: string): void {
    const from = this.state.status;
    if (!FAIR_MOVES[from].includes(status)) {
      throw failedPrecondition('FAIR_STATUS_CONFLICT', `A fair in status ${from} cannot move to ${status}.`, { status: from, wanted: status });
    }
    this.apply({ ...this.state, status, updateTime: now, version: this.state.version + 1, ...(reason ? { cancelReason: reason } : {}) }, { kind: EVENT_OF[status]!, actorSubject, occurredAt: now });
  }

  /** Where the fair's life stands on a Vietnam calendar day: the move a scheduled job makes, if any. */
  lifecycleMoveOn(today: string): 'RUNNING' | 'CLOSED' | undefined {
    const s = this.state;
    if (s.status === 'PUBLISHED' && today >= s.days.openingDay) return 'RUNNING';
    if (s.status === 'RUNNING' && today > s.days.closingDay) return 'CLOSED';
    return undefined;
  }

  /** The closing report is filed once the fair has closed (a later filing corrects it). */
  fileReport(report: ClosingReport, actorSubject: string, now: Date): void {
    if (this.state.status !== 'CLOSED') {
      throw failedPrecondition('FAIR_NOT_CLOSED', `A closing report is filed once the fair is CLOSED; it is ${this.state.status}.`, { status: this.state.status });
    }
    this.apply({ ...this.state, report: { ...report, fileTime: now }, updateTime: now, version: this.state.version + 1 }, { kind: 'report_filed', actorSubject, occurredAt: now });
  }
}
