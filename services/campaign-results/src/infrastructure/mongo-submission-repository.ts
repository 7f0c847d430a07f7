// Submissions in MongoDB/FerretDB. Every write is ONE single-document operation that carries the new state,
// its audit entry and the events it raised (the outbox): nothing is published for a write that failed, and
// nothing written is left unpublished (the relay publishes right after, its sweeper after a crash).
import { randomUUID } from 'node:crypto';
import { outboxUpdate } from '@hangviet/events';
import { keyset, type Page, type PageRequest } from '@hangviet/service-kit';
import { conflict } from '@hangviet/service-kit/errors';
import type { Collection, Filter } from 'mongodb';
import type { SubmissionRepository } from '../application/ports';
import { Submission, type SubmissionStatus } from '../domain/submission';
import { outboxEntriesOf } from './submission-events';
import type { SubmissionDocument } from './submission-model';

const pages = keyset<SubmissionDocument>([{ field: 'createTime', order: 'desc', date: true }, { field: '_id', order: 'desc' }]);

function toAggregate(doc: SubmissionDocument): Submission {
  const { _id, outbox: _o, outboxPendingSince: _p, ...state } = doc;
  return Submission.fromState({ id: _id, ...state });
}

export class MongoSubmissionRepository implements SubmissionRepository {
  constructor(
    private readonly collection: Collection<SubmissionDocument>,
    /** Awaited after each write: the outbox relay publishes the new events at once. */
    private readonly afterWrite: (id: string) => Promise<void> = async () => undefined,
  ) {}

  newId(): string {
    return randomUUID();
  }

  async add(aggregate: Submission): Promise<void> {
    const { id, ...state } = aggregate.state;
    const outbox = outboxEntriesOf(aggregate);
    await this.collection.insertOne({ _id: id, ...state, ...(outbox.length > 0 ? { outbox, outboxPendingSince: new Date() } : {}) });
    await this.afterWrite(id);
  }

  async save(aggregate: Submission): Promise<void> {
    const { id, ...state } = aggregate.state;
    const entries = outboxEntriesOf(aggregate);
    const written = await this.collection.updateOne({ _id: id, version: aggregate.loadedVersion }, { $set: state, ...outboxUpdate<SubmissionDocument>(entries) });
    if (written.matchedCount === 0) throw conflict('SUBMISSION_CHANGED', `Submission ${id} changed meanwhile: read it again.`, { id });
    await this.afterWrite(id);
  }

  async findById(id: string): Promise<Submission | undefined> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { outbox: 0, outboxPendingSince: 0 } });
    return doc ? toAggregate(doc) : undefined;
  }

  async list(filter: { status?: SubmissionStatus; year?: number; indicatorCode?: string }, page: PageRequest): Promise<Page<Submission>> {
    const query = { s: filter.status ?? '', y: filter.year ?? 0, c: filter.indicatorCode ?? '' };
    const where: Filter<SubmissionDocument> = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.year ? { year: filter.year } : {}),
      ...(filter.indicatorCode ? { indicatorCode: filter.indicatorCode } : {}),
    };
    const rows = await this.collection
      .find({ ...where, ...pages.after(page.pageToken, query) }, { projection: { outbox: 0, outboxPendingSince: 0 } })
      .sort(pages.sort)
      .limit(pages.limit(page.pageSize))
      .toArray();
    const result = pages.page(rows, page.pageSize, query);
    return { items: result.items.map(toAggregate), nextPageToken: result.nextPageToken };
  }
}
