// Accounts of the built-in identity service, in the gateway's own database. No TTL index (FerretDB):
// verification and reset tokens carry their expiry and are checked on use.
import mongoose, { Schema, type Connection } from 'mongoose';

export interface AccountDocument {
  _id: string;
  email: string;
  name: string;
  passwordHash: string;
  emailVerified: boolean;
  roles: ('enterprise' | 'staff' | 'admin' | 'partner')[];
  /** A partner organisation's user (invited by staff): the `partner_id` claim. */
  partnerId?: string;
  /** Allocated at sign-up for an enterprise account; the registry registers the business under it. */
  businessId?: string;
  locale: 'vi' | 'en';
  /** When the password was last reset: sign-in attempts under the old one stop counting. */
  passwordChangedAt?: Date;
  verifyTokenHash?: string;
  verifyExpires?: Date;
  resetTokenHash?: string;
  resetExpires?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const accountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, default: '' },
    passwordHash: { type: String, required: true },
    emailVerified: { type: Boolean, default: false },
    roles: { type: [String], required: true },
    businessId: String,
    partnerId: String,
    locale: { type: String, default: 'vi' },
    passwordChangedAt: Date,
    verifyTokenHash: String,
    verifyExpires: Date,
    resetTokenHash: String,
    resetExpires: Date,
  },
  { collection: 'accounts', timestamps: true, versionKey: false },
);
accountSchema.index({ email: 1 }, { unique: true, name: 'email' });
accountSchema.index({ verifyTokenHash: 1 }, { name: 'verifyTokenHash' });
accountSchema.index({ resetTokenHash: 1 }, { name: 'resetTokenHash' });

export function accountModel(connection: Connection): mongoose.Model<AccountDocument> {
  return (connection.models.Account as mongoose.Model<AccountDocument> | undefined) ?? connection.model<AccountDocument>('Account', accountSchema);
}

export interface ApiKeyDocument {
  _id: string;
  /** sha256 of the key: the key itself is shown once and never stored. */
  keyHash: string;
  partnerId: string;
  name: string;
  createdBy: string;
  revoked: boolean;
  createdAt: Date;
}

const apiKeySchema = new Schema<ApiKeyDocument>(
  {
    _id: { type: String, required: true },
    keyHash: { type: String, required: true },
    partnerId: { type: String, required: true },
    name: { type: String, default: '' },
    createdBy: { type: String, required: true },
    revoked: { type: Boolean, default: false },
  },
  { collection: 'api_keys', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
apiKeySchema.index({ keyHash: 1 }, { unique: true, name: 'keyHash' });

export function apiKeyModel(connection: Connection): mongoose.Model<ApiKeyDocument> {
  return (connection.models.ApiKey as mongoose.Model<ApiKeyDocument> | undefined) ?? connection.model<ApiKeyDocument>('ApiKey', apiKeySchema);
}
