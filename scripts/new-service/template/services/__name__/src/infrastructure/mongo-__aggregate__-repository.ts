// {{AggregatePlural}} in MongoDB/FerretDB. Every write is ONE single-document operation that carries the
// new state and the events it raised (the outbox): nothing is published for a write that failed, and
// nothing written is left unpublished (the relay publishes right after, its sweeper after a crash).
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { {{Aggregate}} } from '../domain/{{aggregate}}';
import type { {{Aggregate}}Repository } from '../application/ports';
import { outboxEntriesOf } from './{{aggregate}}-events';
import type { {{Aggregate}}Document } from './{{aggregate}}-model';

export class Mongo{{Aggregate}}Repository implements {{Aggregate}}Repository {
  constructor(
    /** The collection of {{aggregate}}-model.ts (schema and indexes there), through the driver. */
    private readonly collection: Collection<{{Aggregate}}Document>,
    /** Awaited after each write: the outbox relay publishes the new events at once. */
    private readonly afterWrite: (id: string) => Promise<void> = async () => undefined,
  ) {}

  newId(): string {
    return randomUUID();
  }

  async add(aggregate: {{Aggregate}}): Promise<void> {
    const { id, ...state } = aggregate.state;
    const outbox = outboxEntriesOf(aggregate);
    await this.collection.insertOne({ _id: id, ...state, ...(outbox.length > 0 ? { outbox, outboxPendingSince: new Date() } : {}) });
    await this.afterWrite(id);
  }

  async findById(id: string): Promise<{{Aggregate}} | undefined> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { outbox: 0, outboxPendingSince: 0 } });
    if (!doc) return undefined;
    const { _id, businessId, title, status, createTime, version } = doc;
    return {{Aggregate}}.fromState({ id: _id, businessId, title, status, createTime, version });
  }
}
