// Registration certificates, one document per business (_id = business id): a replace is one atomic write.
import { Binary, type Collection, type Db } from 'mongodb';
import type { EvidenceStore } from '../application/ports';
import type { EvidenceDocument, EvidenceMediaType } from '../domain/evidence';

interface EvidenceRecord {
  _id: string;
  mediaType: EvidenceMediaType;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadTime: Date;
  content: Binary;
}

export class MongoEvidenceStore implements EvidenceStore {
  private readonly collection: Collection<EvidenceRecord>;

  constructor(db: Db) {
    this.collection = db.collection<EvidenceRecord>('registration_evidence');
  }

  async put(doc: EvidenceDocument): Promise<void> {
    const { businessId, content, ...rest } = doc;
    await this.collection.replaceOne({ _id: businessId }, { ...rest, content: new Binary(content) }, { upsert: true });
  }

  async get(businessId: string): Promise<EvidenceDocument | undefined> {
    const r = await this.collection.findOne({ _id: businessId });
    if (!r) return undefined;
    return { businessId, mediaType: r.mediaType, sha256: r.sha256, sizeBytes: r.sizeBytes, uploadedBy: r.uploadedBy, uploadTime: r.uploadTime, content: Buffer.from(r.content.buffer) };
  }

  async has(businessId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: businessId }, { limit: 1 })) > 0;
  }
}
