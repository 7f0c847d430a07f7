// The copy in the service's own database: one collection, `known_businesses`, keyed by the business id and
// guarded by the directory's version, so a redelivered or reordered event (or a late gRPC answer) is a no-op.
import { isDuplicateKey } from '@hangviet/service-kit';
import type { Collection, Db } from 'mongodb';
import type { KnownBusiness, KnownBusinessStore } from './known-business';

export const KNOWN_BUSINESSES_COLLECTION = 'known_businesses';

export interface KnownBusinessDocument {
  _id: string;
  name: string;
  status: string;
  provinceCode?: string;
  mainIndustryCode?: string;
  ownerSubject?: string;
  version: number;
  updateTime: Date;
}

export class MongoKnownBusinessStore implements KnownBusinessStore {
  private readonly c: Collection<KnownBusinessDocument>;

  constructor(db: Db) {
    this.c = db.collection<KnownBusinessDocument>(KNOWN_BUSINESSES_COLLECTION);
  }

  /** The clean-up job's index (dissolved, oldest first). */
  async ensureIndexes(): Promise<void> {
    await this.c.createIndex({ status: 1, updateTime: 1 }, { name: 'status_updateTime' });
  }

  async find(businessId: string): Promise<KnownBusiness | undefined> {
    const doc = await this.c.findOne({ _id: businessId });
    return doc ? fromDocument(doc) : undefined;
  }

  async findMany(businessIds: readonly string[]): Promise<Map<string, KnownBusiness>> {
    const docs = await this.c.find({ _id: { $in: [...new Set(businessIds)] } }).toArray();
    return new Map(docs.map((doc) => [doc._id, fromDocument(doc)]));
  }

  async record({ id, ...rest }: KnownBusiness): Promise<'recorded' | 'stale'> {
    try {
      // Matches only an older version; when the stored one is as new or newer, the upsert's insert collides
      // with it on _id: that is the "stale" answer, not an error.
      await this.c.updateOne({ _id: id, version: { $lt: rest.version } }, { $set: rest }, { upsert: true });
      return 'recorded';
    } catch (err) {
      if (isDuplicateKey(err)) return 'stale';
      throw err;
    }
  }

  async forgetDissolved(before: Date): Promise<number> {
    return (await this.c.deleteMany({ status: 'DISSOLVED', updateTime: { $lt: before } })).deletedCount;
  }
}

function fromDocument(doc: KnownBusinessDocument): KnownBusiness {
  const known: KnownBusiness = { id: doc._id, name: doc.name, status: doc.status, provinceCode: doc.provinceCode ?? '', version: doc.version, updateTime: doc.updateTime };
  if (doc.mainIndustryCode) known.mainIndustryCode = doc.mainIndustryCode;
  if (doc.ownerSubject !== undefined) known.ownerSubject = doc.ownerSubject;
  return known;
}
