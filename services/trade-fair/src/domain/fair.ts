// The fair aggregate: its calendar (Vietnam-time days), application window, fee, rules and support
// policy; the states DRAFT → OPEN → ALLOCATING → PUBLISHED → RUNNING → CLOSED, or CANCELLED; the events
// it raises. Pure: the repository stores state and events in one single-document write.
import { failedPrecondition, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { dayCount, daysBetween, isCalendarDay, isClockTime, isPlausibleDay } from './calendar-days';

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
}

export interface FairRules {
  eligibility: 'OPEN' | 'PROVINCE_ONLY';
  maxBoothsPerBusiness: number;
  certifiedProducts: 'NONE' | 'PREFERRED' | 'REQUIRED';
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
  createTime: Date;
  updateTime: Date;
  version: number;
}

export type FairEventKind = 'created' | 'opened' | 'allocating' | 'published' | 'running' | 'closed' | 'cancelled';
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

export class Fair {
  private readonly raised: FairEvent[] = [];
  private constructor(private current: FairState, readonly loadedVersion: number) {}

  static fromState(state: FairState): Fair {
    return new Fair(state, state.version);
  }

  static create(input: NewFairInput, actorSubject: string, now: Date): Fair {
    const errors = validateFair(input);
    if (errors.length > 0) throw invalid(errors);
    const fair = new Fair({ ...input, name: input.name.normalize('NFC').trim(), status: 'DRAFT', createTime: now, updateTime: now, version: 1 }, 0);
    fair.raised.push({ kind: 'created', actorSubject, occurredAt: now });
    return fair;
  }

  get id(): string {
    return this.current.id;
  }
  get state(): Readonly<FairState> {
    return this.current;
  }
  get events(): readonly FairEvent[] {
    return this.raised;
  }

  /** Every day the fair holds its venue, set-up to tear-down. */
  get occupiedDays(): string[] {
    return daysBetween(this.current.days.setUpDay, this.current.days.tearDownDay);
  }

  /** Applications are taken while OPEN and inside the window (the window's close is exclusive). */
  acceptsApplicationsAt(now: Date): boolean {
    return this.current.status === 'OPEN' && now >= this.current.applicationOpenTime && now < this.current.applicationCloseTime;
  }

  moveTo(status: FairStatus, actorSubject: string, now: Date, reason?: string): void {
    const from = this.current.status;
    if (!FAIR_MOVES[from].includes(status)) {
      throw failedPrecondition('FAIR_STATUS_CONFLICT', `A fair in status ${from} cannot move to ${status}.`, { status: from, wanted: status });
    }
    this.current = { ...this.current, status, updateTime: now, version: this.current.version + 1, ...(reason ? { cancelReason: reason } : {}) };
    this.raised.push({ kind: EVENT_OF[status]!, actorSubject, occurredAt: now });
  }
}
