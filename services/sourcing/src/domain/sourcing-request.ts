// The sourcing request: a buyer asks the province's makers for an input. Its states, the rules of filing,
// moderating, expiring and renewing it, and the suppliers' responses it holds (one per supplier, one edit,
// at most `responseCap`: the last allowed one closes it). Pure: no I/O; the store writes the state and the
// events it raised in one single-document update guarded by the version.
import { Aggregate } from '@hangviet/events/aggregate';
import { conflict, failedPrecondition, invalid, type FieldError } from '@hangviet/service-kit/errors';

export type SourcingRequestStatus = 'PENDING_REVIEW' | 'PUBLISHED' | 'REJECTED' | 'CLOSED' | 'EXPIRED';
export type OriginPreference = 'PROVINCE' | 'DOMESTIC' | 'ANY';
export const ORIGIN_PREFERENCES = ['PROVINCE', 'DOMESTIC', 'ANY'] as const;
export const CERTIFICATION_SCHEMES = ['OCOP', 'VIETGAP', 'HVNCLC'] as const;
export type CertificationScheme = (typeof CERTIFICATION_SCHEMES)[number];
export const PRODUCT_GROUPS = ['FOOD', 'BEVERAGE', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM_SERVICE'] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

export interface RequiredCertification {
  scheme: CertificationScheme;
  /** OCOP only: 3, 4 or 5. */
  minStars?: number;
}

export interface SupplierResponse {
  supplierBusinessId: string;
  supplierName: string;
  message: string;
  unitPriceVnd?: number;
  respondedBy: string;
  submitTime: Date;
  /** Set by the one edit a supplier may make. */
  editTime?: Date;
  shortlisted: boolean;
}

export interface SourcingRequestState {
  id: string;
  /** Undefined for an outside buyer staff filed for. */
  buyerBusinessId?: string;
  buyerName: string;
  /** The province "local" means for matching (the buyer's, unless staff named one). */
  provinceCode: string;
  title: string;
  description: string;
  industry: { edition: '2018' | '2025'; code: string };
  productGroup?: ProductGroup;
  requiredCertifications: RequiredCertification[];
  quantity: number;
  unit: string;
  /** YYYY-MM-DD. */
  neededBy: string;
  originPreference: OriginPreference;
  responseCap: number;
  closingTime: Date;
  status: SourcingRequestStatus;
  rejectReason?: string;
  closeReason?: 'BUYER' | 'CAP_REACHED';
  responses: SupplierResponse[];
  filedBy: string;
  createTime: Date;
  publishTime?: Date;
  version: number;
}

export type SourcingRequestEvent =
  | { kind: 'submitted' | 'published' | 'renewed'; actor: string; at: Date }
  | { kind: 'rejected'; actor: string; reason: string; at: Date }
  | { kind: 'expired'; at: Date }
  | { kind: 'suppliers_matched'; suppliers: MatchedSupplier[]; at: Date }
  | { kind: 'closed'; actor: string; reason: 'BUYER' | 'CAP_REACHED'; at: Date }
  | { kind: 'response_received' | 'response_edited' | 'response_shortlisted'; actor: string; supplierBusinessId: string; at: Date };

/** A supplier the matching found at publication (domain/matching.ts), as the event tells it. */
export interface MatchedSupplier {
  businessId: string;
  score: number;
  reasons: string[];
  /** Who is told, and where: the supplier's name, its owner's contact e-mail and language as the directory says ('' when unknown). */
  name: string;
  contactEmail: string;
  preferredLocale: string;
}

/** How many matched suppliers publication tells (the best first); the buyer reads every match on demand. */
export const MATCHES_TOLD = 50;

export const LIMITS = {
  title: 200,
  description: 4000,
  unit: 40,
  buyerName: 200,
  message: 2000,
  reason: 1000,
  responseCap: 100,
  /** How far ahead a closing time may be set: a request is a need of the coming months, not a standing offer. */
  closingDays: 180,
} as const;

/** What a supplier may still change: one edit of its response. */
export const RESPONSE_EDITS_ALLOWED = 1;

export interface SubmitInput {
  id: string;
  buyer: { businessId?: string; name: string; status?: string; provinceCode: string };
  title: string;
  description: string;
  industry: { edition: '2018' | '2025'; code: string };
  productGroup?: ProductGroup;
  requiredCertifications?: RequiredCertification[];
  quantity: number;
  unit: string;
  neededBy: string;
  originPreference: OriginPreference;
  responseCap: number;
  closingTime: Date;
  actor: string;
  now: Date;
}

const text = (value: string) => value.normalize('NFC').trim();

function checkClosing(closingTime: Date, now: Date, field = 'closingTime'): FieldError[] {
  if (closingTime.getTime() <= now.getTime()) return [{ field, code: 'NOT_IN_FUTURE', message: `${field} must be in the future` }];
  if (closingTime.getTime() > now.getTime() + LIMITS.closingDays * 86_400_000) {
    return [{ field, code: 'TOO_FAR', message: `${field} must be within ${LIMITS.closingDays} days` }];
  }
  return [];
}

export class SourcingRequest extends Aggregate<SourcingRequestState, SourcingRequestEvent> {
  static fromState(state: SourcingRequestState): SourcingRequest {
    return new SourcingRequest(state, state.version);
  }

  /** Files a request (PENDING_REVIEW): a directory buyer must be ACTIVE; every refusal names its field. */
  static submit(input: SubmitInput): SourcingRequest {
    const title = text(input.title);
    const description = text(input.description);
    const unit = text(input.unit);
    const buyerName = text(input.buyer.name);
    const errors: FieldError[] = [];
    const required = (field: string, value: string, max: number) => {
      if (value === '') errors.push({ field, code: 'REQUIRED', message: `${field} must not be empty` });
      else if (value.length > max) errors.push({ field, code: 'TOO_LONG', message: `${field} must be at most ${max} characters` });
    };
    required('title', title, LIMITS.title);
    required('description', description, LIMITS.description);
    required('unit', unit, LIMITS.unit);
    if (input.buyer.businessId === undefined) required('buyerName', buyerName, LIMITS.buyerName);
    else if (input.buyer.status !== 'ACTIVE') {
      errors.push({ field: 'buyerBusinessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${input.buyer.businessId} is not an active business of the directory` });
    }
    if (!(input.quantity > 0)) errors.push({ field: 'quantity', code: 'NOT_POSITIVE', message: 'quantity must be more than 0' });
    if (!Number.isInteger(input.responseCap) || input.responseCap < 1 || input.responseCap > LIMITS.responseCap) {
      errors.push({ field: 'responseCap', code: 'OUT_OF_RANGE', message: `responseCap must be 1 to ${LIMITS.responseCap}` });
    }
    errors.push(...checkClosing(input.closingTime, input.now));
    if (input.neededBy < input.now.toISOString().slice(0, 10)) errors.push({ field: 'neededBy', code: 'IN_PAST', message: 'neededBy must not be in the past' });
    const certifications = input.requiredCertifications ?? [];
    certifications.forEach((c, i) => {
      if (c.scheme === 'OCOP' && c.minStars !== undefined && (c.minStars < 3 || c.minStars > 5)) {
        errors.push({ field: `requiredCertifications[${i}].minStars`, code: 'OUT_OF_RANGE', message: 'OCOP stars are 3 to 5' });
      }
      if (c.scheme !== 'OCOP' && c.minStars !== undefined) {
        errors.push({ field: `requiredCertifications[${i}].minStars`, code: 'NOT_APPLICABLE', message: `${c.scheme} has no stars` });
      }
    });
    if (new Set(certifications.map((c) => c.scheme)).size < certifications.length) {
      errors.push({ field: 'requiredCertifications', code: 'DUPLICATE', message: 'each scheme at most once' });
    }
    if (errors.length > 0) throw invalid(errors);
    const state: SourcingRequestState = {
      id: input.id,
      ...(input.buyer.businessId !== undefined ? { buyerBusinessId: input.buyer.businessId } : {}),
      buyerName,
      provinceCode: input.buyer.provinceCode,
      title,
      description,
      industry: input.industry,
      ...(input.productGroup ? { productGroup: input.productGroup } : {}),
      requiredCertifications: certifications.map((c) => (c.scheme === 'OCOP' ? { scheme: c.scheme, minStars: c.minStars ?? 3 } : { scheme: c.scheme })),
      quantity: input.quantity,
      unit,
      neededBy: input.neededBy,
      originPreference: input.originPreference,
      responseCap: input.responseCap,
      closingTime: input.closingTime,
      status: 'PENDING_REVIEW',
      responses: [],
      filedBy: input.actor,
      createTime: input.now,
      version: 1,
    };
    const request = new SourcingRequest(state, 0);
    request.raise({ kind: 'submitted', actor: input.actor, at: input.now });
    return request;
  }

  private expectStatus(action: string, ...allowed: SourcingRequestStatus[]): void {
    if (!allowed.includes(this.state.status)) {
      throw failedPrecondition('REQUEST_STATUS', `A request in status ${this.state.status} cannot be ${action}.`, { status: this.state.status });
    }
  }

  private next(patch: Partial<SourcingRequestState>, ...events: SourcingRequestEvent[]): this {
    this.apply({ ...this.state, ...patch, version: this.state.version + 1 }, ...events);
    return this;
  }

  /** Staff publish a request under review, telling the best matched suppliers; one already past its closing time cannot be. */
  publish(actor: string, now: Date, matched: readonly MatchedSupplier[]): this {
    this.expectStatus('published', 'PENDING_REVIEW');
    if (this.state.closingTime.getTime() <= now.getTime()) {
      throw failedPrecondition('REQUEST_CLOSING_PASSED', 'Its closing time has passed: the buyer must file it again with a new one.');
    }
    // Publication happens once per request, and each supplier is in its one event once: the notices that follow
    // (services/notification, keyed by the event and recipient) reach each supplier once per request.
    const seen = new Set<string>();
    const told = matched
      .filter((m) => !seen.has(m.businessId) && seen.add(m.businessId))
      .slice(0, MATCHES_TOLD)
      .map((m) => ({ ...m, reasons: [...m.reasons] }));
    return this.next({ status: 'PUBLISHED', publishTime: now }, { kind: 'published', actor, at: now }, ...(told.length > 0 ? [{ kind: 'suppliers_matched' as const, suppliers: told, at: now }] : []));
  }

  reject(actor: string, reason: string, now: Date): this {
    this.expectStatus('rejected', 'PENDING_REVIEW');
    const why = text(reason);
    if (why === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'a rejection needs a reason' }]);
    if (why.length > LIMITS.reason) throw invalid([{ field: 'reason', code: 'TOO_LONG', message: `reason must be at most ${LIMITS.reason} characters` }]);
    return this.next({ status: 'REJECTED', rejectReason: why }, { kind: 'rejected', actor, reason: why, at: now });
  }

  /** Whether the expiry job should expire it at `now`. */
  isDueToExpire(now: Date): boolean {
    return this.state.status === 'PUBLISHED' && this.state.closingTime.getTime() <= now.getTime();
  }

  expire(now: Date): this {
    this.expectStatus('expired', 'PUBLISHED');
    return this.next({ status: 'EXPIRED' }, { kind: 'expired', at: now });
  }

  /** An expired request runs again until a new closing time (published already: no second review of the same text). */
  renew(actor: string, closingTime: Date, now: Date): this {
    this.expectStatus('renewed', 'EXPIRED');
    const errors = checkClosing(closingTime, now);
    if (errors.length > 0) throw invalid(errors);
    return this.next({ status: 'PUBLISHED', closingTime }, { kind: 'renewed', actor, at: now });
  }

  close(actor: string, now: Date): this {
    this.expectStatus('closed', 'PUBLISHED');
    return this.next({ status: 'CLOSED', closeReason: 'BUYER' }, { kind: 'closed', actor, reason: 'BUYER', at: now });
  }

  responseOf(supplierBusinessId: string): SupplierResponse | undefined {
    return this.state.responses.find((r) => r.supplierBusinessId === supplierBusinessId);
  }

  /** A supplier's one response; the one that reaches the cap closes the request. */
  respond(input: { supplierBusinessId: string; supplierName: string; message: string; unitPriceVnd?: number; actor: string; now: Date }): this {
    const s = this.state;
    if (s.status !== 'PUBLISHED' || s.closingTime.getTime() <= input.now.getTime()) {
      throw failedPrecondition('REQUEST_NOT_OPEN', `The request takes no responses (status ${s.status}).`, { status: s.status });
    }
    if (input.supplierBusinessId === s.buyerBusinessId) {
      throw invalid([{ field: 'supplierBusinessId', code: 'OWN_REQUEST', message: 'a buyer does not respond to its own request' }]);
    }
    if (this.responseOf(input.supplierBusinessId)) {
      throw conflict('RESPONSE_EXISTS', 'This supplier has already responded; it may edit its response once.', { supplierBusinessId: input.supplierBusinessId });
    }
    const message = checkMessage(input.message);
    const response: SupplierResponse = {
      supplierBusinessId: input.supplierBusinessId,
      supplierName: input.supplierName,
      message,
      ...(input.unitPriceVnd !== undefined ? { unitPriceVnd: input.unitPriceVnd } : {}),
      respondedBy: input.actor,
      submitTime: input.now,
      shortlisted: false,
    };
    const responses = [...s.responses, response];
    const events: SourcingRequestEvent[] = [{ kind: 'response_received', actor: input.actor, supplierBusinessId: input.supplierBusinessId, at: input.now }];
    if (responses.length >= s.responseCap) {
      events.push({ kind: 'closed', actor: input.actor, reason: 'CAP_REACHED', at: input.now });
      return this.next({ responses, status: 'CLOSED', closeReason: 'CAP_REACHED' }, ...events);
    }
    return this.next({ responses }, ...events);
  }

  /** The one edit of a response, while the request runs. */
  editResponse(input: { supplierBusinessId: string; message: string; unitPriceVnd?: number; actor: string; now: Date }): this {
    const existing = this.responseOf(input.supplierBusinessId);
    if (!existing) throw failedPrecondition('RESPONSE_NOT_FOUND', 'This supplier has not responded.', { supplierBusinessId: input.supplierBusinessId });
    if (existing.editTime) throw conflict('RESPONSE_EDITED', 'A response may be edited once.', { supplierBusinessId: input.supplierBusinessId });
    if (this.state.status !== 'PUBLISHED' && this.state.status !== 'CLOSED') {
      throw failedPrecondition('REQUEST_NOT_OPEN', `The request is ${this.state.status}.`, { status: this.state.status });
    }
    const message = checkMessage(input.message);
    const edited: SupplierResponse = { ...existing, message, editTime: input.now };
    if (input.unitPriceVnd !== undefined) edited.unitPriceVnd = input.unitPriceVnd;
    return this.next(
      { responses: this.state.responses.map((r) => (r === existing ? edited : r)) },
      { kind: 'response_edited', actor: input.actor, supplierBusinessId: input.supplierBusinessId, at: input.now },
    );
  }

  shortlist(supplierBusinessId: string, actor: string, now: Date): this {
    const existing = this.responseOf(supplierBusinessId);
    if (!existing) throw failedPrecondition('RESPONSE_NOT_FOUND', 'This supplier has not responded.', { supplierBusinessId });
    if (existing.shortlisted) return this;
    return this.next(
      { responses: this.state.responses.map((r) => (r === existing ? { ...r, shortlisted: true } : r)) },
      { kind: 'response_shortlisted', actor, supplierBusinessId, at: now },
    );
  }
}

function checkMessage(value: string): string {
  const message = text(value);
  if (message === '') throw invalid([{ field: 'message', code: 'REQUIRED', message: 'message must not be empty' }]);
  if (message.length > LIMITS.message) throw invalid([{ field: 'message', code: 'TOO_LONG', message: `message must be at most ${LIMITS.message} characters` }]);
  return message;
}
