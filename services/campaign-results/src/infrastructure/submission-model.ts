// The `submissions` collection: one document per submission holding its state, its audit history and its
// pending events (outbox). Portable to FerretDB: plain, unique and compound indexes only.
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
    indicatorCode: { type: String, required: true },
    value: { type: Number, required: true },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    provinceCode: { type: String, required: true },
    wardCode: { type: String, default: '' },
    unitName: { type: String, required: true },
    evidence: [Schema.Types.Mixed],
    status: { type: String, required: true },
    returnReason: { type: String, default: '' },
    submitterSubject: { type: String, required: true },
    createTime: { type: Date, required: true },
    updateTime: { type: Date, required: true },
    history: [Schema.Types.Mixed],
    version: { type: Number, required: true },
    outbox: [Schema.Types.Mixed],
    outboxPendingSince: Date,
  },
  // The domain sets its own times and versions; indexes are created at start-up, not on first use.
  { collection: SUBMISSION_COLLECTION, versionKey: false, timestamps: false, autoIndex: false },
);

schema.index({ status: 1, createTime: -1, _id: -1 }, { name: 'status_createTime' });
schema.index({ createTime: -1, _id: -1 }, { name: 'createTime' });

export type SubmissionModel = Model<SubmissionDocument>;

export function submissionModel(connection: Connection): SubmissionModel {
  return (connection.models.Submission as SubmissionModel | undefined) ?? connection.model<SubmissionDocument>('Submission', schema);
}

/** The same collection through the driver, typed: for the single-document writes that carry the state. */
export function submissionCollection(db: Db): Collection<SubmissionDocument> {
  return db.collection<SubmissionDocument>(SUBMISSION_COLLECTION);
}
