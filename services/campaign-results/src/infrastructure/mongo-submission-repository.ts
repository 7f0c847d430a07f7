// Submissions in MongoDB/FerretDB. Every write is ONE single-document operation that carries the
// new state and the events it raised (the outbox): nothing is published for a write that failed, and
// nothing written is left unpublished (the relay publishes right after, its sweeper after a crash).
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { Submission } from '../domain/submission';
import type { SubmissionRepository } from '../application/ports';
import { outboxEntriesOf } from './submission-events';
import type { SubmissionDocument } from './submission-model';

export class MongoSubmissionRepository implements SubmissionRepository {
  constructor(
    /** The collection of submission-model.ts (schema and indexes there), through the driver. */
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

  async findById(id: string): Promise<Submission | undefined> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { outbox: 0, outboxPendingSince: 0 } });
    if (!doc) return undefined;
    const { _id, businessId, title, status, createTime, version } = doc;
    return Submission.fromState({ id: _id, businessId, title, status, createTime, version });
  }
}
