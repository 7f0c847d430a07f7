// The `directory_entries` collection: one small document per business holding only what the directory
// searches, filters and sorts on (its folded tokens, sort name, status, place, industries, type), kept
// beside the business by the repository. Searches read these and then fetch the page's businesses by id.
//
// Why a collection apart (measured at 100,000 businesses, see the README): on the local FerretDB a search for
// a token held by 5 % of the directory reads every match (GIN + top-n sort); on the business documents each
// match is a ~2.7 KB row, here ~0.35 KB, so the same plan reads and rechecks a fraction of the bytes. On
// MongoDB the compound indexes below answer the same queries as index ranges.
//
// Consistency without multi-document transactions: the business write (one single-document update) sets
// `directoryPendingSince`; the entry is then written from that version (`version`-guarded upsert: an older
// version never overwrites a newer one) and the mark cleared (guarded by the version, so a newer write keeps
// its own mark). A crash in between leaves the mark, and the `directory-entries-sweep` job rewrites the entry
// from the stored business. Reads never trust an entry alone: a page's businesses are fetched by id and an
// entry whose version differs from its business is checked against the business itself.
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { keyset, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { searchTokens } from '@hangviet/vn';
import type { Collection, Db, Filter } from 'mongodb';
import type { BusinessState, BusinessStatus, BusinessType } from '../domain/business';
import type { SearchCriteria } from '../application/ports';
import { sortNameOf } from '../application/sort-name';

export const DIRECTORY_ENTRIES_COLLECTION = 'directory_entries';

export interface DirectoryEntry {
  /** The business id. */
  _id: string;
  /** Folded words of the names and each word's 2–20 letter prefixes (`@hangviet/vn` searchTokens). */
  searchTokens: string[];
  /** Folded legal name: the directory's order, `_id` breaking ties. */
  sortName: string;
  status: BusinessStatus;
  type: BusinessType;
  provinceCode: string;
  wardCode: string;
  /** Every prefix (2–5 digits) of every industry code, and section letters. */
  industryPrefixes: string[];
  /** The business version this entry was derived from. */
  version: number;
}

/** The directory order: folded legal name, then id (page tokens are those the businesses collection issued). */
export const DIRECTORY_ORDER = keyset<{ _id: string; sortName: string }>([
  { field: 'sortName', order: 'asc' },
  { field: '_id', order: 'asc' },
]);

function industryPrefixes(state: Pick<BusinessState, 'industries'>): string[] {
  const prefixes = new Set<string>();
  for (const i of state.industries) {
    for (let n = 2; n <= i.code.length; n += 1) prefixes.add(i.code.slice(0, n));
    if (/^[A-Z]$/.test(i.code)) prefixes.add(i.code);
  }
  return [...prefixes];
}

/** The entry of a business at its current version: a pure function of the state. */
export function directoryEntryOf(state: BusinessState): DirectoryEntry {
  return {
    _id: state.id,
    searchTokens: searchTokens(state.legalName, state.tradeName, state.englishName),
    sortName: sortNameOf(state),
    status: state.status,
    type: state.type,
    provinceCode: state.address.provinceCode,
    wardCode: state.address.wardCode,
    industryPrefixes: industryPrefixes(state),
    version: state.version,
  };
}

/** Whether an entry (or a business's entry) meets the criteria: what the query below asks the database. */
export function entryMatches(entry: DirectoryEntry, criteria: SearchCriteria): boolean {
  const tokens = new Set(entry.searchTokens);
  return (
    criteria.tokens.every((t) => tokens.has(t)) &&
    (!criteria.statuses || criteria.statuses.includes(entry.status)) &&
    (!criteria.provinceCode || entry.provinceCode === criteria.provinceCode) &&
    (!criteria.wardCode || entry.wardCode === criteria.wardCode) &&
    (!criteria.industryCode || entry.industryPrefixes.includes(criteria.industryCode)) &&
    (!criteria.type || entry.type === criteria.type) &&
    (!criteria.ids || criteria.ids.includes(entry._id))
  );
}

/** The query of a search page, on the entries (exported for the benchmark's raw-driver baseline). */
export function directoryFilter(criteria: SearchCriteria, pageToken?: string): Filter<DirectoryEntry> {
  const filter: Filter<DirectoryEntry> = { ...(DIRECTORY_ORDER.after(pageToken, criteria) as Filter<DirectoryEntry>) };
  if (criteria.tokens.length > 0) filter.searchTokens = { $all: criteria.tokens };
  if (criteria.statuses) filter.status = criteria.statuses.length === 1 ? criteria.statuses[0] : { $in: criteria.statuses };
  if (criteria.provinceCode) filter.provinceCode = criteria.provinceCode;
  if (criteria.wardCode) filter.wardCode = criteria.wardCode;
  if (criteria.industryCode) filter.industryPrefixes = criteria.industryCode;
  if (criteria.type) filter.type = criteria.type;
  if (criteria.ids) filter._id = { $in: criteria.ids };
  return filter;
}

export class MongoDirectoryEntries {
  readonly collection: Collection<DirectoryEntry>;

  constructor(db: Db) {
    this.collection = db.collection<DirectoryEntry>(DIRECTORY_ENTRIES_COLLECTION);
  }

  /**
   * Plain, single-field and compound indexes only (FerretDB). The single-field ones get a GIN index beside
   * their btree on the local FerretDB (token containment); the ordered ones serve the sort.
   */
  async createIndexes(): Promise<void> {
    await this.collection.createIndex({ searchTokens: 1 }, { name: 'searchTokens' });
    await this.collection.createIndex({ industryPrefixes: 1 }, { name: 'industryPrefixes' });
    await this.collection.createIndex({ sortName: 1, _id: 1 }, { name: 'sortName_id' });
    await this.collection.createIndex({ status: 1, sortName: 1, _id: 1 }, { name: 'status_sortName_id' });
    await this.collection.createIndex({ provinceCode: 1, wardCode: 1 }, { name: 'province_ward' });
  }

  /** Writes the entry of this version unless a newer one is there (idempotent, any order). */
  async write(state: BusinessState): Promise<void> {
    const { _id, ...fields } = directoryEntryOf(state);
    try {
      await this.collection.updateOne({ _id, version: { $lt: fields.version } }, { $set: fields }, { upsert: true });
    } catch (err) {
      // The entry holds this version or a newer one already.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Inserts entries that do not exist yet (bulk seed and back-fill); existing ones are left as they are. */
  async insertMissing(states: BusinessState[]): Promise<number> {
    if (states.length === 0) return 0;
    try {
      return (await this.collection.insertMany(states.map(directoryEntryOf), { ordered: false })).insertedCount;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return (err as { result?: { insertedCount?: number } }).result?.insertedCount ?? 0;
    }
  }

  /** One page of entries in directory order (one more than the page, which says whether another follows). */
  async page(criteria: SearchCriteria, request: PageRequest): Promise<Page<DirectoryEntry>> {
    const rows = await this.collection
      .find(directoryFilter(criteria, request.pageToken))
      .sort(DIRECTORY_ORDER.sort)
      .limit(DIRECTORY_ORDER.limit(request.pageSize))
      .toArray();
    return DIRECTORY_ORDER.page(rows, request.pageSize, criteria) as Page<DirectoryEntry>;
  }
}
