// The `certificate_badges` collection: one document per certificate, keyed by its number and guarded
// by the certificate's version, so a redelivered or reordered certificate.* event is a no-op.
import { isDuplicateKey } from '@hangviet/service-kit';
import type { Collection, Db } from 'mongodb';
import { IN_FORCE, type BadgeScheme, type CertificateBadge, type CertificateBadges } from '../application/certificate-badges';

interface BadgeDocument extends Omit<CertificateBadge, 'number'> {
  _id: string;
  businessId: string;
  version: number;
}

export class MongoCertificateBadges implements CertificateBadges {
  private readonly collection: Collection<BadgeDocument>;

  constructor(db: Db) {
    this.collection = db.collection<BadgeDocument>('certificate_badges');
  }

  async createIndexes(): Promise<void> {
    await this.collection.createIndex({ businessId: 1, status: 1 }, { name: 'businessId_status' });
    await this.collection.createIndex({ scheme: 1, status: 1, stars: 1 }, { name: 'scheme_status_stars' });
  }

  async record({ number, ...rest }: CertificateBadge & { businessId: string; version: number }): Promise<'recorded' | 'stale'> {
    try {
      await this.collection.updateOne({ _id: number, version: { $lt: rest.version } }, { $set: rest }, { upsert: true });
      return 'recorded';
    } catch (err) {
      if (isDuplicateKey(err)) return 'stale';
      throw err;
    }
  }

  async ofBusiness(businessId: string): Promise<CertificateBadge[]> {
    const docs = await this.collection.find({ businessId, status: { $in: IN_FORCE } }).toArray();
    return docs
      .map(({ _id, businessId: _b, version: _v, ...badge }) => ({ number: _id, ...badge }))
      .sort((a, b) => b.stars - a.stars || a.scheme.localeCompare(b.scheme));
  }

  async businessIdsWith(filter: { scheme?: BadgeScheme; minStars?: number }): Promise<string[]> {
    const query: Record<string, unknown> = { status: { $in: IN_FORCE } };
    if (filter.scheme) query.scheme = filter.scheme;
    if (filter.minStars) query.stars = { $gte: filter.minStars };
    return (await this.collection.distinct('businessId', query)) as string[];
  }
}
