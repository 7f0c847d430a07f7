// The service's collections and their indexes. Portable to FerretDB: plain, unique and compound indexes only;
// expiry and reminders are jobs, not TTL indexes.
import type { AggregateDocument } from '@hangviet/events';
import type { Collection, Db } from 'mongodb';

export interface SupplierDocument {
  _id: string;
  name: string;
  status: string;
  provinceCode: string;
  wardCode: string;
  /** Every industry of the business (the snapshot's list, the main one first). */
  industries: { edition: string; code: string }[];
  /** The directory's contact e-mail and language of the business: where its owner is told of a match. */
  contactEmail?: string;
  preferredLocale?: string;
  /** Every prefix of each industry code, `edition:prefix` (domain/supplier.ts industryKeys): what its postings are made of. */
  industryKeys: string[];
  /** The directory's version of the business (0 before any business event: only products or certificates known). */
  version: number;
  products: { id: string; name: string; group: string; status: string; domesticPercent: number; version: number }[];
  certificates: { number: string; scheme: string; stars: number; productId: string; productName: string; valid: boolean; version: number }[];
  updateTime: Date;
}

/**
 * One posting per ACTIVE supplier and industry key (every VSIC prefix of each of its industries): the candidates
 * of a request are `{key}`, a scalar equality the single-field index answers on FerretDB (a GIN index beside the
 * btree, deploy/local/ferretdb/patches/0003) and on MongoDB alike; then the suppliers by `_id $in`. `version` is
 * the directory's version of the business the posting was derived from: an older copy never overwrites a newer.
 */
export interface PostingDocument {
  /** `<industryKey>|<supplierId>`: one posting per key and supplier, so rewriting one is idempotent. */
  _id: string;
  key: string;
  supplierId: string;
  version: number;
}

export interface ProgrammeDocument {
  _id: string;
  slots: { start: Date; end: Date }[];
  tables: number;
  version: number;
}

/** One place taken at a fair: a table at a slot, or a party busy at a slot. The unique index is the judge. */
export interface ClaimDocument {
  _id: string;
  fairId: string;
  slot: number;
  /** `table:<n>` or `party:<businessId>`. */
  resource: string;
  meetingId: string;
  claimTime: Date;
}

export interface Collections {
  requests: Collection<AggregateDocument>;
  meetings: Collection<AggregateDocument>;
  outcomes: Collection<AggregateDocument>;
  suppliers: Collection<SupplierDocument>;
  postings: Collection<PostingDocument>;
  migrations: Collection<{ _id: string; time: Date }>;
  programmes: Collection<ProgrammeDocument>;
  claims: Collection<ClaimDocument>;
}

export function collectionsOf(db: Db): Collections {
  return {
    requests: db.collection<AggregateDocument>('sourcing_requests'),
    meetings: db.collection<AggregateDocument>('meetings'),
    outcomes: db.collection<AggregateDocument>('outcomes'),
    suppliers: db.collection<SupplierDocument>('suppliers'),
    postings: db.collection<PostingDocument>('supplier_postings'),
    migrations: db.collection<{ _id: string; time: Date }>('sourcing_migrations'),
    programmes: db.collection<ProgrammeDocument>('meeting_programmes'),
    claims: db.collection<ClaimDocument>('meeting_claims'),
  };
}

export async function ensureIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.requests.createIndex({ status: 1, createTime: -1, _id: -1 }, { name: 'status_createTime' }),
    c.requests.createIndex({ buyerBusinessId: 1, createTime: -1, _id: -1 }, { name: 'buyer_createTime' }),
    c.requests.createIndex({ responders: 1, createTime: -1, _id: -1 }, { name: 'responders_createTime' }),
    c.requests.createIndex({ status: 1, closingTime: 1 }, { name: 'status_closingTime' }),
    c.meetings.createIndex({ fairId: 1, createTime: -1, _id: -1 }, { name: 'fair_createTime' }),
    c.meetings.createIndex({ parties: 1, createTime: -1, _id: -1 }, { name: 'parties_createTime' }),
    c.outcomes.createIndex({ requestId: 1, supplierBusinessId: 1, kind: 1 }, { name: 'one_outcome_per_kind', unique: true }),
    c.outcomes.createIndex({ nextReminderTime: 1 }, { name: 'nextReminderTime' }),
    c.postings.createIndex({ key: 1 }, { name: 'key' }),
    c.postings.createIndex({ supplierId: 1 }, { name: 'supplierId' }),
    // The judge of double booking: one meeting per (fair, slot, table) and per (fair, slot, party).
    c.claims.createIndex({ fairId: 1, slot: 1, resource: 1 }, { name: 'one_claim_per_place', unique: true }),
    c.claims.createIndex({ meetingId: 1 }, { name: 'meetingId' }),
    c.claims.createIndex({ claimTime: 1 }, { name: 'claimTime' }),
  ]);
}

/** The multikey `industryKeys` index the candidates were read by before the postings: every supplier write paid for it. */
export async function dropRetiredIndexes(c: Collections): Promise<void> {
  await c.suppliers.dropIndex('industryKeys').catch(() => undefined); // absent: nothing to drop
}
