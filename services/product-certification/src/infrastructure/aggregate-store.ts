// The one way aggregates are stored: an insert, or an update guarded by the version the aggregate was
// loaded at, each ONE single-document write carrying the new state and the events it raised (outbox).
// Nothing is published for a write that failed; nothing written is left unpublished (relay + sweeper).
import { randomUUID } from 'node:crypto';
import { outboxUpdate, type OutboxEntry } from '@hangviet/events';
import { isDuplicateKey, keyset, type Page, type PageRequest } from '@hangviet/service-kit';
import { conflict } from '@hangviet/service-kit/errors';
import type { Collection, Filter } from 'mongodb';
import type { AggregateStore } from '../application/ports';
import type { AggregateDocument } from './models';

export interface Mapping<A, S extends object> {
  idOf(aggregate: A): string;
  stateOf(aggregate: A): Readonly<S>;
  loadedVersion(aggregate: A): number;
  /** The state's id field, stored as `_id`. */
  idField: keyof S & string;
  fromState(state: S): A;
  outboxOf(aggregate: A): OutboxEntry[];
}

export class MongoAggregateStore<A, S extends object> implements AggregateStore<A> {
  constructor(
    protected readonly collection: Collection<AggregateDocument>,
    protected readonly mapping: Mapping<A, S>,
    /** Awaited after each write: the outbox relay publishes the new events at once. */
    private readonly afterWrite: (id: string) => Promise<void> = async () => undefined,
  ) {}

  newId(): string {
    return randomUUID();
  }

  protected toDocument(aggregate: A): { set: Record<string, unknown>; unset: Record<string, ''> } {
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [key, value] of Object.entries(this.mapping.stateOf(aggregate))) {
      if (key === this.mapping.idField) continue;
      if (value === undefined) unset[key] = '';
      else set[key] = value;
    }
    return { set, unset };
  }

  async add(aggregate: A): Promise<void> {
    const id = this.mapping.idOf(aggregate);
    const outbox = this.mapping.outboxOf(aggregate);
    try {
      await this.collection.insertOne({
        _id: id,
        ...this.toDocument(aggregate).set,
        ...(outbox.length > 0 ? { outbox, outboxPendingSince: new Date() } : {}),
      } as AggregateDocument);
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('ALREADY_EXISTS', `${id} already exists`, { id });
      throw err;
    }
    await this.afterWrite(id);
  }

  async save(aggregate: A): Promise<void> {
    const id = this.mapping.idOf(aggregate);
    const entries = this.mapping.outboxOf(aggregate);
    if (entries.length === 0) return;
    const { set, unset } = this.toDocument(aggregate);
    const update = { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}), ...outboxUpdate(entries) };
    const result = await this.collection.updateOne({ _id: id, version: this.mapping.loadedVersion(aggregate) }, update as never);
    if (result.matchedCount === 0) throw conflict('CONCURRENT_UPDATE', `${id} was changed by someone else meanwhile`, { id });
    await this.afterWrite(id);
  }

  protected fromDocument(doc: AggregateDocument): A {
    const { _id, outbox: _o, outboxPendingSince: _p, outboxLease: _l, ...rest } = doc as AggregateDocument & { outboxLease?: unknown };
    return this.mapping.fromState({ ...rest, [this.mapping.idField]: _id } as unknown as S);
  }

  async findById(id: string): Promise<A | undefined> {
    const doc = await this.collection.findOne({ _id: id });
    return doc ? this.fromDocument(doc) : undefined;
  }

  /** Keyset paging, newest first, over `timeField` then `_id`; the filter belongs to the repository. */
  protected async page(filter: Filter<AggregateDocument>, timeField: string, request: PageRequest, query: unknown): Promise<Page<A>> {
    const set = keyset<AggregateDocument>([
      { field: timeField, order: 'desc', date: true },
      { field: '_id', order: 'desc' },
    ]);
    const after = set.after(request.pageToken, query);
    const where = Object.keys(after).length > 0 ? { $and: [filter, after] } : filter;
    const rows = await this.collection.find(where as Filter<AggregateDocument>).sort(set.sort).limit(set.limit(request.pageSize)).toArray();
    const page = set.page(rows, request.pageSize, query);
    return { items: page.items.map((d) => this.fromDocument(d)), nextPageToken: page.nextPageToken };
  }
}
