// What a buyer and a supplier signed after a sourcing request: an MOU or a contract, its value and date.
// Recorded once per (request, supplier, kind) — campaign results count each outcome once — and followed
// up 3 and 12 months after signing. Pure.
import { Aggregate } from '@hangviet/events/aggregate';
import { invalid, type FieldError } from '@hangviet/service-kit/errors';

export type OutcomeKind = 'MOU' | 'CONTRACT';
export const OUTCOME_KINDS = ['MOU', 'CONTRACT'] as const;
/** Months after signing at which both sides are asked whether it still runs. */
export const REMINDER_MONTHS = [3, 12] as const;
/** 10^15 VND: far above any provincial contract, far below 2^53. */
export const MAX_VALUE_VND = 1_000_000_000_000_000;

export interface OutcomeState {
  id: string;
  requestId: string;
  buyerBusinessId?: string;
  supplierBusinessId: string;
  kind: OutcomeKind;
  valueVnd: number;
  /** YYYY-MM-DD. */
  signedDate: string;
  recordedBy: string;
  recordTime: Date;
  /** The reminders sent, by months after signing. */
  remindersSent: number[];
  /** When the next reminder is due; undefined once both were sent. */
  nextReminderTime?: Date;
  version: number;
}

export type OutcomeEvent = { kind: 'recorded'; actor: string; at: Date } | { kind: 'reminder_due'; monthsAfter: number; at: Date };

/** The day `months` after a YYYY-MM-DD day, at 02:00 Vietnam time (19:00 UTC the day before); the end of a shorter month clamps. */
export function reminderTime(signedDate: string, months: number): Date {
  const [y, m, d] = signedDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)) - 5 * 3_600_000);
}

export class Outcome extends Aggregate<OutcomeState, OutcomeEvent> {
  static fromState(state: OutcomeState): Outcome {
    return new Outcome(state, state.version);
  }

  static record(input: { id: string; requestId: string; buyerBusinessId?: string; supplierBusinessId: string; kind: OutcomeKind; valueVnd: number; signedDate: string; actor: string; now: Date }): Outcome {
    const errors: FieldError[] = [];
    if (!Number.isInteger(input.valueVnd) || input.valueVnd < 0 || input.valueVnd > MAX_VALUE_VND) {
      errors.push({ field: 'valueVnd', code: 'OUT_OF_RANGE', message: `valueVnd is a whole number of VND from 0 to ${MAX_VALUE_VND}` });
    }
    // Vietnam's day: a contract signed this morning in Hà Nội is "today" even before 07:00 UTC.
    const today = new Date(input.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (input.signedDate > today) errors.push({ field: 'signedDate', code: 'IN_FUTURE', message: 'an outcome is recorded once signed' });
    if (errors.length > 0) throw invalid(errors);
    const outcome = new Outcome(
      {
        id: input.id,
        requestId: input.requestId,
        ...(input.buyerBusinessId ? { buyerBusinessId: input.buyerBusinessId } : {}),
        supplierBusinessId: input.supplierBusinessId,
        kind: input.kind,
        valueVnd: input.valueVnd,
        signedDate: input.signedDate,
        recordedBy: input.actor,
        recordTime: input.now,
        remindersSent: [],
        nextReminderTime: reminderTime(input.signedDate, REMINDER_MONTHS[0]),
        version: 1,
      },
      0,
    );
    outcome.raise({ kind: 'recorded', actor: input.actor, at: input.now });
    return outcome;
  }

  /**
   * Sends the reminder due at `now`, if any: the latest one due (a contract recorded 13 months after signing
   * gets the 12-month question only), then schedules the next or none.
   */
  remind(now: Date): this {
    const s = this.state;
    const due = REMINDER_MONTHS.filter((m) => !s.remindersSent.includes(m) && reminderTime(s.signedDate, m).getTime() <= now.getTime());
    if (due.length === 0) return this;
    const latest = due[due.length - 1]!;
    const skipped = REMINDER_MONTHS.filter((m) => m <= latest);
    const next = REMINDER_MONTHS.find((m) => m > latest);
    const { nextReminderTime: _drop, ...rest } = s;
    this.apply(
      { ...rest, remindersSent: [...skipped], ...(next !== undefined ? { nextReminderTime: reminderTime(s.signedDate, next) } : {}), version: s.version + 1 },
      { kind: 'reminder_due', monthsAfter: latest, at: now },
    );
    return this;
  }
}
