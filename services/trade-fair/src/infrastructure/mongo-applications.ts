// Booth applications on the shared aggregate store (libs/events): state and events in one
// single-document write, and the bulk path for an allocation run; `liveKey` (unique) keeps one live
// application per business per fair without a read before the write.
import { MongoAggregateStore, WITHOUT_OUTBOX, type AfterWrite, type AggregateDocument, type StoreOptions, type BulkSaved } from '@hangviet/events';
import { keyset, mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { Collection } from 'mongodb';
import { BoothApplication, LIVE_STATUSES, type BoothApplicationState } from '../domain/booth-application';
import type { ApplicationRepository, FairContext, ParticipationTally } from '../application/ports';
import type { ApplicationDocument, Collections } from './models';
import { applicationOutbox } from './proto-mapping';

const ORDER = keyset<ApplicationDocument>([{ field: 'submitTime', order: 'asc', date: true }, { field: '_id', order: 'asc' }]);
const SORT = { submitTime: 1, _id: 1 } as const;

const liveKeyOf = (app: BoothApplication) => (app.live ? `${app.state.fairId}:${app.state.businessId}` : `${app.state.fairId}:${app.state.businessId}:${app.id}`);

export class MongoApplicationRepository extends MongoAggregateStore<BoothApplication, BoothApplicationState, FairContext> implements ApplicationRepository {
  constructor(c: Collections, publisher?: AfterWrite, options?: StoreOptions) {
    super(
      c.applications as unknown as Collection<AggregateDocument>,
      {
        idField: 'id',
        idOf: (a) => a.id,
        stateOf: (a) => a.state,
        loadedVersion: (a) => a.loadedVersion,
        fromState: (s) => BoothApplication.fromState({ ...s, preferredBooths: s.preferredBooths ?? [], booths: s.booths ?? [] }),
        outboxOf: applicationOutbox,
        extraFields: (a, fair) => ({ liveKey: liveKeyOf(a), year: fair.year }),
        extraFieldNames: ['liveKey', 'year'],
      },
      publisher,
      options,
    );
  }

  override saveMany(apps: readonly BoothApplication[], fair: FairContext): Promise<BulkSaved<BoothApplication>> {
    return super.saveMany(apps, fair);
  }

  async listByFair(fairId: string, page: PageRequest): Promise<Page<BoothApplication>> {
    const query = { fairId };
    const docs = await (this.collection as unknown as Collection<ApplicationDocument>)
      .find({ fairId, ...ORDER.after(page.pageToken, query) }, WITHOUT_OUTBOX)
      .sort(ORDER.sort)
      .limit(ORDER.limit(page.pageSize))
      .toArray();
    return mapPage(ORDER.page(docs, page.pageSize, query), (d) => this.fromDocument(d));
  }

  allOfFair(fairId: string): Promise<BoothApplication[]> {
    return this.findMany({ fairId }, { sort: SORT });
  }

  byIds(ids: readonly string[]): Promise<BoothApplication[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.findMany({ _id: { $in: [...ids] } });
  }

  liveOfBusiness(businessId: string): Promise<BoothApplication[]> {
    return this.ofBusiness(businessId, LIVE_STATUSES);
  }

  ofBusiness(businessId: string, statuses: readonly string[]): Promise<BoothApplication[]> {
    return this.findMany({ businessId, status: { $in: [...statuses] } });
  }

  allocatedOfFair(fairId: string): Promise<BoothApplication[]> {
    return this.findMany({ fairId, status: 'ALLOCATED' }, { sort: SORT });
  }

  async participations(businessIds: readonly string[], year: number, excludeFairId: string): Promise<Map<string, ParticipationTally>> {
    const tally = new Map<string, ParticipationTally>();
    if (businessIds.length === 0) return tally;
    const docs = await this.collection
      .find({ businessId: { $in: [...businessIds] }, year, status: 'ALLOCATED', fairId: { $ne: excludeFairId } }, { projection: { businessId: 1, support: 1 } })
      .toArray();
    for (const d of docs as unknown as Pick<ApplicationDocument, 'businessId' | 'support'>[]) {
      const t = tally.get(d.businessId) ?? { fairs: 0, supportVnd: 0 };
      tally.set(d.businessId, { fairs: t.fairs + 1, supportVnd: t.supportVnd + (d.support?.amountVnd ?? 0) });
    }
    return tally;
  }

  lapsedOffers(now: Date, limit: number): Promise<BoothApplication[]> {
    return this.findMany({ status: 'OFFERED', offerDeadline: { $lte: now } }, { limit });
  }
}
