// The OCOP certification application: SUBMITTED → COMMUNE_REVIEWED → PROVINCIAL_SCORED → DECIDED, or
// → NATIONAL_PENDING (total ≥ 90, decided centrally) → DECIDED; REJECTED or WITHDRAWN from any open state.
// Decision 148/QĐ-TTg 2023 as amended by 1489/QĐ-TTg (2025): province and central levels, no district.
import { conflict, invalid } from '@hangviet/service-kit/errors';
import { NATIONAL_THRESHOLD, type ScoreSheet } from './score-sheet';

export const APPLICATION_STATUSES = ['SUBMITTED', 'COMMUNE_REVIEWED', 'PROVINCIAL_SCORED', 'NATIONAL_PENDING', 'DECIDED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The moves each action allows, from one table read by the domain, the router's guards and the OpenAPI text. */
export const ALLOWED_FROM: Readonly<Record<'reviewCommune' | 'score' | 'decide' | 'reject' | 'withdraw', readonly ApplicationStatus[]>> = {
  reviewCommune: ['SUBMITTED'],
  score: ['COMMUNE_REVIEWED'],
  decide: ['PROVINCIAL_SCORED', 'NATIONAL_PENDING'],
  reject: ['SUBMITTED', 'COMMUNE_REVIEWED', 'PROVINCIAL_SCORED', 'NATIONAL_PENDING'],
  withdraw: ['SUBMITTED', 'COMMUNE_REVIEWED', 'PROVINCIAL_SCORED', 'NATIONAL_PENDING'],
};

/** The platform's first OCOP round; a round may be announced up to a year ahead. */
export const FIRST_ROUND_YEAR = 2018;
export const lastRoundYear = (now: Date): number => now.getUTCFullYear() + 1;
export const MAX_ROUNDS_PER_YEAR = 12;

export interface Round {
  year: number;
  number: number;
}

export interface CommuneReview {
  reviewer: string;
  localRawMaterial: boolean;
  localLabour: boolean;
  localIdea: boolean;
  note?: string;
  time: Date;
}

export interface Decision {
  number: string;
  date: Date;
  /** The certificate the decision issued; absent when the stars do not certify. */
  certificateNumber?: string;
}

export interface ApplicationState {
  id: string;
  productId: string;
  businessId: string;
  productName: string;
  scheme: 'OCOP';
  round: Round;
  dossier?: string;
  previousCertificateNumber?: string;
  status: ApplicationStatus;
  communeReview?: CommuneReview;
  score?: ScoreSheet;
  decision?: Decision;
  reason?: string;
  createTime: Date;
  updateTime: Date;
  version: number;
}

export interface Actor {
  subject: string;
}

export type ApplicationEvent =
  | { kind: 'submitted'; actor: Actor; at: Date }
  | { kind: 'commune_reviewed'; actor: Actor; at: Date }
  | { kind: 'scored'; actor: Actor; at: Date }
  | { kind: 'national_pending'; actor: Actor; at: Date }
  | { kind: 'decided'; actor: Actor; at: Date }
  | { kind: 'rejected'; previous: ApplicationStatus; actor: Actor; at: Date }
  | { kind: 'withdrawn'; previous: ApplicationStatus; actor: Actor; at: Date };

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** `5445/QĐ-UBND`, `12/QĐ-BNNMT`: number / kind of act - issuer. */
export const DECISION_NUMBER = /^\d{1,6}\/Q[ĐD]-[A-ZĐ0-9]{2,12}$/u;

export class Application {
  private readonly raised: ApplicationEvent[] = [];
  private constructor(
    private current: ApplicationState,
    readonly loadedVersion: number,
  ) {}

  static fromState(state: ApplicationState): Application {
    return new Application(state, state.version);
  }

  static submit(input: Omit<ApplicationState, 'status' | 'createTime' | 'updateTime' | 'version' | 'scheme'> & { actor: Actor; now: Date }): Application {
    const { actor, now, ...rest } = input;
    if (!Number.isInteger(rest.round.year) || rest.round.year < FIRST_ROUND_YEAR || rest.round.year > lastRoundYear(now)) {
      throw invalid([{ field: 'round.year', code: 'OUT_OF_RANGE', message: `round.year must be from ${FIRST_ROUND_YEAR} to ${lastRoundYear(now)}` }]);
    }
    if (!Number.isInteger(rest.round.number) || rest.round.number < 1 || rest.round.number > MAX_ROUNDS_PER_YEAR) {
      throw invalid([{ field: 'round.number', code: 'OUT_OF_RANGE', message: `round.number must be from 1 to ${MAX_ROUNDS_PER_YEAR}` }]);
    }
    const app = new Application({ ...rest, scheme: 'OCOP', status: 'SUBMITTED', createTime: now, updateTime: now, version: 1 }, 0);
    app.raised.push({ kind: 'submitted', actor, at: now });
    return app;
  }

  get id(): string {
    return this.current.id;
  }
  get state(): Readonly<ApplicationState> {
    return this.current;
  }
  get events(): readonly ApplicationEvent[] {
    return this.raised;
  }

  /** Throws 409 ILLEGAL_STATUS_TRANSITION unless the action is allowed from the current status. */
  assertCan(action: keyof typeof ALLOWED_FROM): void {
    if (!ALLOWED_FROM[action].includes(this.current.status)) {
      throw conflict('ILLEGAL_STATUS_TRANSITION', `cannot ${action} an application that is ${this.current.status}`, { status: this.current.status, action });
    }
  }

  private move(action: keyof typeof ALLOWED_FROM, next: Partial<ApplicationState>, events: ApplicationEvent[]): void {
    this.assertCan(action);
    this.current = { ...this.current, ...next, updateTime: events[0]!.at, version: this.current.version + 1 };
    this.raised.push(...events);
  }

  reviewCommune(review: Omit<CommuneReview, 'time'>, actor: Actor, at: Date): void {
    if (review.reviewer.trim() === '') throw invalid([{ field: 'reviewer', code: 'REQUIRED', message: 'the reviewing commune/ward is required' }]);
    this.move('reviewCommune', { status: 'COMMUNE_REVIEWED', communeReview: { ...review, time: at } }, [{ kind: 'commune_reviewed', actor, at }]);
  }

  /** Records the sheet; a total of 90 or more goes on to central evaluation (NATIONAL_PENDING). */
  score(sheet: ScoreSheet, actor: Actor, at: Date): void {
    const national = sheet.total >= NATIONAL_THRESHOLD;
    const events: ApplicationEvent[] = [{ kind: 'scored', actor, at }];
    if (national) events.push({ kind: 'national_pending', actor, at });
    this.move('score', { status: national ? 'NATIONAL_PENDING' : 'PROVINCIAL_SCORED', score: sheet }, events);
  }

  /** Stars the decision certifies: 3–4 provincially, 5 only after central evaluation; 0 when none. */
  certifiableStars(): 0 | 3 | 4 | 5 {
    return this.current.score?.stars ?? 0;
  }

  decide(decision: { number: string; date: Date; certificateNumber?: string }, actor: Actor, at: Date): void {
    const errors = [];
    if (!DECISION_NUMBER.test(decision.number)) errors.push({ field: 'decisionNumber', code: 'DECISION_NUMBER_FORMAT', message: 'decisionNumber looks like 5445/QĐ-UBND' });
    // The decision date is a calendar day in Vietnam (UTC+7 all year): from 17:00 UTC "today" there is already
    // tomorrow in UTC, and a decision signed that day is not in the future.
    const endOfTodayInVietnam = (Math.floor((at.getTime() + VIETNAM_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - VIETNAM_OFFSET_MS;
    if (Number.isNaN(decision.date.getTime()) || decision.date.getTime() >= endOfTodayInVietnam) {
      errors.push({ field: 'decisionDate', code: 'NOT_PAST', message: 'decisionDate must be a date, not in the future' });
    }
    if (errors.length > 0) throw invalid(errors);
    this.move('decide', { status: 'DECIDED', decision: { ...decision } }, [{ kind: 'decided', actor, at }]);
  }

  reject(reason: string, actor: Actor, at: Date): void {
    if (reason.trim() === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'a reason is required' }]);
    const previous = this.current.status;
    this.move('reject', { status: 'REJECTED', reason: reason.trim() }, [{ kind: 'rejected', previous, actor, at }]);
  }

  withdraw(actor: Actor, at: Date): void {
    const previous = this.current.status;
    this.move('withdraw', { status: 'WITHDRAWN' }, [{ kind: 'withdrawn', previous, actor, at }]);
  }
}
