// The `submissions` collection: one document per submission holding its state and its pending events
// (outbox). Portable to FerretDB: plain, unique and compound indexes only.
import type { OutboxFields } from '@hangviet/events';
import type { Collection, Db } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import type { SubmissionState } from '../domain/submission';

export const SUBMISSION_COLLECTION = 'submissions';

export interface SubmissionDocument extends OutboxFields, Omit<SubmissionState, 'id'> {
  _id: string;
}

const schema = new Schema<SubmissionDocument>(
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
  { collection: SUBMISSION_COLLECTION, versionKey: false, timestamps: false, autoIndex: false },
);

schema.index({ businessId: 1, createTime: 1 }, { name: 'businessId_createTime' });

export type SubmissionModel = Model<SubmissionDocument>;

export function submissionModel(connection: Connection): SubmissionModel {
  return (connection.models.Submission as SubmissionModel | undefined) ?? connection.model<SubmissionDocument>('Submission', schema);
}

/** The same collection through the driver, typed: for the single-document writes that carry the state. */
export function submissionCollection(db: Db): Collection<SubmissionDocument> {
  return db.collection<SubmissionDocument>(SUBMISSION_COLLECTION);
}
