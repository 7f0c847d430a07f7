// Fairs: every write is ONE single-document operation carrying the new state and the events it raised
// (the outbox); the relay publishes them right after, its sweeper after a crash.
import { randomUUID } from 'node:crypto';
import { outboxUpdate } from '@hangviet/events';
import { keyset, mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { Filter } from 'mongodb';
import { Fair } from '../domain/fair';
import type { FairQuery, FairRepository } from '../application/ports';
import type { Collections, FairDocument } from './models';
import { fairOutbox } from './proto-mapping';

const ORDER = keyset<FairDocument>([{ field: 'days.openingDay', order: 'asc' }, { field: '_id', order: 'asc' }]);
const WITHOUT_OUTBOX = { projection: { outbox: 0, outboxPendingSince: 0 } } as const;

function toFair({ _id, outbox: _o, outboxPendingSince: _p, ...state }: FairDocument): Fair {
  return Fair.fromState({ id: _id, ...state });
}

function filterOf(q: FairQuery): Filter<FairDocument> {
  const f: Filter<FairDocument> = {};
  // A fair matches [from, to] when its open days meet it.
  if (q.to) f['days.openingDay'] = { $lte: q.to };
  if (q.from) f['days.closingDay'] = { $gte: q.from };
  if (q.provinceCode) f.provinceCode = q.provinceCode;
  if (q.statuses) f.status = { $in: [...q.statuses] };
  return f;
}

export class MongoFairRepository implements FairRepository {
  constructor(private readonly c: Collections, private readonly afterWrite: (id: string) => Promise<void>) {}

  newId(): string {
    return randomUUID();
  }

  async add(fair: Fair): Promise<void> {
    const { id, ...state } = fair.state;
    await this.c.fairs.insertOne({ _id: id, ...state, outbox: fairOutbox(fair), outboxPendingSince: new Date() });
    await this.afterWrite(id);
  }

  async save(fair: Fair): Promise<boolean> {
    const { id, ...state } = fair.state;
    const entries = fairOutbox(fair);
    const res = await this.c.fairs.updateOne({ _id: id, version: fair.loadedVersion }, { $set: state, ...(entries.length ? outboxUpdate(entries) : {}) });
    if (res.matchedCount === 0) return false;
    if (entries.length) await this.afterWrite(id);
    return true;
  }

  async findById(id: string): Promise<Fair | undefined> {
    const doc = await this.c.fairs.findOne({ _id: id }, WITHOUT_OUTBOX);
    return doc ? toFair(doc) : undefined;
  }

  async list(query: FairQuery, page: PageRequest): Promise<Page<Fair>> {
    const bound = { ...query };
    const filter = { ...filterOf(query), ...ORDER.after(page.pageToken, bound) } as Filter<FairDocument>;
    const docs = await this.c.fairs.find(filter, WITHOUT_OUTBOX).sort(ORDER.sort).limit(ORDER.limit(page.pageSize)).toArray();
    return mapPage(ORDER.page(docs.map((d) => ({ ...d, 'days.openingDay': d.days.openingDay })), page.pageSize, bound), toFair);
  }

  async all(query: FairQuery, limit: number): Promise<Fair[]> {
    return (await this.c.fairs.find(filterOf(query), WITHOUT_OUTBOX).sort(ORDER.sort).limit(limit).toArray()).map(toFair);
  }

  async byIds(ids: readonly string[]): Promise<Fair[]> {
    if (ids.length === 0) return [];
    return (await this.c.fairs.find({ _id: { $in: [...ids] } }, WITHOUT_OUTBOX).toArray()).map(toFair);
  }
}
