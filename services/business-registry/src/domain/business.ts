// Over ~300 lines on purpose: the aggregate's state, its table of moves, invariants and events read as one unit.
// The Business aggregate: a profile, a status that follows the review state machine, and the
// events each change raises. Pure: inputs arrive already normalised (see application/profile-input.ts);
// this file decides what is allowed and what happened.
import { failedPrecondition, invalid, type FieldError } from '@hangviet/service-kit/errors';
import type { Locale } from '@hangviet/vn/locale';

export const BUSINESS_TYPES = ['COMPANY', 'COOPERATIVE', 'HOUSEHOLD', 'BRANCH'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export const BUSINESS_STATUSES = ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'DISSOLVED'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export const EMPLOYEE_RANGES = ['1-9', '10-49', '50-199', '200-999', '1000+'] as const;
export type EmployeeRange = (typeof EMPLOYEE_RANGES)[number];

export type IndustryEdition = '2018' | '2025';
export type { Locale };

/** An address in the 2025 units: province + commune/ward. */
export interface Address {
  provinceCode: string;
  provinceName: string;
  wardCode: string;
  wardName: string;
  street: string;
}

/** A pre-2025 address exactly as given; kept next to the mapped `address`. */
export interface LegacyAddress {
  provinceName?: string;
  districtName?: string;
  wardName?: string;
  wardCode?: string;
  street: string;
}

export interface BusinessIndustry {
  edition: IndustryEdition;
  code: string;
  name: string;
  main: boolean;
}

export interface Contact {
  email?: string;
  /** E.164 (+84…). */
  phone?: string;
}

/** Personal data of the legal representative: never shown to the public, never put in events. */
export interface Representative {
  fullName: string;
  position?: string;
  email?: string;
  phone?: string;
}

/** What the business itself describes and may change. */
export interface BusinessProfile {
  legalName: string;
  tradeName?: string;
  englishName?: string;
  address: Address;
  legacyAddress?: LegacyAddress;
  industries: BusinessIndustry[];
  contact: Contact;
  representative?: Representative;
  website?: string;
  description?: string;
  /** YYYY-MM-DD */
  foundingDate?: string;
  employeeRange?: EmployeeRange;
  preferredLocale: Locale;
}

export const PROFILE_FIELDS = [
  'legalName',
  'tradeName',
  'englishName',
  'address',
  'legacyAddress',
  'industries',
  'contact',
  'representative',
  'website',
  'description',
  'foundingDate',
  'employeeRange',
  'preferredLocale',
] as const satisfies readonly (keyof BusinessProfile)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface BusinessState extends BusinessProfile {
  id: string;
  /** Canonical: `0100233488`, `0314409058-002`, or a 12-digit personal ID (household). */
  taxCode: string;
  type: BusinessType;
  status: BusinessStatus;
  statusReason?: string;
  ownerSubject?: string;
  /**
   * The registration no longer holds its tax code (rejected, withdrawn, or dissolved before it was ever
   * approved): the real owner may register the code again (issue 12, item 1).
   */
  taxCodeReleased?: boolean;
  /** Staff decisions that change no status: ownership transfers, decisions on change requests. */
  audit?: AuditEntry[];
  /**
   * Material changes the owner asked for on a listed business, awaiting staff (issue 12, item 2): the directory
   * keeps showing the approved values until staff approve them.
   */
  pendingChange?: PendingChange;
  /** Starts at 1; +1 per change. The REST ETag and the optimistic-concurrency guard. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Actor {
  subject: string;
}

/** Changes to these need staff review once a business is listed: its identity in the directory. */
export const MATERIAL_FIELDS = ['legalName', 'tradeName', 'englishName', 'address', 'legacyAddress', 'industries'] as const satisfies readonly ProfileField[];

export interface PendingChange {
  changes: Partial<BusinessProfile>;
  /** Fields the change clears (an optional material field set to null). */
  clears: ProfileField[];
  requestedBy: string;
  requestTime: Date;
}

export interface AuditEntry {
  action: 'ownership_transferred' | 'change_approved' | 'change_rejected';
  actor: string;
  time: Date;
  reason: string;
  from?: string;
  to?: string;
}

export const WITHDRAWN_REASON = 'Withdrawn by the applicant.';
/** Statuses from which dissolving also frees the tax code: the record was never a public business. */
const NEVER_PUBLIC: readonly BusinessStatus[] = ['PENDING_REVIEW', 'REJECTED'];

interface EventBase {
  actor: string;
  occurredAt: Date;
  /** The status and version right after this event (several events can share one save). */
  status: BusinessStatus;
  version: number;
}
export type BusinessEvent =
  | ({ kind: 'registered' } & EventBase)
  | ({ kind: 'approved' } & EventBase)
  | ({ kind: 'rejected'; reason: string } & EventBase)
  | ({ kind: 'profile_updated'; changedFields: ProfileField[] } & EventBase)
  | ({ kind: 'suspended'; reason: string } & EventBase)
  | ({ kind: 'reinstated'; reason?: string } & EventBase)
  | ({ kind: 'dissolved'; reason: string; previousStatus: BusinessStatus } & EventBase);
export type BusinessEventKind = BusinessEvent['kind'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RaisedEvent = DistributiveOmit<BusinessEvent, 'status' | 'version'>;

export type StatusAction = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'dissolve';

/** The state machine: which status each action starts from, and where it leads. */
const TRANSITIONS: Record<StatusAction, { from: readonly BusinessStatus[]; to: BusinessStatus }> = {
  approve: { from: ['PENDING_REVIEW'], to: 'ACTIVE' },
  reject: { from: ['PENDING_REVIEW'], to: 'REJECTED' },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
  reinstate: { from: ['SUSPENDED'], to: 'ACTIVE' },
  dissolve: { from: ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED'], to: 'DISSOLVED' },
};

/** Statuses in which the profile may still change: a rejected or dissolved record is closed. */
const EDITABLE: readonly BusinessStatus[] = ['PENDING_REVIEW', 'ACTIVE', 'SUSPENDED'];

export const REASON_MAX_LENGTH = 1000;

export function canTransition(status: BusinessStatus, action: StatusAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

const ENTERPRISE_CODE = /^\d{10}$/;
const DEPENDENT_UNIT_CODE = /^\d{10}-\d{3}$/;
const PERSONAL_ID_CODE = /^\d{12}$/;

function checkTaxCodeMatchesType(taxCode: string, type: BusinessType): FieldError[] {
  if (type === 'BRANCH') {
    return DEPENDENT_UNIT_CODE.test(taxCode)
      ? []
      : [{ field: 'taxCode', code: 'TAX_CODE_TYPE_MISMATCH', message: 'a BRANCH needs a dependent-unit tax code: 10 digits + "-" + 3 digits' }];
  }
  if (DEPENDENT_UNIT_CODE.test(taxCode)) {
    return [{ field: 'type', code: 'TAX_CODE_TYPE_MISMATCH', message: 'a dependent-unit tax code (with a -NNN suffix) belongs to a BRANCH' }];
  }
  if (PERSONAL_ID_CODE.test(taxCode)) {
    return type === 'HOUSEHOLD'
      ? []
      : [{ field: 'taxCode', code: 'TAX_CODE_TYPE_MISMATCH', message: 'a 12-digit personal ID is a tax code only for a HOUSEHOLD business' }];
  }
  return ENTERPRISE_CODE.test(taxCode)
    ? []
    : [{ field: 'taxCode', code: 'TAX_CODE_FORMAT', message: 'taxCode is not in canonical form' }];
}

function checkProfile(profile: BusinessProfile): FieldError[] {
  const errors: FieldError[] = [];
  if (profile.legalName.trim() === '') {
    errors.push({ field: 'legalName', code: 'REQUIRED', message: 'legalName must not be empty' });
  }
  if (profile.legalName !== profile.legalName.normalize('NFC')) {
    errors.push({ field: 'legalName', code: 'NOT_NFC', message: 'legalName must be stored in Unicode NFC' });
  }
  if (profile.industries.length === 0) {
    errors.push({ field: 'industries', code: 'REQUIRED', message: 'at least one industry is required' });
  } else if (profile.industries.filter((i) => i.main).length !== 1) {
    errors.push({ field: 'industries', code: 'MAIN_INDUSTRY_COUNT', message: 'exactly one industry must be marked main' });
  }
  const keys = profile.industries.map((i) => `${i.edition}:${i.code}`);
  if (new Set(keys).size !== keys.length) {
    errors.push({ field: 'industries', code: 'DUPLICATE_INDUSTRY', message: 'an industry (edition, code) is listed twice' });
  }
  return errors;
}

function checkReason(reason: string | undefined, required: boolean): string | undefined {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') {
    if (required) throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'reason is required' }]);
    return undefined;
  }
  if (trimmed.length > REASON_MAX_LENGTH) {
    throw invalid([{ field: 'reason', code: 'TOO_LONG', message: `reason must be at most ${REASON_MAX_LENGTH} characters` }]);
  }
  return trimmed.normalize('NFC');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RegisterBusinessInput {
  id: string;
  taxCode: string;
  type: BusinessType;
  profile: BusinessProfile;
  /** The enterprise user who registers their own business becomes its owner. */
  ownerSubject?: string;
  actor: Actor;
  now: Date;
}

export class Business {
  private current: BusinessState;
  private readonly raised: BusinessEvent[] = [];
  /** A change that raises no event (an audit entry) still has to be saved. */
  private touched = false;
  /** The version this instance was loaded at: the repository writes only if it is still current. */
  readonly loadedVersion: number;

  private constructor(state: BusinessState, loadedVersion: number) {
    this.current = state;
    this.loadedVersion = loadedVersion;
  }

  static register(input: RegisterBusinessInput): Business {
    const errors = [...checkTaxCodeMatchesType(input.taxCode, input.type), ...checkProfile(input.profile)];
    if (errors.length > 0) throw invalid(errors);
    const business = new Business(
      {
        ...input.profile,
        id: input.id,
        taxCode: input.taxCode,
        type: input.type,
        status: 'PENDING_REVIEW',
        ...(input.ownerSubject ? { ownerSubject: input.ownerSubject } : {}),
        version: 1,
        createdAt: input.now,
        updatedAt: input.now,
      },
      0,
    );
    business.raise({ kind: 'registered', actor: input.actor.subject, occurredAt: input.now });
    return business;
  }

  /** Rebuilds a stored business; raises nothing. */
  static fromState(state: BusinessState): Business {
    return new Business({ ...state }, state.version);
  }

  get state(): Readonly<BusinessState> {
    return this.current;
  }

  get id(): string {
    return this.current.id;
  }

  get status(): BusinessStatus {
    return this.current.status;
  }

  /** Events raised since loading, in order. */
  get events(): readonly BusinessEvent[] {
    return this.raised;
  }

  get changed(): boolean {
    return this.raised.length > 0 || this.touched;
  }

  /** Whether this record still holds its tax code against new registrations. */
  get holdsTaxCode(): boolean {
    return this.current.taxCodeReleased !== true;
  }

  approve(actor: Actor, now: Date): void {
    this.transition('approve', now);
    delete this.current.statusReason;
    this.raise({ kind: 'approved', actor: actor.subject, occurredAt: now });
  }

  reject(reason: string, actor: Actor, now: Date): void {
    const why = checkReason(reason, true) as string;
    this.transition('reject', now, why);
    this.current.taxCodeReleased = true;
    this.raise({ kind: 'rejected', reason: why, actor: actor.subject, occurredAt: now });
  }

  suspend(reason: string, actor: Actor, now: Date): void {
    const why = checkReason(reason, true) as string;
    this.transition('suspend', now, why);
    this.raise({ kind: 'suspended', reason: why, actor: actor.subject, occurredAt: now });
  }

  reinstate(actor: Actor, now: Date, reason?: string): void {
    const why = checkReason(reason, false);
    this.transition('reinstate', now);
    delete this.current.statusReason;
    this.raise({ kind: 'reinstated', ...(why ? { reason: why } : {}), actor: actor.subject, occurredAt: now });
  }

  dissolve(reason: string, actor: Actor, now: Date): void {
    const why = checkReason(reason, true) as string;
    const previousStatus = this.current.status;
    this.transition('dissolve', now, why);
    if (NEVER_PUBLIC.includes(previousStatus)) this.current.taxCodeReleased = true;
    this.raise({ kind: 'dissolved', reason: why, previousStatus, actor: actor.subject, occurredAt: now });
  }

  /** The applicant takes back a registration under review: it ends (DISSOLVED) and frees its tax code. */
  withdraw(actor: Actor, now: Date): void {
    if (this.current.status !== 'PENDING_REVIEW') {
      throw failedPrecondition('ILLEGAL_STATUS_TRANSITION', `cannot withdraw a business that is ${this.current.status}`, { status: this.current.status, action: 'withdraw' });
    }
    this.dissolve(WITHDRAWN_REASON, actor, now);
  }

  /**
   * Staff resolve a dispute over a registration under review: it passes to the rightful account, with an
   * audit entry naming who decided and why (the status and the events are unchanged).
   */
  transferOwnership(toSubject: string, reason: string, actor: Actor, now: Date): void {
    const why = checkReason(reason, true) as string;
    if (this.current.status !== 'PENDING_REVIEW') {
      throw failedPrecondition('ILLEGAL_STATUS_TRANSITION', `cannot transfer a business that is ${this.current.status}`, { status: this.current.status, action: 'transfer' });
    }
    if (toSubject.trim() === '') throw invalid([{ field: 'toSubject', code: 'REQUIRED', message: 'toSubject is required' }]);
    const entry: AuditEntry = { action: 'ownership_transferred', actor: actor.subject, time: now, reason: why, to: toSubject, ...(this.current.ownerSubject ? { from: this.current.ownerSubject } : {}) };
    this.current = { ...this.current, ownerSubject: toSubject, audit: [...(this.current.audit ?? []), entry], version: this.current.version + 1, updatedAt: now };
    this.touched = true;
  }

  /**
   * The owner's edit of a listed (ACTIVE or SUSPENDED) business: contact details and the rest apply at once;
   * material fields (MATERIAL_FIELDS) whose value really changes become the pending change request (replacing
   * an earlier one), for staff to approve or reject. Staff edits and edits under review apply directly.
   */
  requestProfileChange(changes: Partial<BusinessProfile>, actor: Actor, now: Date): void {
    const listed = this.current.status === 'ACTIVE' || this.current.status === 'SUSPENDED';
    if (!listed) return this.updateProfile(changes, actor, now);
    const material: Partial<BusinessProfile> = {};
    const clears: ProfileField[] = [];
    const direct: Partial<BusinessProfile> = {};
    for (const field of PROFILE_FIELDS) {
      if (!(field in changes)) continue;
      const isMaterial = (MATERIAL_FIELDS as readonly string[]).includes(field);
      if (!isMaterial) {
        (direct as Record<string, unknown>)[field] = changes[field];
        continue;
      }
      if (sameValue(this.current[field], changes[field])) continue;
      if (changes[field] === undefined) clears.push(field);
      else (material as Record<string, unknown>)[field] = changes[field];
    }
    if (Object.keys(material).length > 0 || clears.length > 0) {
      const errors = checkProfile({ ...this.current, ...material, ...Object.fromEntries(clears.map((f) => [f, undefined])) });
      if (errors.length > 0) throw invalid(errors);
      this.current = { ...this.current, pendingChange: { changes: material, clears, requestedBy: actor.subject, requestTime: now }, version: this.current.version + 1, updatedAt: now };
      this.touched = true;
    }
    this.updateProfile(direct, actor, now);
  }

  /** Staff apply the pending change request: the directory shows it from now on (profile_updated). */
  approveChange(actor: Actor, now: Date): void {
    const pending = this.requirePending();
    const changes: Partial<BusinessProfile> = { ...pending.changes, ...Object.fromEntries(pending.clears.map((f) => [f, undefined])) };
    const { pendingChange: _done, ...rest } = this.current;
    this.current = {
      ...rest,
      audit: [...(rest.audit ?? []), { action: 'change_approved', actor: actor.subject, time: now, reason: `fields: ${[...Object.keys(pending.changes), ...pending.clears].join(', ')}` }],
      version: rest.version + 1,
      updatedAt: now,
    };
    this.touched = true;
    this.updateProfile(changes, actor, now);
  }

  /** Staff refuse the pending change request, with a reason; the approved values stay. */
  rejectChange(reason: string, actor: Actor, now: Date): void {
    const why = checkReason(reason, true) as string;
    this.requirePending();
    const { pendingChange: _done, ...rest } = this.current;
    this.current = { ...rest, audit: [...(rest.audit ?? []), { action: 'change_rejected', actor: actor.subject, time: now, reason: why }], version: rest.version + 1, updatedAt: now };
    this.touched = true;
  }

  private requirePending(): PendingChange {
    if (!this.current.pendingChange) throw failedPrecondition('NO_PENDING_CHANGE', 'This business has no change request awaiting review.');
    return this.current.pendingChange;
  }

  /**
   * Replaces the given profile fields (`undefined` in `changes` clears an optional field).
   * Raises `profile_updated` naming the fields whose value really changed; nothing when none did.
   */
  updateProfile(changes: Partial<BusinessProfile>, actor: Actor, now: Date): void {
    if (!EDITABLE.includes(this.current.status)) {
      throw failedPrecondition('BUSINESS_NOT_EDITABLE', `a ${this.current.status} business can no longer be edited`, {
        status: this.current.status,
      });
    }
    const next: BusinessState = { ...this.current };
    const changedFields: ProfileField[] = [];
    for (const field of PROFILE_FIELDS) {
      if (!(field in changes)) continue;
      const value = changes[field];
      if (sameValue(next[field], value)) continue;
      changedFields.push(field);
      if (value === undefined) delete next[field];
      else (next as unknown as Record<string, unknown>)[field] = value;
    }
    if (changedFields.length === 0) return;
    const errors = checkProfile(next);
    if (errors.length > 0) throw invalid(errors);
    this.current = { ...next, version: next.version + 1, updatedAt: now };
    this.raise({ kind: 'profile_updated', changedFields, actor: actor.subject, occurredAt: now });
  }

  private raise(event: RaisedEvent): void {
    this.raised.push({ ...event, status: this.current.status, version: this.current.version } as BusinessEvent);
  }

  private transition(action: StatusAction, now: Date, reason?: string): void {
    const from = this.current.status;
    if (!canTransition(from, action)) {
      throw failedPrecondition('ILLEGAL_STATUS_TRANSITION', `cannot ${action} a business that is ${from}`, { status: from, action });
    }
    this.current = {
      ...this.current,
      status: TRANSITIONS[action].to,
      ...(reason !== undefined ? { statusReason: reason } : {}),
      version: this.current.version + 1,
      updatedAt: now,
    };
  }
}
