// The indicator projection in MongoDB/FerretDB: `projection_records` (one document per aggregate of another
// service, its newest version) and `projection_facts` (what each record contributes to each indicator). The
// rules are the domain's (applyEvent, factsOf); this file only reads and writes.
//
// Order of writes for one event, each step safe to repeat: the record's facts (replaced by id, the rollup rows
// of its old and new facts marked stale before and after: mongo-rollups.ts), the record (against the version it
// was read at), then, when a business's or fair's dimensions changed, the facts of the records that read them.
// A crash between steps redelivers the event: the record is still at its old version, so the same facts are
// written and the same rows marked again. A dependant written meanwhile re-reads its business and fair after its
// own write, so one of the two always sees the other. Figures read the rollups, not the facts.
import { keyset, type Page, type PageRequest } from '@hangviet/service-kit';
import { conflict } from '@hangviet/service-kit/errors';
import type { Collection, Db, Filter } from 'mongodb';
import type { FigureFilter, Projection } from '../application/ports';
import type { FactTotals } from '../domain/figures';
import { FACT_CODES } from '../domain/indicators';
import {
  applyEvent,
  businessDimsOf,
  contextKeys,
  dimsChanged,
  factsOf,
  fairDimsOf,
  recordId,
  type Fact,
  type FactContext,
  type ProjectedRecord,
  type SourceEvent,
} from '../domain/projection';
import { fineRowIdOf, rollupKeysOfAll } from '../domain/rollups';
import { ensureRollupIndexes, MongoRollups, ROLLUPS, type RolledFact, type RollupDocument } from './mongo-rollups';

export const RECORDS = 'projection_records';
export const FACTS = 'projection_facts';

export interface RecordDocument extends Omit<ProjectedRecord, 'id'> {
  _id: string;
  /** Copies of fields.businessId / fields.fairId at the top, indexed: the dependants of a business or fair. */
  businessId: string;
  fairId: string;
}

export interface FactDocument extends Omit<Fact, 'id'> {
  _id: string;
  /** Always 1: the facts are counted by summing it (FerretDB v1 sums a constant `{ $sum: 1 }` to 0). */
  n: 1;
  /** The id of the fine rollup row the fact counts in (indexed): what that row's recompute reads. */
  row: string;
}

export const toRecordDocument = ({ id, ...r }: ProjectedRecord): RecordDocument => ({ _id: id, ...r, businessId: r.fields.businessId ?? '', fairId: r.fields.fairId ?? '' });
const fromRecordDocument = ({ _id, businessId: _b, fairId: _f, ...r }: RecordDocument): ProjectedRecord => ({ id: _id, ...r });
export const toFactDocument = ({ id, ...f }: Fact): FactDocument => ({ _id: id, ...f, n: 1, row: fineRowIdOf(f) });
const fromFactDocument = ({ _id, n: _n, row: _r, ...f }: FactDocument): Fact => ({ id: _id, ...f });

export async function ensureProjectionIndexes(db: Db, names = { records: RECORDS, facts: FACTS, rollups: ROLLUPS }): Promise<void> {
  await db.collection(names.records).createIndex({ businessId: 1 }, { name: 'businessId' });
  await db.collection(names.records).createIndex({ fairId: 1 }, { name: 'fairId' });
  await db.collection(names.facts).createIndex({ recordId: 1 }, { name: 'recordId' });
  await db.collection(names.facts).createIndex({ row: 1 }, { name: 'row' });
  await db.collection(names.facts).createIndex({ year: 1, code: 1 }, { name: 'year_code' });
  await db.collection(names.facts).createIndex({ code: 1, year: 1, _id: 1 }, { name: 'code_year_id' });
  await ensureRollupIndexes(db, names.rollups);
}

/** The Mongo filter of a figure filter (facts of that year, quarter, place, section, scheme). */
export function factFilter(filter: FigureFilter): Filter<FactDocument> {
  return {
    year: filter.year,
    ...(filter.quarter ? { quarter: filter.quarter } : {}),
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.wardCode ? { wardCode: filter.wardCode } : {}),
    ...(filter.industrySection ? { industrySection: filter.industrySection } : {}),
    ...(filter.scheme ? { scheme: filter.scheme } : {}),
  };
}

const factPages = keyset<FactDocument>([{ field: '_id', order: 'asc' }]);

export class MongoProjection implements Projection {
  readonly rollups: MongoRollups;

  constructor(
    private readonly records: Collection<RecordDocument>,
    private readonly factsCollection: Collection<FactDocument>,
    rollups: Collection<RollupDocument>,
  ) {
    this.rollups = new MongoRollups(rollups, factsCollection as unknown as Collection<RolledFact>);
  }

  static of(db: Db): MongoProjection {
    return new MongoProjection(db.collection<RecordDocument>(RECORDS), db.collection<FactDocument>(FACTS), db.collection<RollupDocument>(ROLLUPS));
  }

  async apply(event: SourceEvent): Promise<'applied' | 'duplicate' | 'stale'> {
    const id = recordId(event.kind, event.sourceId);
    const stored = await this.records.findOne({ _id: id });
    const current = stored ? fromRecordDocument(stored) : undefined;
    const result = applyEvent(current, event);
    if (result.outcome !== 'applied') {
      // The dependants' step may be what a crash interrupted: a redelivered business or fair event redoes it.
      if (result.outcome === 'duplicate' && current && (event.kind === 'business' || event.kind === 'fair')) await this.refreshDependants(current);
      return result.outcome;
    }
    const record = result.record;
    const used = await this.contextOf(record);
    await this.replaceFacts(record, used);
    const doc = toRecordDocument(record);
    if (stored) {
      const written = await this.records.replaceOne({ _id: id, version: stored.version, eventIds: stored.eventIds }, doc);
      if (written.matchedCount === 0) throw conflict('PROJECTION_RECORD_MOVED', `record ${id} changed while an event was applied; retried`);
    } else {
      await this.records.insertOne(doc);
    }
    const now = await this.contextOf(record);
    if (JSON.stringify(now) !== JSON.stringify(used)) await this.replaceFacts(record, now);
    if (dimsChanged(record.kind, current, record)) await this.refreshDependants(record);
    return 'applied';
  }

  async totals(filter: FigureFilter): Promise<FactTotals> {
    return this.rollups.totals(filter, FACT_CODES);
  }

  async facts(codes: readonly string[], filter: FigureFilter, page: PageRequest): Promise<Page<Fact>> {
    const query = { codes, ...filter };
    const rows = await this.factsCollection
      .find({ ...factFilter(filter), code: { $in: [...codes] }, ...factPages.after(page.pageToken, query) })
      .sort(factPages.sort)
      .limit(factPages.limit(page.pageSize))
      .toArray();
    const result = factPages.page(rows, page.pageSize, query);
    return { items: result.items.map(fromFactDocument), nextPageToken: result.nextPageToken };
  }

  private async contextOf(record: ProjectedRecord): Promise<FactContext> {
    const keys = contextKeys(record);
    const [business, fair] = await Promise.all([
      keys.businessId ? this.records.findOne({ _id: recordId('business', keys.businessId) }) : undefined,
      keys.fairId ? this.records.findOne({ _id: recordId('fair', keys.fairId) }) : undefined,
    ]);
    return {
      ...(business ? { business: businessDimsOf(fromRecordDocument(business)) } : {}),
      ...(fair ? { fair: fairDimsOf(fromRecordDocument(fair)) } : {}),
    };
  }

  /**
   * The record's facts become exactly `factsOf(record, context)`: upserted by id, the others deleted. The rollup
   * rows of the old and new facts are marked stale before (a crash after the write leaves them stale) and after
   * (a recompute that read the facts before the write cannot clear them).
   */
  private async replaceFacts(record: ProjectedRecord, context: FactContext): Promise<void> {
    const facts = factsOf(record, context).map(toFactDocument);
    const before = await this.factsCollection.find({ recordId: record.id }).toArray();
    const rows = [...rollupKeysOfAll([...before, ...facts]).values()];
    await this.rollups.mark(rows);
    await this.factsCollection.bulkWrite(
      [
        { deleteMany: { filter: { recordId: record.id, _id: { $nin: facts.map((f) => f._id) } } } },
        ...facts.map((f) => ({ replaceOne: { filter: { _id: f._id }, replacement: f, upsert: true } })),
      ],
      { ordered: true },
    );
    await this.rollups.mark(rows);
  }

  /** The records whose facts read this business or fair, their facts recomputed. */
  private async refreshDependants(record: ProjectedRecord): Promise<void> {
    const filter = record.kind === 'business' ? { businessId: record.sourceId } : { fairId: record.sourceId };
    for await (const doc of this.records.find(filter)) {
      if (doc._id === record.id) continue;
      const dependant = fromRecordDocument(doc);
      await this.replaceFacts(dependant, await this.contextOf(dependant));
    }
  }
}
