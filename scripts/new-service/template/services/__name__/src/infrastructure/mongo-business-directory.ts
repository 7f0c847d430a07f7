// This service's copy of the directory's business statuses, kept from hangviet.registry.business.*
// events. Keyed by business id and guarded by the directory's version, so a redelivered or reordered
// event is a no-op.
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { Collection } from 'mongodb';
import type { BusinessDirectory, KnownBusiness } from '../application/ports';
import type { KnownBusinessDocument } from './known-business-model';

export class MongoBusinessDirectory implements BusinessDirectory {
  /** The collection of known-business-model.ts (schema and indexes there), through the driver. */
  constructor(private readonly collection: Collection<KnownBusinessDocument>) {}

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
