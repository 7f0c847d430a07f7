// The service's collections: their indexes (declared with mongoose, created at start-up) and typed
// driver handles. Portable to FerretDB: plain, unique and compound indexes only (no TTL, text, partial).
import type { AggregateDocument } from '@hangviet/events';
import type { Db } from 'mongodb';
import { Schema, type Connection } from 'mongoose';

/** A stored aggregate: its state (Dates as Dates), `_id` for its id, and its pending events (the shared store's shape). */
export type { AggregateDocument };

export interface StoredFileDocument {
  _id: string;
  owner: string;
  fileName: string;
  contentType: string;
  size: number;
  bytes: Buffer;
  createTime: Date;
}

export interface CounterDocument {
  _id: string;
  seq: number;
}

const loose = (collection: string) => new Schema({ _id: String }, { collection, strict: false, versionKey: false, autoIndex: false });

const SCHEMAS = {
  products: loose('products').index({ businessId: 1, createTime: -1, _id: -1 }).index({ status: 1, createTime: -1, _id: -1 }),
  applications: loose('applications')
    .index({ businessId: 1, createTime: -1, _id: -1 })
    .index({ status: 1, createTime: -1, _id: -1 })
    .index({ productId: 1, 'round.year': 1, 'round.number': 1 }),
  certificates: loose('certificates').index({ businessId: 1, issueTime: -1, _id: -1 }).index({ status: 1, validUntil: 1 }).index({ applicationId: 1 }),
  reports: loose('reports').index({ status: 1, createTime: -1, _id: -1 }).index({ createTime: -1, _id: -1 }),
  stored_files: loose('stored_files').index({ owner: 1 }),
  counters: loose('counters'),
};

export async function createIndexes(connection: Connection): Promise<void> {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const model = connection.models[name] ?? connection.model(name, schema);
    await model.createIndexes();
  }
}

export function collections(db: Db) {
  return {
    products: db.collection<AggregateDocument>('products'),
    applications: db.collection<AggregateDocument>('applications'),
    certificates: db.collection<AggregateDocument>('certificates'),
    reports: db.collection<AggregateDocument>('reports'),
    storedFiles: db.collection<StoredFileDocument>('stored_files'),
    counters: db.collection<CounterDocument>('counters'),
  };
}
export type Collections = ReturnType<typeof collections>;
