// A booth application: an enterprise asks for booths at a fair for its business. SUBMITTED → ALLOCATED |
// WAITLISTED | REJECTED (reason) | WITHDRAWN (by the enterprise) | CANCELLED (by staff); a waitlisted one
// may be OFFERED freed booths, which it confirms (→ ALLOCATED) or lets lapse (→ OFFER_LAPSED, its own state:
// not a staff decision). An allocated one is reminded the day before set-up.
import { Aggregate } from '@hangviet/events/aggregate';
import { failedPrecondition } from '@hangviet/service-kit/errors';
import type { AllocationExplanation } from './allocation';
import type { SupportGrant } from './support-funding';

export const APPLICATION_STATUSES = ['SUBMITTED', 'ALLOCATED', 'WAITLISTED', 'OFFERED', 'OFFER_LAPSED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** A live application holds the business's one place at the fair. */
export const LIVE_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'ALLOCATED', 'WAITLISTED', 'OFFERED'];

export const APPLICATION_MOVES: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  SUBMITTED: ['ALLOCATED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'],
  WAITLISTED: ['OFFERED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'],
  OFFERED: ['ALLOCATED', 'OFFER_LAPSED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'],
  ALLOCATED: ['WITHDRAWN', 'CANCELLED'],
  OFFER_LAPSED: [],
  REJECTED: [],
  WITHDRAWN: [],
  CANCELLED: [],
};

export interface ShownProduct {
  id: string;
  name: string;
}

export interface BoothApplicationState {
  id: string;
  fairId: string;
  businessId: string;
  businessName: string;
  status: ApplicationStatus;
  boothsWanted: number;
  preferredZone?: string;
  preferredBooths: string[];
  wantsCorner: boolean;
  products: ShownProduct[];
  catalogueEntry: string;
  submitTime: Date;
  /** The booths held (allocated, or offered while OFFERED). */
  booths: string[];
  waitlistPosition?: number;
  offerDeadline?: Date;
  explanation?: AllocationExplanation;
  support?: SupportGrant;
  /** Why REJECTED or CANCELLED (stable code). */
  reason?: string;
  /** When the set-up reminder was sent (once per application). */
  remindTime?: Date;
  updateTime: Date;
  version: number;
}

export type ApplicationEventKind = 'submitted' | 'allocated' | 'waitlisted' | 'offered' | 'confirmed' | 'lapsed' | 'rejected' | 'withdrawn' | 'cancelled' | 'reminded';
export interface ApplicationEvent {
  kind: ApplicationEventKind;
  actorSubject: string;
  occurredAt: Date;
}

export class BoothApplication extends Aggregate<BoothApplicationState, ApplicationEvent> {
  static fromState(state: BoothApplicationState): BoothApplication {
    return new BoothApplication(state, state.version);
  }

  static submit(input: Omit<BoothApplicationState, 'status' | 'booths' | 'updateTime' | 'version'>, actorSubject: string): BoothApplication {
    const app = new BoothApplication({ ...input, status: 'SUBMITTED', booths: [], updateTime: input.submitTime, version: 1 }, 0);
    app.raise({ kind: 'submitted', actorSubject, occurredAt: input.submitTime });
    return app;
  }

  get live(): boolean {
    return LIVE_STATUSES.includes(this.state.status);
  }

  private move(status: ApplicationStatus, kind: ApplicationEventKind, actorSubject: string, now: Date, patch: Partial<BoothApplicationState>): void {
    const from = this.state.status;
    if (!APPLICATION_MOVES[from].includes(status)) {
      throw failedPrecondition('APPLICATION_STATUS_CONFLICT', `An application in status ${from} cannot become ${status}.`, { status: from, wanted: status });
    }
    this.apply({ ...this.state, ...patch, status, updateTime: now, version: this.state.version + 1 }, { kind, actorSubject, occurredAt: now });
  }

  allocate(booths: string[], explanation: AllocationExplanation, support: SupportGrant, actor: string, now: Date): void {
    this.move('ALLOCATED', 'allocated', actor, now, { booths, explanation, support, waitlistPosition: undefined });
  }
  waitlist(position: number, explanation: AllocationExplanation, actor: string, now: Date): void {
    this.move('WAITLISTED', 'waitlisted', actor, now, { waitlistPosition: position, explanation });
  }
  reject(reason: string, actor: string, now: Date, explanation?: AllocationExplanation): void {
    this.move('REJECTED', 'rejected', actor, now, { reason, booths: [], offerDeadline: undefined, ...(explanation ? { explanation } : {}) });
  }
  offer(booths: string[], deadline: Date, actor: string, now: Date): void {
    this.move('OFFERED', 'offered', actor, now, { booths, offerDeadline: deadline });
  }
  /** The offer's deadline passed unconfirmed: its own state, the booths go back (the deadline is kept, to show when). */
  lapse(actor: string, now: Date): void {
    this.move('OFFER_LAPSED', 'lapsed', actor, now, { booths: [] });
  }
  /** The day before set-up: once, for an allocated application. False when there is nothing to remind. */
  remindSetUp(actor: string, now: Date): boolean {
    if (this.state.status !== 'ALLOCATED' || this.state.remindTime) return false;
    this.apply({ ...this.state, remindTime: now, updateTime: now, version: this.state.version + 1 }, { kind: 'reminded', actorSubject: actor, occurredAt: now });
    return true;
  }
  confirm(support: SupportGrant, actor: string, now: Date): void {
    const deadline = this.state.offerDeadline;
    // Only a live offer can be late; a lapsed one is simply no longer OFFERED (APPLICATION_STATUS_CONFLICT).
    if (this.state.status === 'OFFERED' && deadline && now >= deadline) {
      throw failedPrecondition('OFFER_EXPIRED', `The offer lapsed at ${deadline.toISOString()}.`);
    }
    this.move('ALLOCATED', 'confirmed', actor, now, { support, offerDeadline: undefined, waitlistPosition: undefined });
  }
  withdraw(actor: string, now: Date): void {
    this.move('WITHDRAWN', 'withdrawn', actor, now, { booths: [], offerDeadline: undefined });
  }
  cancel(reason: string, actor: string, now: Date): void {
    this.move('CANCELLED', 'cancelled', actor, now, { reason, booths: [], offerDeadline: undefined });
  }
}
