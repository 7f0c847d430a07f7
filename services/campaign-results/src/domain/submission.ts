// The submission aggregate: a figure a unit submits for what the platform cannot see (inspections, surveys,
// visitors of markets it does not run), for one indicator, period and place, with evidence. The centre approves
// or returns it; a returned one is revised and submitted again. Every change is kept in its history (the
// audit) and raises one event. Pure: no I/O; the repository writes the state and its events in one update.
import { conflict, forbidden, invalid, type FieldError } from '@hangviet/service-kit/errors';
import { indicator, SUBMITTABLE_CODES } from './indicators';

export type SubmissionStatus = 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface Evidence {
  title: string;
  url: string;
  documentNumber: string;
}

export interface AuditEntry {
  action: 'submitted' | 'approved' | 'returned' | 'revised';
  actorSubject: string;
  at: Date;
  /** The reason of a return; what changed in a revision. */
  note: string;
}

/** What a unit states: the figure and where it comes from. */
export interface SubmissionFigure {
  indicatorCode: string;
  value: number;
  year: number;
  /** 1–4, or 0 for the whole year. */
  quarter: number;
  provinceCode: string;
  wardCode: string;
  unitName: string;
  evidence: Evidence[];
}

export interface SubmissionState extends SubmissionFigure {
  id: string;
  status: SubmissionStatus;
  returnReason: string;
  submitterSubject: string;
  createTime: Date;
  updateTime: Date;
  history: AuditEntry[];
  /** Grows by one with every change; a write succeeds only against the version it was loaded at. */
  version: number;
}

export interface Actor {
  subject: string;
}

/** What happened to a submission; each becomes one outbox entry (hangviet.campaign.submission.<kind>.v1). */
export type SubmissionEvent = { kind: 'submitted' | 'approved' | 'returned'; actor: Actor; occurredAt: Date };

export const LIMITS = { unitName: 200, evidence: 10, title: 200, url: 500, documentNumber: 60, reason: 1000, minYear: 2000, maxYear: 2100 } as const;

function checkFigure(input: SubmissionFigure): SubmissionFigure {
  const errors: FieldError[] = [];
  const ind = indicator(input.indicatorCode);
  if (!ind || !SUBMITTABLE_CODES.includes(input.indicatorCode)) {
    errors.push({ field: 'indicatorCode', code: 'INDICATOR_NOT_SUBMITTABLE', message: `indicatorCode must be one of ${SUBMITTABLE_CODES.join(', ')}` });
  }
  if (!Number.isFinite(input.value) || input.value < 0) errors.push({ field: 'value', code: 'OUT_OF_RANGE', message: 'value must be a number ≥ 0' });
  else if (ind?.unit === 'percent' && input.value > 100) errors.push({ field: 'value', code: 'OUT_OF_RANGE', message: 'a percentage is at most 100' });
  else if (ind && ind.unit !== 'percent' && !Number.isInteger(input.value)) errors.push({ field: 'value', code: 'NOT_INTEGER', message: `${ind.unit === 'vnd' ? 'an amount in VND' : 'a count'} is a whole number` });
  if (!Number.isInteger(input.year) || input.year < LIMITS.minYear || input.year > LIMITS.maxYear) errors.push({ field: 'year', code: 'OUT_OF_RANGE', message: `year must be ${LIMITS.minYear}–${LIMITS.maxYear}` });
  if (!Number.isInteger(input.quarter) || input.quarter < 0 || input.quarter > 4) errors.push({ field: 'quarter', code: 'OUT_OF_RANGE', message: 'quarter must be 1–4, or 0 for the whole year' });
  const unitName = input.unitName.trim();
  if (unitName === '') errors.push({ field: 'unitName', code: 'REQUIRED', message: 'unitName must not be empty' });
  if (input.evidence.length === 0) errors.push({ field: 'evidence', code: 'REQUIRED', message: 'at least one piece of evidence (a document) is required' });
  input.evidence.forEach((e, i) => {
    if (e.title.trim() === '') errors.push({ field: `evidence[${i}].title`, code: 'REQUIRED', message: 'title must not be empty' });
    if (e.url.trim() === '' && e.documentNumber.trim() === '') errors.push({ field: `evidence[${i}]`, code: 'REQUIRED', message: 'a url or a documentNumber is required' });
  });
  if (errors.length > 0) throw invalid(errors);
  return { ...input, unitName, evidence: input.evidence.map((e) => ({ title: e.title.trim(), url: e.url.trim(), documentNumber: e.documentNumber.trim() })) };
}

export class Submission {
  private readonly raised: SubmissionEvent[] = [];

  private constructor(
    private current: SubmissionState,
    /** The version it was loaded at (0 for a new one). */
    readonly loadedVersion: number,
  ) {}

  static fromState(state: SubmissionState): Submission {
    return new Submission(state, state.version);
  }

  /** A unit's staff submit a figure (SUBMITTED). */
  static submit(input: SubmissionFigure & { id: string; actor: Actor; now: Date }): Submission {
    const figure = checkFigure(input);
    const state: SubmissionState = {
      id: input.id,
      ...figure,
      status: 'SUBMITTED',
      returnReason: '',
      submitterSubject: input.actor.subject,
      createTime: input.now,
      updateTime: input.now,
      history: [{ action: 'submitted', actorSubject: input.actor.subject, at: input.now, note: '' }],
      version: 1,
    };
    const aggregate = new Submission(state, 0);
    aggregate.raised.push({ kind: 'submitted', actor: input.actor, occurredAt: input.now });
    return aggregate;
  }

  /** The centre approves a SUBMITTED figure; not the person who submitted it (four eyes). */
  approve(actor: Actor, now: Date): void {
    this.review(actor);
    this.change({ status: 'APPROVED', returnReason: '' }, { action: 'approved', actorSubject: actor.subject, at: now, note: '' });
    this.raised.push({ kind: 'approved', actor, occurredAt: now });
  }

  /** The centre returns a SUBMITTED figure to its unit with a reason. */
  return(actor: Actor, reason: string, now: Date): void {
    const text = reason.trim();
    if (text === '') throw invalid([{ field: 'reason', code: 'REQUIRED', message: 'a returned submission needs a reason' }]);
    this.review(actor);
    this.change({ status: 'RETURNED', returnReason: text }, { action: 'returned', actorSubject: actor.subject, at: now, note: text });
    this.raised.push({ kind: 'returned', actor, occurredAt: now });
  }

  /** The unit corrects a RETURNED figure and submits it again (SUBMITTED). */
  revise(actor: Actor, figure: SubmissionFigure, now: Date): void {
    if (this.current.status !== 'RETURNED') throw conflict('SUBMISSION_NOT_RETURNED', `Only a returned submission can be revised; this one is ${this.current.status}.`, { status: this.current.status });
    const checked = checkFigure(figure);
    const changed = (Object.keys(checked) as (keyof SubmissionFigure)[]).filter((k) => JSON.stringify(checked[k]) !== JSON.stringify(this.current[k]));
    this.change({ ...checked, status: 'SUBMITTED', returnReason: '' }, { action: 'revised', actorSubject: actor.subject, at: now, note: changed.join(', ') });
    this.raised.push({ kind: 'submitted', actor, occurredAt: now });
  }

  private review(actor: Actor): void {
    if (this.current.status !== 'SUBMITTED') throw conflict('SUBMISSION_NOT_SUBMITTED', `Only a submitted figure can be approved or returned; this one is ${this.current.status}.`, { status: this.current.status });
    if (actor.subject === this.current.submitterSubject) throw forbidden('SELF_REVIEW', 'A submission is reviewed by someone other than the person who submitted it.');
  }

  private change(patch: Partial<SubmissionState>, entry: AuditEntry): void {
    this.current = { ...this.current, ...patch, updateTime: entry.at, history: [...this.current.history, entry], version: this.current.version + 1 };
  }

  get id(): string {
    return this.current.id;
  }

  get state(): Readonly<SubmissionState> {
    return this.current;
  }

  /** The events raised since it was loaded, oldest first. */
  get events(): readonly SubmissionEvent[] {
    return this.raised;
  }
}
