// The `businesses` collection: one document per business holding its state and its pending events
// (outbox). The directory's search keys live beside it, in `directory_entries` (directory-entries.ts).
// Portable to FerretDB: plain, unique and compound indexes only.
import { Schema, type Connection, type Model } from 'mongoose';
import type { BusinessState } from '../domain/business';

export const BUSINESSES_COLLECTION = 'businesses';

export interface BusinessDocument extends Omit<BusinessState, 'id'> {
  _id: string;
  /**
   * The tax code while this record holds it, else `<taxCode>~released~<id>`: its unique index lets a rejected
   * or withdrawn registration free the code without a partial index (FerretDB has none).
   */
  taxCodeClaim: string;
  outbox?: unknown[];
  outboxPendingSince?: Date;
  outboxLease?: unknown;
  /** Set by every write, cleared once the business's directory entry holds this version (see the sweep). */
  directoryPendingSince?: Date;
}

/** Search keys the business documents carried before `directory_entries`: removed on their next write. */
export const LEGACY_SEARCH_FIELDS = ['searchTokens', 'sortName', 'industryPrefixes'] as const;
/** Their indexes, dropped at start (see migrateTaxCodeClaims). */
const LEGACY_SEARCH_INDEXES = ['searchTokens', 'sortName_id', 'status_sortName_id', 'province_ward', 'industryPrefixes'];

const addressSchema = new Schema(
  { provinceCode: String, provinceName: String, wardCode: String, wardName: String, street: String },
  { _id: false },
);

const businessSchema = new Schema<BusinessDocument>(
  {
    _id: { type: String, required: true },
    taxCode: { type: String, required: true },
    type: { type: String, required: true },
    status: { type: String, required: true },
    statusReason: String,
    legalName: { type: String, required: true },
    tradeName: String,
    englishName: String,
    address: { type: addressSchema, required: true },
    legacyAddress: new Schema({ provinceName: String, districtName: String, wardName: String, wardCode: String, street: String }, { _id: false }),
    industries: [new Schema({ edition: String, code: String, name: String, main: Boolean }, { _id: false })],
    contact: new Schema({ email: String, phone: String }, { _id: false }),
    representative: new Schema({ fullName: String, position: String, email: String, phone: String }, { _id: false }),
    website: String,
    description: String,
    foundingDate: String,
    employeeRange: String,
    preferredLocale: { type: String, required: true },
    ownerSubject: String,
    taxCodeReleased: Boolean,
    taxCodeClaim: { type: String, required: true },
    audit: [Schema.Types.Mixed],
    pendingChange: Schema.Types.Mixed,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: [Schema.Types.Mixed],
    outboxPendingSince: Date,
    outboxLease: Schema.Types.Mixed,
    directoryPendingSince: Date,
  },
  {
    collection: BUSINESSES_COLLECTION,
    versionKey: false,
    // The domain sets createdAt/updatedAt itself; mongoose must not.
    timestamps: false,
    autoIndex: false,
    minimize: true,
  },
);

businessSchema.index({ taxCodeClaim: 1 }, { unique: true, name: 'taxCodeClaim_unique' });
businessSchema.index({ taxCode: 1 }, { name: 'taxCode' });
/** The unique index on taxCode before codes could be freed (issue 12): dropped at start, see migrateTaxCodeClaims. */
export const LEGACY_TAX_CODE_INDEX = 'taxCode_unique';
businessSchema.index({ ownerSubject: 1 }, { name: 'ownerSubject' });
businessSchema.index({ directoryPendingSince: 1 }, { name: 'directoryPendingSince' });

export type BusinessModel = Model<BusinessDocument>;

export function businessModel(connection: Connection): BusinessModel {
  return (connection.models.Business as BusinessModel | undefined) ?? connection.model<BusinessDocument>('Business', businessSchema);
}

/**
 * Before tax codes could be freed, `taxCode` itself was unique: drop that index and give older records their
 * claim (a rejected one releases its code), so the new unique index can be built. Idempotent, run at start.
 */
export async function migrateTaxCodeClaims(model: BusinessModel): Promise<void> {
  const indexes = await model.collection.indexes().catch(() => []);
  if (indexes.some((i) => i.name === LEGACY_TAX_CODE_INDEX)) await model.collection.dropIndex(LEGACY_TAX_CODE_INDEX);
  // The search indexes moved to directory_entries with the search keys: each would cost every write.
  for (const name of LEGACY_SEARCH_INDEXES) if (indexes.some((i) => i.name === name)) await model.collection.dropIndex(name);
  for await (const doc of model.collection.find({ taxCodeClaim: { $exists: false } }, { projection: { _id: 1, taxCode: 1, status: 1 } })) {
    const released = doc.status === 'REJECTED';
    await model.collection.updateOne(
      { _id: doc._id },
      { $set: { taxCodeClaim: released ? `${doc.taxCode}~released~${doc._id}` : doc.taxCode, ...(released ? { taxCodeReleased: true } : {}) } },
    );
  }
}
