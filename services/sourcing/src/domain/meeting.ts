// A buyer–supplier meeting at a fair: one side asks, the other accepts (which schedules it into a slot and
// a table of the fair's meeting programme) or declines; either side or staff may cancel. Pure; the
// repository's claims (a unique index on fair, slot and table or party) make sure nothing is double-booked.
import { Aggregate } from '@hangviet/events/aggregate';
import { failedPrecondition, forbidden, invalid } from '@hangviet/service-kit/errors';

export type MeetingStatus = 'REQUESTED' | 'SCHEDULED' | 'DECLINED' | 'CANCELLED';
export type Side = 'BUYER' | 'SUPPLIER';

export interface MeetingSlot {
  start: Date;
  end: Date;
}

/** The meeting slots and the number of tables staff set for a fair. */
export interface MeetingProgramme {
  fairId: string;
  slots: MeetingSlot[];
  tables: number;
  version: number;
}

export interface MeetingState {
  id: string;
  fairId: string;
  requestId?: string;
  buyerBusinessId: string;
  supplierBusinessId: string;
  requestedBy: Side;
  status: MeetingStatus;
  slot?: number;
  table?: number;
  startTime?: Date;
  endTime?: Date;
  note: string;
  createTime: Date;
  version: number;
}

export type MeetingEvent = { kind: 'requested' | 'scheduled' | 'declined' | 'cancelled'; actor: string; at: Date };

export const PROGRAMME_LIMITS = { slots: 200, tables: 500, slotMinutesMin: 10, slotMinutesMax: 240 } as const;

/** Checks a programme staff send: slots in order, not overlapping, each 10 minutes to 4 hours. */
export function checkProgramme(slots: readonly MeetingSlot[], tables: number): void {
  const errors = [];
  if (slots.length === 0 || slots.length > PROGRAMME_LIMITS.slots) errors.push({ field: 'slots', code: 'OUT_OF_RANGE', message: `1 to ${PROGRAMME_LIMITS.slots} slots` });
  if (!Number.isInteger(tables) || tables < 1 || tables > PROGRAMME_LIMITS.tables) errors.push({ field: 'tables', code: 'OUT_OF_RANGE', message: `1 to ${PROGRAMME_LIMITS.tables} tables` });
  slots.forEach((s, i) => {
    const minutes = (s.end.getTime() - s.start.getTime()) / 60_000;
    if (minutes < PROGRAMME_LIMITS.slotMinutesMin || minutes > PROGRAMME_LIMITS.slotMinutesMax) {
      errors.push({ field: `slots[${i}].end`, code: 'OUT_OF_RANGE', message: `a slot lasts ${PROGRAMME_LIMITS.slotMinutesMin} to ${PROGRAMME_LIMITS.slotMinutesMax} minutes` });
    }
    const previous = slots[i - 1];
    if (previous && s.start.getTime() < previous.end.getTime()) errors.push({ field: `slots[${i}].start`, code: 'OVERLAPS', message: 'slots are in order and do not overlap' });
  });
  if (errors.length > 0) throw invalid(errors);
}

/** What the scheduler must avoid at a fair: the (slot, table) pairs taken and the slots each party is busy in. */
export interface Bookings {
  tables: ReadonlySet<string>;
  parties: ReadonlySet<string>;
}
export const tableKey = (slot: number, table: number): string => `${slot}:table:${table}`;
export const partyKey = (slot: number, businessId: string): string => `${slot}:party:${businessId}`;

/** The first free (slot, table) for both parties, from `now` on, in programme order; undefined when the fair is full for them. */
export function firstFreePlace(programme: MeetingProgramme, bookings: Bookings, parties: readonly string[], now: Date): { slot: number; table: number } | undefined {
  for (let slot = 0; slot < programme.slots.length; slot += 1) {
    if (programme.slots[slot]!.start.getTime() <= now.getTime()) continue;
    if (parties.some((p) => bookings.parties.has(partyKey(slot, p)))) continue;
    for (let table = 1; table <= programme.tables; table += 1) {
      if (!bookings.tables.has(tableKey(slot, table))) return { slot, table };
    }
  }
  return undefined;
}

export class Meeting extends Aggregate<MeetingState, MeetingEvent> {
  static fromState(state: MeetingState): Meeting {
    return new Meeting(state, state.version);
  }

  static request(input: { id: string; fairId: string; requestId?: string; buyerBusinessId: string; supplierBusinessId: string; requestedBy: Side; note: string; actor: string; now: Date }): Meeting {
    if (input.buyerBusinessId === input.supplierBusinessId) {
      throw invalid([{ field: 'supplierBusinessId', code: 'SAME_PARTY', message: 'a business does not meet itself' }]);
    }
    const note = input.note.normalize('NFC').trim();
    if (note.length > 500) throw invalid([{ field: 'note', code: 'TOO_LONG', message: 'note must be at most 500 characters' }]);
    const meeting = new Meeting(
      {
        id: input.id,
        fairId: input.fairId,
        ...(input.requestId ? { requestId: input.requestId } : {}),
        buyerBusinessId: input.buyerBusinessId,
        supplierBusinessId: input.supplierBusinessId,
        requestedBy: input.requestedBy,
        status: 'REQUESTED',
        note,
        createTime: input.now,
        version: 1,
      },
      0,
    );
    meeting.raise({ kind: 'requested', actor: input.actor, at: input.now });
    return meeting;
  }

  /** The side a business is on in this meeting, if any. */
  sideOf(businessId: string): Side | undefined {
    if (businessId === this.state.buyerBusinessId) return 'BUYER';
    if (businessId === this.state.supplierBusinessId) return 'SUPPLIER';
    return undefined;
  }

  /** Only the side that was asked accepts or declines (staff may for it). */
  expectAnswerableBy(side: Side | 'STAFF'): void {
    if (this.state.status !== 'REQUESTED') throw failedPrecondition('MEETING_STATUS', `The meeting is ${this.state.status}.`, { status: this.state.status });
    if (side !== 'STAFF' && side === this.state.requestedBy) throw forbidden('NOT_INVITEE', 'The side that asked for the meeting cannot answer it; the other side does.');
  }

  /** Accepted: the slot and table the claims secured. */
  schedule(place: { slot: number; table: number }, slot: MeetingSlot, actor: string, now: Date): this {
    this.apply({ ...this.state, status: 'SCHEDULED', slot: place.slot, table: place.table, startTime: slot.start, endTime: slot.end, version: this.state.version + 1 }, { kind: 'scheduled', actor, at: now });
    return this;
  }

  decline(actor: string, now: Date): this {
    this.apply({ ...this.state, status: 'DECLINED', version: this.state.version + 1 }, { kind: 'declined', actor, at: now });
    return this;
  }

  cancel(actor: string, now: Date): this {
    if (this.state.status !== 'REQUESTED' && this.state.status !== 'SCHEDULED') {
      throw failedPrecondition('MEETING_STATUS', `The meeting is ${this.state.status}.`, { status: this.state.status });
    }
    this.apply({ ...this.state, status: 'CANCELLED', version: this.state.version + 1 }, { kind: 'cancelled', actor, at: now });
    return this;
  }
}
