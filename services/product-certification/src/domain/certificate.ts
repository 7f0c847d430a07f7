// Certificates of every scheme, with their validity rules and states. VALID → EXPIRING (30 days before the
// end, notified once) → EXPIRED; SUSPENDED while the business is suspended (restored within validity);
// REVOKED (terminal, with a reason). Pure: the repository writes state and events in one update.
import { conflict, invalid } from '@hangviet/service-kit/errors';
import type { SchemeCode } from './certificate-number';

export const CERTIFICATE_STATUSES = ['VALID', 'EXPIRING', 'EXPIRED', 'SUSPENDED', 'REVOKED'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const SCHEMES = ['OCOP', 'VIETGAP', 'HVNCLC'] as const satisfies readonly SchemeCode[];
export type Scheme = SchemeCode;

export const EXPIRING_NOTICE_DAYS = 30;
export const OCOP_VALIDITY_MONTHS = 36;
export const VIETGAP_MAX_MONTHS = 24;
export const VIETGAP_MAX_EXTENSION_MONTHS = 3;
const DAY_MS = 86_400_000;

export interface CertificateState {
  /** The platform number; also the document id. */
  number: string;
  scheme: Scheme;
  businessId: string;
  businessName: string;
  productId?: string;
  productName?: string;
  stars: number;
  status: CertificateStatus;
  validFrom: Date;
  validUntil: Date;
  decisionNumber: string;
  decisionDate: Date;
  issuer: string;
  applicationId?: string;
  previousNumber?: string;
  /** Set with the one `expiring` event: the job never sends a second. */
  expiringNotified: boolean;
  extended: boolean;
  /** The status a suspension interrupted. */
  suspendedFrom?: 'VALID' | 'EXPIRING';
  reason?: string;
  issueTime: Date;
  updateTime: Date;
  version: number;
}

export interface Actor {
  subject: string;
}

export type CertificateEvent =
  | { kind: 'issued'; actor: Actor; at: Date }
  | { kind: 'expiring'; daysLeft: number; at: Date }
  | { kind: 'expired'; at: Date }
  | { kind: 'suspended'; reason: string; actor: Actor; at: Date }
  | { kind: 'restored'; actor: Actor; at: Date }
  | { kind: 'extended'; previousValidUntil: Date; actor: Actor; at: Date }
  | { kind: 'revoked'; reason: string; previous: CertificateStatus; actor: Actor; at: Date };

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The validity a scheme gives: OCOP 36 months from the decision; HVNCLC the calendar year; VietGAP as decided, at most 2 years. */
export function validityOf(input: { scheme: Scheme; decisionDate: Date; validFrom?: Date; validUntil?: Date; year?: number }): { validFrom: Date; validUntil: Date } {
  switch (input.scheme) {
    case 'OCOP':
      return { validFrom: input.decisionDate, validUntil: addMonths(input.decisionDate, OCOP_VALIDITY_MONTHS) };
    case 'HVNCLC': {
      const year = input.year ?? input.decisionDate.getUTCFullYear();
      return { validFrom: new Date(Date.UTC(year, 0, 1)), validUntil: new Date(Date.UTC(year + 1, 0, 1)) };
    }
    case 'VIETGAP': {
      const from = input.validFrom ?? input.decisionDate;
      const until = input.validUntil;
      if (!until || until <= from) throw invalid([{ field: 'validUntil', code: 'REQUIRED', message: 'validUntil must be after validFrom' }]);
      if (until > addMonths(from, VIETGAP_MAX_MONTHS)) {
        throw invalid([{ field: 'validUntil', code: 'TOO_LONG', message: `a VietGAP certificate is valid at most ${VIETGAP_MAX_MONTHS} months` }]);
      }
      return { validFrom: from, validUntil: until };
    }
  }
}

export class Certificate {
  private readonly raised: CertificateEvent[] = [];
  private constructor(
    private current: CertificateState,
    readonly loadedVersion: number,
  ) {}

  static fromState(state: CertificateState): Certificate {
    return new Certificate(state, state.version);
  }

  static issue(input: Omit<CertificateState, 'status' | 'expiringNotified' | 'extended' | 'issueTime' | 'updateTime' | 'version'> & { actor: Actor; now: Date }): Certificate {
    const { actor, now, ...rest } = input;
    if (rest.scheme === 'OCOP' && ![3, 4, 5].includes(rest.stars)) throw invalid([{ field: 'stars', code: 'NOT_CERTIFIABLE', message: 'OCOP certifies 3, 4 or 5 stars' }]);
    if (rest.scheme !== 'OCOP' && rest.stars !== 0) throw invalid([{ field: 'stars', code: 'NOT_APPLICABLE', message: `${rest.scheme} has no stars` }]);
    const cert = new Certificate({ ...rest, status: 'VALID', expiringNotified: false, extended: false, issueTime: now, updateTime: now, version: 1 }, 0);
    cert.raised.push({ kind: 'issued', actor, at: now });
    cert.advance(now);
    return cert;
  }

  get number(): string {
    return this.current.number;
  }
  get state(): Readonly<CertificateState> {
    return this.current;
  }
  get events(): readonly CertificateEvent[] {
    return this.raised;
  }

  private change(next: Partial<CertificateState>, event: CertificateEvent): void {
    this.current = { ...this.current, ...next, updateTime: event.at, version: this.current.version + 1 };
    this.raised.push(event);
  }

  /** What time alone does: the one expiring notice 30 days before the end, then expiry. Returns whether anything changed. */
  advance(now: Date): boolean {
    const before = this.raised.length;
    const { status, validUntil } = this.current;
    if ((status === 'VALID' || status === 'EXPIRING') && validUntil <= now) {
      this.change({ status: 'EXPIRED' }, { kind: 'expired', at: now });
    } else if (status === 'VALID' && !this.current.expiringNotified && validUntil.getTime() - now.getTime() <= EXPIRING_NOTICE_DAYS * DAY_MS) {
      const daysLeft = Math.ceil((validUntil.getTime() - now.getTime()) / DAY_MS);
      this.change({ status: 'EXPIRING', expiringNotified: true }, { kind: 'expiring', daysLeft, at: now });
    }
    return this.raised.length > before;
  }

  /** The business was suspended: VALID or EXPIRING certificates are suspended; others stay as they are. */
  suspend(reason: string, actor: Actor, at: Date): boolean {
    const { status } = this.current;
    if (status !== 'VALID' && status !== 'EXPIRING') return false;
    this.change({ status: 'SUSPENDED', suspendedFrom: status, reason }, { kind: 'suspended', reason, actor, at });
    return true;
  }

  /** The business was reinstated: within validity the certificate is back to what it was; past it, expired. */
  restore(actor: Actor, at: Date): boolean {
    if (this.current.status !== 'SUSPENDED') return false;
    if (this.current.validUntil <= at) {
      this.change({ status: 'EXPIRED', suspendedFrom: undefined }, { kind: 'expired', at });
      return true;
    }
    this.change({ status: this.current.suspendedFrom ?? 'VALID', suspendedFrom: undefined, reason: undefined }, { kind: 'restored', actor, at });
    this.advance(at);
    return true;
  }

  revoke(reason: string, actor: Actor, at: Date): void {
    if (reason.trim() === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'a reason is required' }]);
    const previous = this.current.status;
    if (previous === 'REVOKED') throw conflict('ALREADY_REVOKED', `certificate ${this.number} is already revoked`);
    this.change({ status: 'REVOKED', reason: reason.trim(), suspendedFrom: undefined }, { kind: 'revoked', reason: reason.trim(), previous, actor, at });
  }

  /** VietGAP only, once, by at most 3 months, before it has expired or been revoked. */
  extend(until: Date, actor: Actor, at: Date): void {
    const s = this.current;
    if (s.scheme !== 'VIETGAP') throw conflict('NOT_EXTENDABLE', `${s.scheme} certificates are not extended`);
    if (s.extended) throw conflict('ALREADY_EXTENDED', 'a VietGAP certificate is extended once');
    if (s.status === 'EXPIRED' || s.status === 'REVOKED') throw conflict('ILLEGAL_STATUS_TRANSITION', `cannot extend a certificate that is ${s.status}`);
    if (until <= s.validUntil || until > addMonths(s.validUntil, VIETGAP_MAX_EXTENSION_MONTHS)) {
      throw invalid([{ field: 'validUntil', code: 'OUT_OF_RANGE', message: `an extension is later than now's end and at most ${VIETGAP_MAX_EXTENSION_MONTHS} months` }]);
    }
    const status = s.status === 'EXPIRING' ? 'VALID' : s.status;
    this.change({ validUntil: until, extended: true, expiringNotified: false, status }, { kind: 'extended', previousValidUntil: s.validUntil, actor, at });
  }
}
