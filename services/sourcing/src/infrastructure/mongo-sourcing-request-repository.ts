// SourcingRequests in MongoDB/FerretDB. Every write is ONE single-document operation that carries the
// new state and the events it raised (the outbox): nothing is published for a write that failed, and
// nothing written is left unpublished (the relay publishes right after, its sweeper after a crash).
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { SourcingRequest } from '../domain/sourcing-request';
import type { SourcingRequestRepository } from '../application/ports';
import { outboxEntriesOf } from './sourcing-request-events';
import type { SourcingRequestDocument } from './sourcing-request-model';

export class MongoSourcingRequestRepository implements SourcingRequestRepository {
  constructor(
    /** The collection of sourcing-request-model.ts (schema and indexes there), through the driver. */
    private readonly collection: Collection<SourcingRequestDocument>,
    /** Awaited after each write: the outbox relay publishes the new events at once. */
    private readonly afterWrite: (id: string) => Promise<void> = async () => undefined,
  ) {}

  newId(): string {
    return randomUUID();
  }

  async add(aggregate: SourcingRequest): Promise<void> {
    const { id, ...state } = aggregate.state;
    const outbox = outboxEntriesOf(aggregate);
    await this.collection.insertOne({ _id: id, ...state, ...(outbox.length > 0 ? { outbox, outboxPendingSince: new Date() } : {}) });
    await this.afterWrite(id);
  }

  async findById(id: string): Promise<SourcingRequest | undefined> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { outbox: 0, outboxPendingSince: 0 } });
    if (!doc) return undefined;
    const { _id, businessId, title, status, createTime, version } = doc;
    return SourcingRequest.fromState({ id: _id, businessId, title, status, createTime, version });
  }
}
