// The trade-fair's fairs as this service needs them (is there such a fair, and may meetings be held at it?),
// copied from the fair.* events. Idempotent: guarded by the fair's version; an older or redelivered event changes nothing.
import type { Collection } from 'mongodb';
import type { FairDirectory, KnownFair } from '../application/ports';

export interface FairDocument {
  _id: string;
  name: string;
  status: string;
  version: number;
  updateTime: Date;
}

export class MongoFairs implements FairDirectory {
  constructor(private readonly fairs: Collection<FairDocument>) {}

  async find(fairId: string): Promise<KnownFair | undefined> {
    const doc = await this.fairs.findOne({ _id: fairId });
    return doc ? { id: doc._id, name: doc.name, status: doc.status, version: doc.version } : undefined;
  }

  async record(fair: KnownFair, time: Date): Promise<'recorded' | 'stale'> {
    const facts = { name: fair.name, status: fair.status, version: fair.version, updateTime: time };
    try {
      const result = await this.fairs.updateOne({ _id: fair.id, version: { $lt: fair.version } }, { $set: facts }, { upsert: true });
      return result.modifiedCount + result.upsertedCount > 0 ? 'recorded' : 'stale';
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return 'stale'; // a newer version is stored: the upsert met its _id
      throw err;
    }
  }
}
