// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Meeting, MeetingProgramme } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import type { SourcingRequest, SourcingRequestStatus } from '../domain/sourcing-request';
import type { Supplier } from '../domain/supplier';

export interface SourcingRequestRepository {
  newId(): string;
  /** Inserts a new request together with the events it raised (one single-document write). */
  add(request: SourcingRequest): Promise<void>;
  /** Writes the change and its events if nobody changed it meanwhile; else 409 CONCURRENT_UPDATE. */
  save(request: SourcingRequest): Promise<void>;
  findById(id: string): Promise<SourcingRequest | undefined>;
  list(filter: { status?: SourcingRequestStatus; buyerBusinessId?: string; supplierBusinessId?: string }, page: PageRequest, query: unknown): Promise<Page<SourcingRequest>>;
  /** Published requests whose closing time is at or before `now` (the expiry job), at most `limit`. */
  dueToExpire(now: Date, limit: number): Promise<SourcingRequest[]>;
}

/** The directory's suppliers as copied from the registry's and certification's events. */
export interface SupplierDirectory {
  /** ACTIVE suppliers with an industry under `edition:code` (a VSIC prefix), at most `limit`. */
  underIndustry(edition: string, code: string, limit: number): Promise<Supplier[]>;
  find(businessId: string): Promise<Supplier | undefined>;
}

/** A fair as the trade-fair's events last said. */
export interface KnownFair {
  id: string;
  name: string;
  /** DRAFT, OPEN, ALLOCATING, PUBLISHED, RUNNING, CLOSED or CANCELLED. */
  status: string;
  version: number;
}

/** The trade-fair's fairs, copied from its fair.* events. */
export interface FairDirectory {
  find(fairId: string): Promise<KnownFair | undefined>;
}

export interface MeetingRepository {
  newId(): string;
  add(meeting: Meeting): Promise<void>;
  save(meeting: Meeting): Promise<void>;
  findById(id: string): Promise<Meeting | undefined>;
  list(filter: { fairId?: string; businessId?: string }, page: PageRequest, query: unknown): Promise<Page<Meeting>>;
}

/** The fair's slots and tables, and the claims on them: the database refuses a second claim of a place. */
export interface MeetingSchedule {
  programme(fairId: string): Promise<MeetingProgramme | undefined>;
  setProgramme(programme: Omit<MeetingProgramme, 'version'>): Promise<MeetingProgramme>;
  /** The tables taken and parties busy at the fair, as keys (domain/meeting.ts tableKey/partyKey). */
  bookings(fairId: string, parties: readonly string[]): Promise<{ tables: Set<string>; parties: Set<string> }>;
  /** Claims the table and both parties at the slot for the meeting; false when one of them is taken (nothing left claimed). */
  claim(fairId: string, slot: number, table: number, parties: readonly string[], meetingId: string): Promise<boolean>;
  /** Frees what the meeting claims (a cancelled meeting), or only at one slot (a claim its save lost). */
  release(meetingId: string, slot?: number): Promise<number>;
  /** Claims older than `before` whose meeting is not scheduled at that place: left by a crash between claim and save. */
  releaseOrphans(before: Date, isScheduledAt: (meetingId: string, slot: number) => Promise<boolean>): Promise<number>;
}

export interface OutcomeRepository {
  newId(): string;
  /** 409 OUTCOME_EXISTS when the request, supplier and kind already have one. */
  add(outcome: Outcome): Promise<void>;
  save(outcome: Outcome): Promise<void>;
  listForRequest(requestId: string): Promise<Outcome[]>;
  /** Outcomes whose next reminder is due at `now`, at most `limit`. */
  remindersDue(now: Date, limit: number): Promise<Outcome[]>;
}

export interface SourcingDeps {
  requests: SourcingRequestRepository;
  suppliers: SupplierDirectory;
  meetings: MeetingRepository;
  schedule: MeetingSchedule;
  outcomes: OutcomeRepository;
  fairs: FairDirectory;
  /** The directory's businesses (kept from events, the registry asked over gRPC) and who owns each. */
  businesses: KnownBusinesses;
  now: () => Date;
}
