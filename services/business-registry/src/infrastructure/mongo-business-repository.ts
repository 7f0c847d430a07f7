// Businesses in MongoDB/FerretDB. Every write is ONE single-document operation that carries the
// new state and the events it raised (outbox), guarded by the version the business was loaded at.
import { randomUUID } from 'node:crypto';
import { outboxUpdate } from '@hangviet/events';
import { conflict } from '@hangviet/service-kit/errors';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { QueryFilter } from 'mongoose';
import { Business, PROFILE_FIELDS, type BusinessState } from '../domain/business';
import { duplicateTaxCode } from '../application/register-business';
import type { BusinessRepository, SearchCriteria } from '../application/ports';
import { outboxEntriesOf } from './business-events';
import { LEGACY_SEARCH_FIELDS, type BusinessDocument, type BusinessModel } from './business-model';
import { directoryEntryOf, entryMatches, MongoDirectoryEntries } from './directory-entries';

const DIRECTORY_BACKFILL = 'directory-entries-backfill';

/** Fields a read never needs: the claim, the outbox and its marks stay in the database. */
const READ_PROJECTION = {
  taxCodeClaim: 0,
  outbox: 0,
  outboxPendingSince: 0,
  outboxLease: 0,
  directoryPendingSince: 0,
  ...Object.fromEntries(LEGACY_SEARCH_FIELDS.map((f) => [f, 0])),
} as const;

const OPTIONAL_FIELDS = [...PROFILE_FIELDS.filter((f) => f !== 'legalName' && f !== 'address' && f !== 'industries' && f !== 'contact' && f !== 'preferredLocale'), 'statusReason', 'ownerSubject', 'taxCodeReleased', 'audit', 'pendingChange'] as const;

/** The stored field derived from the state: the tax code this record holds (unique index). */
export function taxCodeClaimOf(state: Pick<BusinessState, 'id' | 'taxCode' | 'taxCodeReleased'>): string {
  return state.taxCodeReleased ? `${state.taxCode}~released~${state.id}` : state.taxCode;
}

/** The document of a state; `directoryPendingSince` marks its directory entry as not yet written. */
export function toDocument(state: BusinessState, now = new Date()): BusinessDocument {
  const { id, ...rest } = state;
  return { _id: id, ...stripUndefined(rest), taxCodeClaim: taxCodeClaimOf(state), directoryPendingSince: now } as BusinessDocument;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function toState(doc: Record<string, unknown>): BusinessState {
  const { _id, taxCodeClaim: _c, outbox: _o, outboxPendingSince: _ps, outboxLease: _l, directoryPendingSince: _d, ...rest } = doc;
  for (const f of LEGACY_SEARCH_FIELDS) delete rest[f];
  return { id: String(_id), ...rest } as unknown as BusinessState;
}

export interface MongoBusinessRepositoryOptions {
  /** Awaited after each successful write: the outbox relay publishes the new events at once. */
  afterWrite?: (id: string) => Promise<void>;
  /** The directory's search entries; by default the `directory_entries` collection of the model's database. */
  directory?: MongoDirectoryEntries;
}

export class MongoBusinessRepository implements BusinessRepository {
  readonly directory: MongoDirectoryEntries;

  constructor(
    private readonly model: BusinessModel,
    private readonly options: MongoBusinessRepositoryOptions = {},
  ) {
    this.directory = options.directory ?? new MongoDirectoryEntries(model.db.db!);
  }

  newId(): string {
    return randomUUID();
  }

  async add(business: Business): Promise<void> {
    const entries = outboxEntriesOf(business);
    const doc: BusinessDocument = { ...toDocument(business.state), ...(entries.length > 0 ? { outbox: entries, outboxPendingSince: new Date() } : {}) };
    try {
      await this.model.collection.insertOne(doc as never);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.findByTaxCode(business.state.taxCode);
      if (existing) throw duplicateTaxCode(business.state.taxCode, existing.id);
      // The other unique key is the id: an enterprise account registering twice at once.
      if (await this.findById(business.id)) throw conflict('ALREADY_OWNS_BUSINESS', `Business ${business.id} is already registered.`, { existingId: business.id });
      throw err;
    }
    await this.writeDirectoryEntry(business.state);
    await this.options.afterWrite?.(business.id);
  }

  async save(business: Business): Promise<void> {
    const entries = outboxEntriesOf(business);
    const state = business.state;
    const { _id: _ignored, ...set } = toDocument(state);
    // Records written before the directory had its own collection lose their copies of the search keys.
    const unset = Object.fromEntries([...OPTIONAL_FIELDS.filter((f) => state[f] === undefined), ...LEGACY_SEARCH_FIELDS].map((f) => [f, '']));
    const update = {
      $set: set,
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      ...(entries.length > 0 ? outboxUpdate(entries) : {}),
    };
    const result = await this.model.collection.updateOne({ _id: business.id, version: business.loadedVersion } as never, update as never);
    if (result.matchedCount === 0) {
      throw conflict('CONCURRENT_UPDATE', `Business ${business.id} was changed by someone else meanwhile.`, { id: business.id });
    }
    await this.writeDirectoryEntry(state);
    await this.options.afterWrite?.(business.id);
  }

  /**
   * The directory entry of the version just written, then the business's mark cleared (only at that version:
   * a newer write keeps its own). A crash before the clear leaves the mark for the sweep.
   */
  async writeDirectoryEntry(state: BusinessState): Promise<void> {
    await this.directory.write(state);
    await this.model.collection.updateOne({ _id: state.id, version: state.version } as never, { $unset: { directoryPendingSince: '' } });
  }

  /**
   * The directory-entries sweep: rewrites the entries of businesses whose mark is older than `olderThan`
   * (a write that crashed between the business and its entry). Returns how many it repaired.
   */
  async repairDirectoryEntries(olderThan: Date, limit = 500): Promise<number> {
    const docs = await this.model.find({ directoryPendingSince: { $lt: olderThan } }, READ_PROJECTION).limit(limit).lean();
    for (const doc of docs) await this.writeDirectoryEntry(toState(doc as unknown as Record<string, unknown>));
    return docs.length;
  }

  /**
   * Gives every business that has none its directory entry, once per database (databases written before the
   * entries existed); a `registry_migrations` document records that it ran to the end. Idempotent: a crash
   * part-way leaves no record, and the next start inserts only the entries still missing.
   */
  async backfillDirectoryEntries(batchSize = 1000): Promise<number> {
    const migrations = this.model.db.db!.collection<{ _id: string; at: Date }>('registry_migrations');
    if (await migrations.findOne({ _id: DIRECTORY_BACKFILL })) return 0;
    let created = 0;
    let batch: BusinessState[] = [];
    const flush = async (): Promise<void> => {
      const ids = batch.map((b) => b.id);
      const present = new Set((await this.directory.collection.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map((e) => e._id));
      created += await this.directory.insertMissing(batch.filter((b) => !present.has(b.id)));
      batch = [];
    };
    // One pass in the collection's own order: a sorted keyset walk would sort the rest of the collection per batch on FerretDB.
    for await (const doc of this.model.collection.find({}, { projection: READ_PROJECTION, batchSize })) {
      batch.push(toState(doc as unknown as Record<string, unknown>));
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    await migrations.updateOne({ _id: DIRECTORY_BACKFILL }, { $set: { at: new Date() } }, { upsert: true });
    return created;
  }

  private async findOne(filter: QueryFilter<BusinessDocument>): Promise<Business | undefined> {
    const doc = await this.model.findOne(filter, READ_PROJECTION).lean();
    return doc ? Business.fromState(toState(doc as unknown as Record<string, unknown>)) : undefined;
  }

  findById(id: string): Promise<Business | undefined> {
    return this.findOne({ _id: id });
  }

  /** The record that holds the code: a rejected or withdrawn one has released it. */
  findByTaxCode(taxCode: string): Promise<Business | undefined> {
    return this.findOne({ taxCodeClaim: taxCode });
  }

  findByOwner(subject: string): Promise<Business | undefined> {
    return this.findOne({ ownerSubject: subject });
  }

  async findAllByOwner(subject: string): Promise<Business[]> {
    const docs = await this.model.find({ ownerSubject: subject }, READ_PROJECTION).limit(100).lean();
    return docs.map((doc) => Business.fromState(toState(doc as unknown as Record<string, unknown>)));
  }

  async findIdsByTaxCodes(taxCodes: string[]): Promise<Map<string, string>> {
    if (taxCodes.length === 0) return new Map();
    const docs = await this.model.find({ taxCodeClaim: { $in: [...new Set(taxCodes)] } }, { _id: 1, taxCode: 1 }).lean();
    return new Map(docs.map((d) => [d.taxCode, String(d._id)]));
  }

  async findByIds(ids: string[]): Promise<Business[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: ids } }, READ_PROJECTION).lean();
    return docs.map((d) => Business.fromState(toState(d as unknown as Record<string, unknown>)));
  }

  /**
   * A page of the directory: the entries' page (token, filters, order and paging all answered there), then its
   * businesses by id, in the entries' order. An entry whose version is not its business's (a write in flight,
   * or one the sweep has yet to repair) is kept only if the business itself still meets the criteria.
   */
  async search(criteria: SearchCriteria, request: PageRequest): Promise<Page<BusinessState>> {
    const page = await this.directory.page(criteria, request);
    if (page.items.length === 0) return { items: [], nextPageToken: page.nextPageToken };
    const docs = await this.model.find({ _id: { $in: page.items.map((e) => e._id) } }, READ_PROJECTION).lean();
    const byId = new Map(docs.map((d) => [String(d._id), toState(d as unknown as Record<string, unknown>)]));
    const items = page.items.flatMap((entry) => {
      const state = byId.get(entry._id);
      if (!state) return [];
      return state.version === entry.version || entryMatches(directoryEntryOf(state), criteria) ? [state] : [];
    });
    return { items, nextPageToken: page.nextPageToken };
  }
}
