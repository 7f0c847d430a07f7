// The `sourcing_requests` collection: one document per sourcing-request holding its state and its pending events
// (outbox). Portable to FerretDB: plain, unique and compound indexes only.
import type { OutboxFields } from '@hangviet/events';
import type { Collection, Db } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import type { SourcingRequestState } from '../domain/sourcing-request';

export const SOURCING_REQUEST_COLLECTION = 'sourcing_requests';

export interface SourcingRequestDocument extends OutboxFields, Omit<SourcingRequestState, 'id'> {
  _id: string;
}

const schema = new Schema<SourcingRequestDocument>(
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
  { collection: SOURCING_REQUEST_COLLECTION, versionKey: false, timestamps: false, autoIndex: false },
);

schema.index({ businessId: 1, createTime: 1 }, { name: 'businessId_createTime' });

export type SourcingRequestModel = Model<SourcingRequestDocument>;

export function sourcingRequestModel(connection: Connection): SourcingRequestModel {
  return (connection.models.SourcingRequest as SourcingRequestModel | undefined) ?? connection.model<SourcingRequestDocument>('SourcingRequest', schema);
}

/** The same collection through the driver, typed: for the single-document writes that carry the state. */
export function sourcingRequestCollection(db: Db): Collection<SourcingRequestDocument> {
  return db.collection<SourcingRequestDocument>(SOURCING_REQUEST_COLLECTION);
}
