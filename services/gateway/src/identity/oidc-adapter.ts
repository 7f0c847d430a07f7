// oidc-provider's storage (sessions, interactions, codes, grants…) in the gateway's database. No TTL
// indexes on FerretDB: each record carries expiresAt and is treated as absent once past it; the
// identity-records sweep job deletes expired ones.
import { defineJob, type DefinedJob } from '@hangviet/jobs';
import type { Db } from 'mongodb';

interface StoredRecord {
  _id: string;
  payload: Record<string, unknown>;
  expiresAt?: Date;
  uid?: string;
  userCode?: string;
  grantId?: string;
  /** Whose session, grant, code or token this is: a password reset ends them all. */
  accountId?: string;
  consumed?: number;
}

export interface OidcAdapter {
  upsert(id: string, payload: Record<string, unknown>, expiresIn?: number): Promise<void>;
  find(id: string): Promise<Record<string, unknown> | undefined>;
  findByUid(uid: string): Promise<Record<string, unknown> | undefined>;
  findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

export const OIDC_COLLECTION = 'oidc_records';

/** An oidc-provider adapter class (AdapterConstructor) over one collection. */
export function mongoAdapterFactory(db: Db): new (model: string) => OidcAdapter {
  const records = db.collection<StoredRecord>(OIDC_COLLECTION);
  const live = (r: StoredRecord | null) => (r && (!r.expiresAt || r.expiresAt.getTime() > Date.now()) ? r : undefined);
  const payloadOf = (r: StoredRecord | undefined) => (r ? { ...r.payload, ...(r.consumed ? { consumed: r.consumed } : {}) } : undefined);

  return class MongoAdapter {
    constructor(readonly model: string) {}
    key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      const record: Omit<StoredRecord, '_id'> = { payload };
      if (expiresIn) record.expiresAt = new Date(Date.now() + expiresIn * 1000);
      if (typeof payload.uid === 'string') record.uid = `${this.model}:${payload.uid}`;
      if (typeof payload.userCode === 'string') record.userCode = `${this.model}:${payload.userCode}`;
      if (typeof payload.grantId === 'string') record.grantId = payload.grantId;
      if (typeof payload.accountId === 'string') record.accountId = payload.accountId;
      await records.replaceOne({ _id: this.key(id) }, record, { upsert: true });
    }
    async find(id: string) {
      return payloadOf(live(await records.findOne({ _id: this.key(id) })));
    }
    async findByUid(uid: string) {
      return payloadOf(live(await records.findOne({ uid: `${this.model}:${uid}` })));
    }
    async findByUserCode(userCode: string) {
      return payloadOf(live(await records.findOne({ userCode: `${this.model}:${userCode}` })));
    }
    async consume(id: string) {
      await records.updateOne({ _id: this.key(id) }, { $set: { consumed: Math.floor(Date.now() / 1000) } });
    }
    async destroy(id: string) {
      await records.deleteOne({ _id: this.key(id) });
    }
    async revokeByGrantId(grantId: string) {
      await records.deleteMany({ grantId });
    }
  };
}

export async function ensureOidcIndexes(db: Db): Promise<void> {
  const records = db.collection(OIDC_COLLECTION);
  await records.createIndex({ uid: 1 }, { name: 'uid' });
  await records.createIndex({ grantId: 1 }, { name: 'grantId' });
  await records.createIndex({ accountId: 1 }, { name: 'accountId' });
  await records.createIndex({ expiresAt: 1 }, { name: 'expiresAt' });
}

/** Ends every session, grant, code and token of an account (after a password reset). */
export async function revokeAccountRecords(db: Db, accountId: string): Promise<void> {
  await db.collection<StoredRecord>(OIDC_COLLECTION).deleteMany({ accountId });
}

/** Deletes OIDC records past their expiry (FerretDB has no TTL index); one instance at a time. */
export function oidcRecordsSweep(db: Db, every: number): DefinedJob {
  return defineJob({
    name: 'oidc-records-sweep',
    schedule: { every },
    run: async () => {
      await db.collection(OIDC_COLLECTION).deleteMany({ expiresAt: { $lt: new Date() } });
    },
  });
}
