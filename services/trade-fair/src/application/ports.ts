// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database.
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { AllocationResult } from '../domain/allocation';
import type { Booth } from '../domain/booth';
import type { BoothApplication } from '../domain/booth-application';
import type { Fair, FairState, FairStatus } from '../domain/fair';
import type { SupportGrant } from '../domain/support-funding';
import type { VenueState } from '../domain/venue';

export interface VenueRepository {
  newId(): string;
  add(venue: VenueState): Promise<void>;
  findById(id: string): Promise<VenueState | undefined>;
  /** Replaces the plan when the venue is still at `expectedVersion`; false when it moved on. */
  replaceBooths(id: string, booths: Booth[], expectedVersion: number, now: Date): Promise<boolean>;
}

export interface FairQuery {
  from?: string;
  to?: string;
  provinceCode?: string;
  statuses?: readonly FairStatus[];
  /** Fairs whose set-up day is on or before this day. */
  setUpBy?: string;
}

export interface FairRepository {
  newId(): string;
  add(fair: Fair): Promise<void>;
  /** Writes the new state and its events when the stored version is the loaded one; else throws 409 CONCURRENT_UPDATE. */
  save(fair: Fair): Promise<void>;
  findById(id: string): Promise<Fair | undefined>;
  list(query: FairQuery, page: PageRequest): Promise<Page<Fair>>;
  /** Every fair matching, for the calendar feed (bounded by the caller's query). */
  all(query: FairQuery, limit: number): Promise<Fair[]>;
  byIds(ids: readonly string[]): Promise<Fair[]>;
}

/** The days each venue is taken: one record per (venue, day), unique, so two fairs never hold a day. */
export interface VenueCalendar {
  /** Claims every day for the fair, in order; on a taken day releases what it claimed and names the holder. */
  claim(venueId: string, days: readonly string[], fair: { id: string; name: string }): Promise<{ ok: true } | { ok: false; day: string; heldBy: { id: string; name: string } }>;
  release(fairId: string): Promise<void>;
  /** Fairs holding days claimed before `before` (a crash between the claim and the fair's insert leaves such days). */
  claimantsBefore(before: Date, limit: number): Promise<string[]>;
}

/** The fair's name, venue and days: carried by every application event, for the enterprise's messages. */
export interface FairContext {
  name: string;
  venueName: string;
  openingDay: string;
  closingDay: string;
  setUpDay: string;
  /** Local time set-up starts on the set-up day. */
  setUpTime: string;
  /** Calendar year of the opening day. */
  year: number;
}

export const fairContextOf = (f: Pick<FairState, 'name' | 'venueName' | 'days'>): FairContext => ({
  name: f.name, venueName: f.venueName, openingDay: f.days.openingDay, closingDay: f.days.closingDay,
  setUpDay: f.days.setUpDay, setUpTime: f.days.setUpTime ?? f.days.openTime, year: Number(f.days.openingDay.slice(0, 4)),
});

export interface ParticipationTally {
  /** Other fairs of the year where the business holds booths. */
  fairs: number;
  supportVnd: number;
}

export interface ApplicationRepository {
  newId(): string;
  /** Inserts it with its events; throws 409 ALREADY_EXISTS when the business already has a live application at the fair. */
  add(app: BoothApplication, fair: FairContext): Promise<void>;
  /** Writes the new state and its events when the stored version is the loaded one; else throws 409 CONCURRENT_UPDATE. */
  save(app: BoothApplication, fair: FairContext): Promise<void>;
  /** The bulk path: many applications of one fair in one bulk write, each version-guarded, with their events. */
  saveMany(apps: readonly BoothApplication[], fair: FairContext): Promise<{ saved: BoothApplication[]; conflicts: string[] }>;
  byIds(ids: readonly string[]): Promise<BoothApplication[]>;
  allocatedOfFair(fairId: string): Promise<BoothApplication[]>;
  findById(id: string): Promise<BoothApplication | undefined>;
  listByFair(fairId: string, page: PageRequest): Promise<Page<BoothApplication>>;
  allOfFair(fairId: string): Promise<BoothApplication[]>;
  liveOfBusiness(businessId: string): Promise<BoothApplication[]>;
  ofBusiness(businessId: string, statuses: readonly string[]): Promise<BoothApplication[]>;
  /** Allocations of these businesses in `year` at fairs other than `excludeFairId`. */
  participations(businessIds: readonly string[], year: number, excludeFairId: string): Promise<Map<string, ParticipationTally>>;
  /** OFFERED applications whose deadline is before `now`. */
  lapsedOffers(now: Date, limit: number): Promise<BoothApplication[]>;
}

export interface BoothHold {
  code: string;
  applicationId: string;
  holderName: string;
  state: 'RESERVED' | 'ALLOCATED';
}

/** Who holds each booth of a fair: one record per (fair, booth), unique, so no booth is held twice. */
export interface BoothHolds {
  /**
   * The bulk path of an allocation run: holds every booth of many applications in one unordered insert.
   * A booth already held by the same application (a crashed pass) counts as held; answers the codes held
   * by another application.
   */
  holdMany(fairId: string, holds: readonly { code: string; applicationId: string; holderName: string }[], state: BoothHold['state']): Promise<string[]>;
  /** Holds every code for the application, or none (releasing a partial hold); false when one was taken. */
  hold(fairId: string, codes: readonly string[], applicationId: string, holderName: string, state: BoothHold['state']): Promise<boolean>;
  setState(applicationId: string, state: BoothHold['state']): Promise<void>;
  release(applicationId: string): Promise<void>;
  ofFair(fairId: string): Promise<BoothHold[]>;
}

export interface AllocationRun {
  id: string;
  fairId: string;
  createTime: Date;
  actorSubject: string;
  results: AllocationResult[];
  /** Support granted per allocated application id, computed with the run. */
  support: Record<string, SupportGrant>;
  /** APPLYING until every application carries its result. */
  state: 'APPLYING' | 'APPLIED';
}

export interface AllocationRuns {
  add(run: AllocationRun): Promise<void>;
  latest(fairId: string): Promise<AllocationRun | undefined>;
  markApplied(runId: string): Promise<void>;
  /** Runs left APPLYING (a crash half-way), oldest first, for the job that resumes them. */
  applying(limit: number): Promise<AllocationRun[]>;
}

/** One allocation run per fair at a time (libs/jobs leases). */
export interface AllocationLease {
  acquire(fairId: string, now: Date): Promise<{ release(): Promise<void> } | undefined>;
}

/** A business as this service knows it, and who owns it: @hangviet/known-businesses, the one projection of the directory. */
export type { KnownBusiness } from '@hangviet/known-businesses';

export interface BusinessProduct {
  id: string;
  name: string;
  /** Holds a valid certificate of any scheme. */
  certified: boolean;
  /** Best valid OCOP stars (3–5), 0 when none. */
  ocopStars: number;
}

/** What the certification service knows of a business's products and their valid certificates. */
export interface CertificationPort {
  /** `fresh`: ask the certification service now (the ranking); else the copy kept from its events (checks at submission). */
  productsOf(businessId: string, opts?: { fresh?: boolean }): Promise<BusinessProduct[]>;
  /**
   * productsOf for many businesses (the ranking): the copy in one read; with `fresh`, the certification service
   * asked per business, and once it fails to answer, the copy for the rest of the batch rather than a deadline each.
   */
  productsOfMany(businessIds: readonly string[], opts?: { fresh?: boolean }): Promise<Map<string, BusinessProduct[]>>;
}

export interface TradeFairSettings {
  /** How long an offered application has to confirm. */
  offerHoldMs: number;
  /** Applications per bulk write when an allocation run is applied. */
  applyBatch: number;
}

export interface TradeFairDeps {
  venues: VenueRepository;
  fairs: FairRepository;
  calendar: VenueCalendar;
  applications: ApplicationRepository;
  holds: BoothHolds;
  runs: AllocationRuns;
  allocationLease: AllocationLease;
  businesses: KnownBusinesses;
  certification: CertificationPort;
  settings: TradeFairSettings;
  now: () => Date;
}
