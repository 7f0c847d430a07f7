// The `{{aggregatePlural}}` collection: one document per {{aggregate}} holding its state and its pending events
// (outbox). Portable to FerretDB: plain, unique and compound indexes only.
import type { OutboxFields } from '@hangviet/events';
import type { Collection, Db } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import type { {{Aggregate}}State } from '../domain/{{aggregate}}';

export const {{AGGREGATE}}_COLLECTION = '{{aggregatePlural}}';

export interface {{Aggregate}}Document extends OutboxFields, Omit<{{Aggregate}}State, 'id'> {
  _id: string;
}

const schema = new Schema<{{Aggregate}}Document>(
  {
    _id: { type: String, required: true },
    businessId: { type: String, required: true },
    title: { type: String, required: true },
    status: { type: String, required: true },
    createTime: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: [Schema.Types.Mixed],
    outboxPendingSince: Date,
  },
  // The domain sets its own times and versions; indexes are created at start-up, not on first use.
  { collection: {{AGGREGATE}}_COLLECTION, versionKey: false, timestamps: false, autoIndex: false },
);

schema.index({ businessId: 1, createTime: 1 }, { name: 'businessId_createTime' });

export type {{Aggregate}}Model = Model<{{Aggregate}}Document>;

export function {{aggregateCamel}}Model(connection: Connection): {{Aggregate}}Model {
  return (connection.models.{{Aggregate}} as {{Aggregate}}Model | undefined) ?? connection.model<{{Aggregate}}Document>('{{Aggregate}}', schema);
}

/** The same collection through the driver, typed: for the single-document writes that carry the state. */
export function {{aggregateCamel}}Collection(db: Db): Collection<{{Aggregate}}Document> {
  return db.collection<{{Aggregate}}Document>({{AGGREGATE}}_COLLECTION);
}
