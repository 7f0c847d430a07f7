// Booth applications: state and events in one single-document write; `liveKey` (unique) keeps one
// live application per business per fair without a read before the write.
import { randomUUID } from 'node:crypto';
import { outboxUpdate } from '@hangviet/events';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { keyset, mapPage, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import { BoothApplication, LIVE_STATUSES } from '../domain/booth-application';
import type { ApplicationRepository, FairContext, ParticipationTally } from '../application/ports';
import type { ApplicationDocument, Collections } from './models';
import { applicationOutbox } from './proto-mapping';

const ORDER = keyset<ApplicationDocument>([{ field: 'submitTime', order: 'asc', date: true }, { field: '_id', order: 'asc' }]);
const WITHOUT_OUTBOX = { projection: { outbox: 0, outboxPendingSince: 0 } } as const;

function toApplication({ _id, outbox: _o, outboxPendingSince: _p, liveKey: _k, year: _y, ...state }: ApplicationDocument): BoothApplication {
  return BoothApplication.fromState({ id: _id, ...state, preferredBooths: state.preferredBooths ?? [], booths: state.booths ?? [] });
}

const liveKeyOf = (app: BoothApplication) => (app.live ? `${app.state.fairId}:${app.state.businessId}` : `${app.state.fairId}:${app.state.businessId}:${app.id}`);

/** `$unset` for optional fields the state no longer has (undefined would be stored as null). */
function split(state: object): { set: Record<string, unknown>; unset: Record<string, ''> } {
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const [k, v] of Object.entries(state)) if (v === undefined) unset[k] = '';
  else set[k] = v;
  return { set, unset };
}

export class MongoApplicationRepository implements ApplicationRepository {
  constructor(private readonly c: Collections, private readonly afterWrite: (id: string) => Promise<void>) {}

  newId(): string {
    return randomUUID();
  }

  async add(app: BoothApplication, fair: FairContext): Promise<boolean> {
    const { id, ...state } = app.state;
    try {
      await this.c.applications.insertOne({
        _id: id, ...(split(state).set as Omit<ApplicationDocument, '_id' | 'liveKey' | 'year'>), liveKey: liveKeyOf(app), year: fair.year,
        outbox: applicationOutbox(app, fair), outboxPendingSince: new Date(),
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await this.afterWrite(id);
    return true;
  }

  async save(app: BoothApplication, fair: FairContext): Promise<boolean> {
    const { id, ...state } = app.state;
    const entries = applicationOutbox(app, fair);
    const { set, unset } = split(state);
    const res = await this.c.applications.updateOne(
      { _id: id, version: app.loadedVersion },
      { $set: { ...set, liveKey: liveKeyOf(app) }, ...(Object.keys(unset).length ? { $unset: unset } : {}), ...(entries.length ? outboxUpdate(entries) : {}) },
    );
    if (res.matchedCount === 0) return false;
    if (entries.length) await this.afterWrite(id);
    return true;
  }

  async findById(id: string): Promise<BoothApplication | undefined> {
    const doc = await this.c.applications.findOne({ _id: id }, WITHOUT_OUTBOX);
    return doc ? toApplication(doc) : undefined;
  }

  async listByFair(fairId: string, page: PageRequest): Promise<Page<BoothApplication>> {
    const query = { fairId };
    const docs = await this.c.applications
      .find({ fairId, ...ORDER.after(page.pageToken, query) }, WITHOUT_OUTBOX)
      .sort(ORDER.sort)
      .limit(ORDER.limit(page.pageSize))
      .toArray();
    return mapPage(ORDER.page(docs, page.pageSize, query), toApplication);
  }

  async allOfFair(fairId: string): Promise<BoothApplication[]> {
    return (await this.c.applications.find({ fairId }, WITHOUT_OUTBOX).sort(ORDER.sort).toArray()).map(toApplication);
  }

  async liveOfBusiness(businessId: string): Promise<BoothApplication[]> {
    return this.ofBusiness(businessId, LIVE_STATUSES);
  }

  async ofBusiness(businessId: string, statuses: readonly string[]): Promise<BoothApplication[]> {
    return (await this.c.applications.find({ businessId, status: { $in: [...statuses] } } as never, WITHOUT_OUTBOX).toArray()).map(toApplication);
  }

  async participations(businessIds: readonly string[], year: number, excludeFairId: string): Promise<Map<string, ParticipationTally>> {
    const tally = new Map<string, ParticipationTally>();
    if (businessIds.length === 0) return tally;
    const docs = await this.c.applications.find({ businessId: { $in: [...businessIds] }, year, status: 'ALLOCATED', fairId: { $ne: excludeFairId } }, WITHOUT_OUTBOX).toArray();
    for (const d of docs) {
      const t = tally.get(d.businessId) ?? { fairs: 0, supportVnd: 0 };
      tally.set(d.businessId, { fairs: t.fairs + 1, supportVnd: t.supportVnd + (d.support?.amountVnd ?? 0) });
    }
    return tally;
  }

  async lapsedOffers(now: Date, limit: number): Promise<BoothApplication[]> {
    return (await this.c.applications.find({ status: 'OFFERED', offerDeadline: { $lte: now } }, WITHOUT_OUTBOX).limit(limit).toArray()).map(toApplication);
  }
}
