// Businesses in MongoDB/FerretDB. Every write is ONE single-document operation that carries the
// new state and the events it raised (outbox), guarded by the version the business was loaded at.
import { randomUUID } from 'node:crypto';
import { outboxUpdate } from '@hangviet/events';
import { conflict } from '@hangviet/service-kit/errors';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { keyset, mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { searchTokens } from '@hangviet/vn';
import type { QueryFilter } from 'mongoose';
import { Business, PROFILE_FIELDS, type BusinessState } from '../domain/business';
import { duplicateTaxCode } from '../application/register-business';
import type { BusinessRepository, SearchCriteria } from '../application/ports';
import { sortNameOf } from '../application/sort-name';
import { outboxEntriesOf } from './business-events';
import type { BusinessDocument, BusinessModel } from './business-model';

/** Fields a read never needs: search keys and the outbox stay in the database. */
const READ_PROJECTION = { searchTokens: 0, sortName: 0, industryPrefixes: 0, taxCodeClaim: 0, outbox: 0, outboxPendingSince: 0, outboxLease: 0 } as const;

/** The directory order: folded legal name, then id. */
const DIRECTORY_ORDER = keyset<{ _id: string; sortName: string }>([
  { field: 'sortName', order: 'asc' },
  { field: '_id', order: 'asc' },
]);
/** Search reads the sort key too: the next page starts after it. */
const SEARCH_PROJECTION = { searchTokens: 0, industryPrefixes: 0, taxCodeClaim: 0, outbox: 0, outboxPendingSince: 0, outboxLease: 0 } as const;

const OPTIONAL_FIELDS = [...PROFILE_FIELDS.filter((f) => f !== 'legalName' && f !== 'address' && f !== 'industries' && f !== 'contact' && f !== 'preferredLocale'), 'statusReason', 'ownerSubject', 'taxCodeReleased', 'audit', 'pendingChange'] as const;

function industryPrefixes(state: BusinessState): string[] {
  const prefixes = new Set<string>();
  for (const i of state.industries) {
    for (let n = 2; n <= i.code.length; n += 1) prefixes.add(i.code.slice(0, n));
    if (/^[A-Z]$/.test(i.code)) prefixes.add(i.code);
  }
  return [...prefixes];
}

/** The stored fields derived from the state (search keys), recomputed on every write. */
export function taxCodeClaimOf(state: Pick<BusinessState, 'id' | 'taxCode' | 'taxCodeReleased'>): string {
  return state.taxCodeReleased ? `${state.taxCode}~released~${state.id}` : state.taxCode;
}

function derived(state: BusinessState): Pick<BusinessDocument, 'searchTokens' | 'sortName' | 'industryPrefixes' | 'taxCodeClaim'> {
  return {
    taxCodeClaim: taxCodeClaimOf(state),
    searchTokens: searchTokens(state.legalName, state.tradeName, state.englishName),
    sortName: sortNameOf(state),
    industryPrefixes: industryPrefixes(state),
  };
}

function toDocument(state: BusinessState): BusinessDocument {
  const { id, ...rest } = state;
  return { _id: id, ...stripUndefined(rest), ...derived(state) } as BusinessDocument;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function toState(doc: Record<string, unknown>): BusinessState {
  const { _id, searchTokens: _t, sortName: _s, industryPrefixes: _p, taxCodeClaim: _c, outbox: _o, outboxPendingSince: _ps, outboxLease: _l, ...rest } = doc;
  return { id: String(_id), ...rest } as unknown as BusinessState;
}

export interface MongoBusinessRepositoryOptions {
  /** Awaited after each successful write: the outbox relay publishes the new events at once. */
  afterWrite?: (id: string) => Promise<void>;
}

export class MongoBusinessRepository implements BusinessRepository {
  constructor(
    private readonly model: BusinessModel,
    private readonly options: MongoBusinessRepositoryOptions = {},
  ) {}

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
    await this.options.afterWrite?.(business.id);
  }

  async save(business: Business): Promise<void> {
    const entries = outboxEntriesOf(business);
    const state = business.state;
    const { _id: _ignored, ...set } = toDocument(state);
    const unset = Object.fromEntries(OPTIONAL_FIELDS.filter((f) => state[f] === undefined).map((f) => [f, '']));
    const update = {
      $set: set,
      ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      ...(entries.length > 0 ? outboxUpdate(entries) : {}),
    };
    const result = await this.model.collection.updateOne({ _id: business.id, version: business.loadedVersion } as never, update as never);
    if (result.matchedCount === 0) {
      throw conflict('CONCURRENT_UPDATE', `Business ${business.id} was changed by someone else meanwhile.`, { id: business.id });
    }
    await this.options.afterWrite?.(business.id);
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

  async search(criteria: SearchCriteria, request: PageRequest): Promise<Page<BusinessState>> {
    const filter: QueryFilter<BusinessDocument> = { ...DIRECTORY_ORDER.after(request.pageToken, criteria) };
    if (criteria.tokens.length > 0) filter.searchTokens = { $all: criteria.tokens };
    if (criteria.statuses) filter.status = criteria.statuses.length === 1 ? criteria.statuses[0] : { $in: criteria.statuses };
    if (criteria.provinceCode) filter['address.provinceCode'] = criteria.provinceCode;
    if (criteria.wardCode) filter['address.wardCode'] = criteria.wardCode;
    if (criteria.industryCode) filter.industryPrefixes = criteria.industryCode;
    if (criteria.type) filter.type = criteria.type;
    if (criteria.ids) filter._id = { $in: criteria.ids };
    const docs = await this.model.find(filter, SEARCH_PROJECTION).sort(DIRECTORY_ORDER.sort).limit(DIRECTORY_ORDER.limit(request.pageSize)).lean();
    const page = DIRECTORY_ORDER.page(docs as unknown as { _id: string; sortName: string }[], request.pageSize, criteria);
    return mapPage(page, (d) => toState(d as unknown as Record<string, unknown>));
  }
}
