// Fairs on the shared aggregate store (libs/events): every write is ONE single-document operation
// carrying the new state and the events it raised (the outbox); the relay publishes them right after,
// its sweeper after a crash.
import { MongoAggregateStore, WITHOUT_OUTBOX, type AfterWrite, type AggregateDocument, type StoreOptions } from '@hangviet/events';
import { keyset, mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { Collection, Filter } from 'mongodb';
import { Fair, type FairState } from '../domain/fair';
import type { FairQuery, FairRepository } from '../application/ports';
import type { Collections, FairDocument } from './models';
import { fairOutbox } from './proto-mapping';

const ORDER = keyset<FairDocument>([{ field: 'days.openingDay', order: 'asc' }, { field: '_id', order: 'asc' }]);

function filterOf(q: FairQuery): Filter<FairDocument> {
  const f: Filter<FairDocument> = {};
  // A fair matches [from, to] when its open days meet it.
  if (q.to) f['days.openingDay'] = { $lte: q.to };
  if (q.from) f['days.closingDay'] = { $gte: q.from };
  if (q.provinceCode) f.provinceCode = q.provinceCode;
  if (q.statuses) f.status = { $in: [...q.statuses] };
  if (q.setUpBy) f['days.setUpDay'] = { $lte: q.setUpBy };
  return f;
}

export class MongoFairRepository extends MongoAggregateStore<Fair, FairState> implements FairRepository {
  private readonly fairs: Collection<FairDocument>;

  constructor(c: Collections, publisher?: AfterWrite, options?: StoreOptions) {
    super(c.fairs as unknown as Collection<AggregateDocument>, { idField: 'id', idOf: (f) => f.id, stateOf: (f) => f.state, loadedVersion: (f) => f.loadedVersion, fromState: Fair.fromState, outboxOf: fairOutbox }, publisher, options);
    this.fairs = c.fairs;
  }

  async list(query: FairQuery, page: PageRequest): Promise<Page<Fair>> {
    const bound = { ...query };
    const filter = { ...filterOf(query), ...ORDER.after(page.pageToken, bound) } as Filter<FairDocument>;
    const docs = await this.fairs.find(filter, WITHOUT_OUTBOX).sort(ORDER.sort).limit(ORDER.limit(page.pageSize)).toArray();
    return mapPage(ORDER.page(docs.map((d) => ({ ...d, 'days.openingDay': d.days.openingDay })), page.pageSize, bound), (d) => this.fromDocument(d));
  }

  all(query: FairQuery, limit: number): Promise<Fair[]> {
    return this.findMany(filterOf(query) as Filter<AggregateDocument>, { sort: { 'days.openingDay': 1, _id: 1 }, limit });
  }

  byIds(ids: readonly string[]): Promise<Fair[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.findMany({ _id: { $in: [...ids] } });
  }
}
