// This service's copy of the directory's business statuses (collection known_businesses), kept from
// hangviet.registry.business.* events. Keyed by business id and guarded by the directory's version, so
// a redelivered or reordered event is a no-op.
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Collection, Db } from 'mongodb';
import type { BusinessDirectory, KnownBusiness } from '../application/ports';

interface KnownBusinessDocument {
  _id: string;
  status: string;
  version: number;
  updateTime: Date;
}

export class MongoBusinessDirectory implements BusinessDirectory {
  private readonly collection: Collection<KnownBusinessDocument>;

  constructor(db: Db) {
    this.collection = db.collection<KnownBusinessDocument>('known_businesses');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, updateTime: 1 });
  }

  async statusOf(businessId: string): Promise<string | undefined> {
    return (await this.collection.findOne({ _id: businessId }))?.status;
  }

  async record({ id, status, version, updateTime }: KnownBusiness): Promise<'recorded' | 'stale'> {
    try {
      // Matches only an older version; when the stored one is as new or newer, the upsert's insert
      // collides with it on _id: that is the "stale" answer, not an error.
      await this.collection.updateOne({ _id: id, version: { $lt: version } }, { $set: { status, version, updateTime } }, { upsert: true });
      return 'recorded';
    } catch (err) {
      if (isDuplicateKey(err)) return 'stale';
      throw err;
    }
  }

  async forgetDissolved(before: Date): Promise<number> {
    return (await this.collection.deleteMany({ status: 'DISSOLVED', updateTime: { $lt: before } })).deletedCount;
  }
}
