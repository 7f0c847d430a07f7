// The `known_businesses` collection: this service's copy of the directory's business statuses.
import type { Collection, Db } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';

export const KNOWN_BUSINESSES_COLLECTION = 'known_businesses';

export interface KnownBusinessDocument {
  _id: string;
  status: string;
  version: number;
  updateTime: Date;
}

const schema = new Schema<KnownBusinessDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    updateTime: { type: Date, required: true },
  },
  { collection: KNOWN_BUSINESSES_COLLECTION, versionKey: false, timestamps: false, autoIndex: false },
);

schema.index({ status: 1, updateTime: 1 }, { name: 'status_updateTime' });

export type KnownBusinessModel = Model<KnownBusinessDocument>;

export function knownBusinessModel(connection: Connection): KnownBusinessModel {
  return (connection.models.KnownBusiness as KnownBusinessModel | undefined) ?? connection.model<KnownBusinessDocument>('KnownBusiness', schema);
}

/** The same collection through the driver, typed: for the single-document writes that carry the state. */
export function knownBusinessCollection(db: Db): Collection<KnownBusinessDocument> {
  return db.collection<KnownBusinessDocument>(KNOWN_BUSINESSES_COLLECTION);
}
