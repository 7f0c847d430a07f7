// Meetings on the one aggregate store (`parties` beside the state for each side's list), and the fair's
// schedule: its programme and the claims on its places, whose unique index decides who gets a place.
import { MongoAggregateStore, type AfterWrite, type AggregateDocument } from '@hangviet/events';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Collection, Filter } from 'mongodb';
import type { MeetingRepository, MeetingSchedule } from '../application/ports';
import { Meeting, partyKey, tableKey, type MeetingProgramme, type MeetingState } from '../domain/meeting';
import type { ClaimDocument, ProgrammeDocument } from './collections';
import { meetingOutbox } from './proto-mapping';

export class MongoMeetings extends MongoAggregateStore<Meeting, MeetingState> implements MeetingRepository {
  constructor(collection: Collection<AggregateDocument>, publisher: AfterWrite) {
    super(collection, {
      idOf: (m) => m.id,
      stateOf: (m) => m.state,
      loadedVersion: (m) => m.loadedVersion,
      idField: 'id',
      fromState: (s) => Meeting.fromState(s),
      outboxOf: (m) => meetingOutbox(m),
      extraFields: (m) => ({ parties: [m.state.buyerBusinessId, m.state.supplierBusinessId] }),
      extraFieldNames: ['parties'],
    }, publisher);
  }

  list(filter: { fairId?: string; businessId?: string }, page: PageRequest, query: unknown): Promise<Page<Meeting>> {
    const where: Filter<AggregateDocument> = {};
    if (filter.fairId) where.fairId = filter.fairId;
    if (filter.businessId) where.parties = filter.businessId;
    return this.page(where, 'createTime', page, query);
  }
}

const TABLE = 'table:';
const PARTY = 'party:';
const claimId = (fairId: string, slot: number, resource: string) => `${fairId}|${slot}|${resource}`;

export class MongoMeetingSchedule implements MeetingSchedule {
  constructor(
    private readonly programmes: Collection<ProgrammeDocument>,
    private readonly claims: Collection<ClaimDocument>,
    private readonly now: () => Date,
  ) {}

  async programme(fairId: string): Promise<MeetingProgramme | undefined> {
    const doc = await this.programmes.findOne({ _id: fairId });
    return doc ? { fairId: doc._id, slots: doc.slots, tables: doc.tables, version: doc.version } : undefined;
  }

  async setProgramme(programme: Omit<MeetingProgramme, 'version'>): Promise<MeetingProgramme> {
    const current = await this.programmes.findOne({ _id: programme.fairId });
    const version = (current?.version ?? 0) + 1;
    await this.programmes.replaceOne({ _id: programme.fairId }, { slots: programme.slots, tables: programme.tables, version }, { upsert: true });
    return { ...programme, version };
  }

  async bookings(fairId: string, parties: readonly string[]): Promise<{ tables: Set<string>; parties: Set<string> }> {
    const docs = await this.claims.find({ fairId }, { projection: { slot: 1, resource: 1 } }).toArray();
    const tables = new Set<string>();
    const busy = new Set<string>();
    const wanted = new Set(parties);
    for (const d of docs) {
      if (d.resource.startsWith(TABLE)) tables.add(tableKey(d.slot, Number(d.resource.slice(TABLE.length))));
      else if (wanted.has(d.resource.slice(PARTY.length))) busy.add(partyKey(d.slot, d.resource.slice(PARTY.length)));
    }
    return { tables, parties: busy };
  }

  async claim(fairId: string, slot: number, table: number, parties: readonly string[], meetingId: string): Promise<boolean> {
    const claimTime = this.now();
    const docs = [`${TABLE}${table}`, ...parties.map((p) => `${PARTY}${p}`)].map((resource) => ({ _id: claimId(fairId, slot, resource), fairId, slot, resource, meetingId, claimTime }));
    try {
      // Ordered: the first refused claim stops the rest; what went in before it is taken back below.
      await this.claims.insertMany(docs, { ordered: true });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err) && (err as { code?: number }).code !== 11000) throw err;
      await this.claims.deleteMany({ meetingId, slot });
      return false;
    }
  }

  async release(meetingId: string, slot?: number): Promise<number> {
    return (await this.claims.deleteMany(slot === undefined ? { meetingId } : { meetingId, slot })).deletedCount;
  }

  async releaseOrphans(before: Date, isScheduledAt: (meetingId: string, slot: number) => Promise<boolean>): Promise<number> {
    const old = await this.claims.find({ claimTime: { $lt: before } }, { projection: { meetingId: 1, slot: 1 } }).toArray();
    const seen = new Map<string, { meetingId: string; slot: number }>();
    for (const c of old) seen.set(`${c.meetingId}|${c.slot}`, { meetingId: c.meetingId, slot: c.slot });
    let released = 0;
    for (const { meetingId, slot } of seen.values()) {
      if (!(await isScheduledAt(meetingId, slot))) released += await this.release(meetingId, slot);
    }
    return released;
  }
}
