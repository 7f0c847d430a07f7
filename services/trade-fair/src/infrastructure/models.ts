// The service's collections and their indexes (FerretDB-portable: plain, unique and compound only).
// Repositories write through the driver; this file declares each collection's shape and indexes once.
import type { OutboxFields } from '@hangviet/events';
import type { Collection, Db } from 'mongodb';
import type { BoothApplicationState } from '../domain/booth-application';
import type { FairState } from '../domain/fair';
import type { VenueState } from '../domain/venue';
import type { AllocationRun } from '../application/ports';

export interface VenueDocument extends Omit<VenueState, 'id'> {
  _id: string;
}
export interface FairDocument extends OutboxFields, Omit<FairState, 'id'> {
  _id: string;
}
/** `_id` = `<venueId>:<YYYY-MM-DD>`: the unique key that lets only one fair hold a venue's day. */
export interface VenueDayDocument {
  _id: string;
  venueId: string;
  day: string;
  fairId: string;
  /** So a refused fair can name the one holding the day, even before that fair's own document is written. */
  fairName: string;
  claimTime: Date;
}
export interface ApplicationDocument extends OutboxFields, Omit<BoothApplicationState, 'id'> {
  _id: string;
  /** `<fairId>:<businessId>` while live, `<…>:<id>` after: unique, so one live application per business per fair. */
  liveKey: string;
  /** Calendar year of the fair's opening day, for the yearly participations and support cap. */
  year: number;
}
/** `_id` = `<fairId>:<boothCode>`: unique, so no booth is held twice. */
export interface BoothHoldDocument {
  _id: string;
  fairId: string;
  code: string;
  applicationId: string;
  holderName: string;
  state: 'RESERVED' | 'ALLOCATED';
}
export interface AllocationRunDocument extends Omit<AllocationRun, 'id'> {
  _id: string;
}
/** A product of a business and its valid certificates, from hangviet.certification events. */
export interface KnownProductDocument {
  _id: string;
  businessId: string;
  name: string;
  /** LISTED, DRAFT or WITHDRAWN (a withdrawn product is not shown at fairs). */
  status: string;
  /** Valid certificates keyed by number ('.' and '$' replaced: FerretDB refuses them in keys): scheme and OCOP stars. */
  certificates?: Record<string, { number: string; scheme: string; ocopStars: number }>;
  version: number;
}

export const collections = (db: Db) => ({
  venues: db.collection<VenueDocument>('venues'),
  fairs: db.collection<FairDocument>('fairs'),
  venueDays: db.collection<VenueDayDocument>('venue_days'),
  applications: db.collection<ApplicationDocument>('booth_applications'),
  holds: db.collection<BoothHoldDocument>('booth_holds'),
  runs: db.collection<AllocationRunDocument>('allocation_runs'),
  products: db.collection<KnownProductDocument>('known_products'),
});
export type Collections = ReturnType<typeof collections>;

export async function createIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.fairs.createIndex({ 'days.openingDay': 1, _id: 1 }, { name: 'openingDay' }),
    c.venueDays.createIndex({ fairId: 1 }, { name: 'fairId' }),
    c.venueDays.createIndex({ claimTime: 1 }, { name: 'claimTime' }),
    c.runs.createIndex({ state: 1, createTime: 1 }, { name: 'state_createTime' }),
    c.applications.createIndex({ fairId: 1, status: 1 }, { name: 'fair_status' }),
    c.applications.createIndex({ liveKey: 1 }, { name: 'liveKey', unique: true }),
    c.applications.createIndex({ fairId: 1, submitTime: 1, _id: 1 }, { name: 'fair_submitTime' }),
    c.applications.createIndex({ businessId: 1, year: 1 }, { name: 'business_year' }),
    c.applications.createIndex({ status: 1, offerDeadline: 1 }, { name: 'status_offerDeadline' }),
    c.holds.createIndex({ fairId: 1 }, { name: 'fairId' }),
    c.holds.createIndex({ applicationId: 1 }, { name: 'applicationId' }),
    c.runs.createIndex({ fairId: 1, createTime: -1 }, { name: 'fair_createTime' }),
    c.products.createIndex({ businessId: 1 }, { name: 'businessId' }),
  ]);
}

/** Collections whose documents carry an outbox. */
export type OutboxCollection = Collection<FairDocument> | Collection<ApplicationDocument>;
