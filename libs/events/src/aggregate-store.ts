// The one way aggregates are stored: an insert, or an update guarded by the version the aggregate was
// loaded at, each ONE single-document write carrying the new state and the events it raised (outbox).
// Nothing is published for a write that failed; nothing written is left unpublished (relay + sweeper).
// The bulk path (addMany/saveMany) writes many aggregates in one bulk write, each operation still one
// guarded single-document update with its own outbox entries, and hands all their ids to the relay,
// which publishes them in batches.
import { randomUUID } from 'node:crypto';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { conflict, AppError } from '@hangviet/service-kit/errors';
import { keyset, type Page, type PageRequest } from '@hangviet/service-kit/paging';
import type { AnyBulkWriteOperation, Collection, Document, Filter } from 'mongodb';
import { outboxUpdate, type OutboxEntry, type OutboxFields } from './outbox';

/** A stored aggregate document: `_id`, the version guard, the outbox fields, the state's other fields. */
export type AggregateDocument = OutboxFields & { _id: string; version: number; [field: string]: unknown };

/** The one conflict signal: a save whose stored version is no longer the loaded one. */
export const CONCURRENT_UPDATE = 'CONCURRENT_UPDATE';
export const isConcurrentUpdate = (err: unknown): boolean => err instanceof AppError && err.code === CONCURRENT_UPDATE;

/**
 * How an aggregate type is stored. `C` is what the outbox mapper needs beside the aggregate (e.g. the fair an
 * application's events describe); `undefined` for most.
 */
export interface AggregateMapping<A, S extends object, C = undefined> {
  idOf(aggregate: A): string;
  stateOf(aggregate: A): Readonly<S>;
  loadedVersion(aggregate: A): number;
  /** The state's id field, stored as `_id`. */
  idField: keyof S & string;
  fromState(state: S): A;
  /** The outbox mapper: the events the aggregate raised as outbox entries. */
  outboxOf(aggregate: A, context: C): OutboxEntry[];
  /** Fields stored beside the state (derived keys such as a unique `liveKey`), named in `extraFieldNames`, not read back. */
  extraFields?(aggregate: A, context: C): Record<string, unknown>;
  extraFieldNames?: readonly string[];
}

/** What the store needs of the relay: publish these aggregates' pending events now. */
export interface Publisher {
  publish(id: string): Promise<void>;
  publishMany?(ids: readonly string[]): Promise<void>;
}

export interface StoreOptions {
  /**
   * Whether add()/save() wait for the relay's publish of their events (default true: a 2xx then implies the
   * events are on Kafka in the common case). false answers once the write (state + outbox) is durable, the
   * relay publishing behind it: the outbox already guarantees delivery. Bulk writes always wait (bounded).
   */
  awaitPublish?: boolean;
}

/** The outcome of a bulk save: what was written, and the ids whose stored version had moved on. */
export interface BulkSaved<A> {
  saved: A[];
  conflicts: string[];
}

/** Pending events are the relay's business, not the aggregate's: never read back. */
export const WITHOUT_OUTBOX = { projection: { outbox: 0, outboxPendingSince: 0, bulkWrite: 0 } } as const;

/** Told after each write: the relay (its publish/publishMany), or a function of the aggregate id. */
export type AfterWrite = Publisher | ((id: string) => Promise<void>);

const OUTBOX_FIELDS = ['outbox', 'outboxPendingSince', 'outboxLease', 'bulkWrite'] as const;

export class MongoAggregateStore<A, S extends object, C = undefined> {
  constructor(
    protected readonly collection: Collection<AggregateDocument>,
    protected readonly mapping: AggregateMapping<A, S, C>,
    /** Told after each write: the outbox relay publishes the new events at once. */
    private readonly publisher: AfterWrite = async () => undefined,
    private readonly options: StoreOptions = {},
  ) {}

  newId(): string {
    return randomUUID();
  }

  private async published(ids: readonly string[], bulk = false): Promise<void> {
    if (ids.length === 0) return;
    if (!bulk && this.options.awaitPublish === false) {
      // The write is durable with its events; the relay sends them now, its sweeper later if this fails.
      void this.send(ids).catch(() => undefined);
      return;
    }
    await this.send(ids);
  }

  private async send(ids: readonly string[]): Promise<void> {
    const p = this.publisher;
    if (typeof p === 'function') await Promise.all(ids.map((id) => p(id)));
    else if (p.publishMany) await p.publishMany(ids);
    else await Promise.all(ids.map((id) => p.publish(id)));
  }

  protected toDocument(aggregate: A, context: C): { set: Record<string, unknown>; unset: Record<string, ''> } {
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [key, value] of Object.entries(this.mapping.stateOf(aggregate))) {
      if (key === this.mapping.idField) continue;
      if (value === undefined) unset[key] = '';
      else set[key] = value;
    }
    const extra = this.mapping.extraFields?.(aggregate, context) ?? {};
    Object.assign(set, extra);
    return { set, unset };
  }

  private insertDocument(aggregate: A, context: C): AggregateDocument {
    const outbox = this.mapping.outboxOf(aggregate, context);
    return {
      _id: this.mapping.idOf(aggregate),
      ...this.toDocument(aggregate, context).set,
      ...(outbox.length > 0 ? { outbox, outboxPendingSince: new Date() } : {}),
    } as AggregateDocument;
  }

  /** Inserts it with its events; throws 409 ALREADY_EXISTS on a duplicate key (the id or another unique key). */
  async add(aggregate: A, ...[context]: C extends undefined ? [] : [C]): Promise<void> {
    const id = this.mapping.idOf(aggregate);
    try {
      await this.collection.insertOne(this.insertDocument(aggregate, context as C));
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('ALREADY_EXISTS', `${id} already exists`, { id });
      throw err;
    }
    await this.published([id]);
  }

  private updateOf(aggregate: A, context: C, entries: OutboxEntry[], mark?: string) {
    const { set, unset } = this.toDocument(aggregate, context);
    if (mark) set.bulkWrite = mark;
    return { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}), ...(entries.length > 0 ? outboxUpdate(entries) : {}) };
  }

  /** Writes the new state and its events when the stored version is the loaded one; else throws 409 CONCURRENT_UPDATE. */
  async save(aggregate: A, ...[context]: C extends undefined ? [] : [C]): Promise<void> {
    const id = this.mapping.idOf(aggregate);
    const entries = this.mapping.outboxOf(aggregate, context as C);
    if (entries.length === 0) return;
    const result = await this.collection.updateOne({ _id: id, version: this.mapping.loadedVersion(aggregate) }, this.updateOf(aggregate, context as C, entries) as never);
    if (result.matchedCount === 0) throw conflict(CONCURRENT_UPDATE, `${id} was changed by someone else meanwhile`, { id });
    await this.published([id]);
  }

  /**
   * The bulk path: every aggregate's version-guarded update with its outbox entries in one unordered bulk
   * write, then one hand-over of all ids to the relay. Atomic per aggregate, not across them: each is
   * written with its events or not at all. A stale one is reported in `conflicts`, never thrown: the
   * caller decides (a resumed run skips what another pass wrote). Which operations matched is read back
   * only when some did not, by the mark the write left (`bulkWrite`).
   */
  async saveMany(aggregates: readonly A[], ...[context]: C extends undefined ? [] : [C]): Promise<BulkSaved<A>> {
    const changed = aggregates.map((a) => ({ a, entries: this.mapping.outboxOf(a, context as C) })).filter((x) => x.entries.length > 0);
    if (changed.length === 0) return { saved: [], conflicts: [] };
    const mark = randomUUID();
    const ops: AnyBulkWriteOperation<AggregateDocument>[] = changed.map(({ a, entries }) => ({
      updateOne: { filter: { _id: this.mapping.idOf(a), version: this.mapping.loadedVersion(a) }, update: this.updateOf(a, context as C, entries, mark) as never },
    }));
    const result = await this.collection.bulkWrite(ops, { ordered: false });
    let saved = changed.map((x) => x.a);
    let conflicts: string[] = [];
    if (result.matchedCount < changed.length) {
      const ids = changed.map((x) => this.mapping.idOf(x.a));
      const written = new Set((await this.collection.find({ _id: { $in: ids }, bulkWrite: mark } as Filter<AggregateDocument>, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      saved = saved.filter((a) => written.has(this.mapping.idOf(a)));
      conflicts = ids.filter((id) => !written.has(id));
    }
    await this.published(saved.map((a) => this.mapping.idOf(a)), true);
    return { saved, conflicts };
  }

  /** Inserts many with their events in one unordered bulk insert; answers the ids refused by a unique key. */
  async addMany(aggregates: readonly A[], ...[context]: C extends undefined ? [] : [C]): Promise<{ added: string[]; duplicates: string[] }> {
    if (aggregates.length === 0) return { added: [], duplicates: [] };
    const ids = aggregates.map((a) => this.mapping.idOf(a));
    const refused = new Set<number>();
    try {
      await this.collection.insertMany(aggregates.map((a) => this.insertDocument(a, context as C)), { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (list.length === 0 || list.some((e) => e.code !== 11000)) throw err;
      for (const e of list) refused.add(e.index);
    }
    const added = ids.filter((_, i) => !refused.has(i));
    await this.published(added, true);
    return { added, duplicates: ids.filter((_, i) => refused.has(i)) };
  }

  protected fromDocument(doc: AggregateDocument | Document): A {
    const { _id, ...rest } = doc as AggregateDocument;
    for (const key of OUTBOX_FIELDS) delete (rest as Record<string, unknown>)[key];
    for (const key of this.mapping.extraFieldNames ?? []) delete (rest as Record<string, unknown>)[key];
    return this.mapping.fromState({ ...rest, [this.mapping.idField]: _id } as unknown as S);
  }

  async findById(id: string): Promise<A | undefined> {
    const doc = await this.collection.findOne({ _id: id }, WITHOUT_OUTBOX);
    return doc ? this.fromDocument(doc) : undefined;
  }

  protected async findMany(filter: Filter<AggregateDocument>, opts: { sort?: Record<string, 1 | -1>; limit?: number } = {}): Promise<A[]> {
    let cursor = this.collection.find(filter, WITHOUT_OUTBOX);
    if (opts.sort) cursor = cursor.sort(opts.sort);
    if (opts.limit) cursor = cursor.limit(opts.limit);
    return (await cursor.toArray()).map((d) => this.fromDocument(d));
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
