// Partner scope grants, one document per partner organisation (_id = partner id), read through a short cache:
// the fan-out asks for every partner-owned endpoint of every event.
import type { Collection, Db } from 'mongodb';
import type { PartnerScope } from '@hangviet/events';
import type { PartnerGrant, PartnerGrants } from '../application/partner-scopes';

interface GrantRecord {
  _id: string;
  scopes: PartnerScope[];
  updatedBy: string;
  updateTime: Date;
}

export function createPartnerGrants(db: Db, cacheMs = 1000): PartnerGrants {
  const collection: Collection<GrantRecord> = db.collection<GrantRecord>('partner_grants');
  const cache = new Map<string, { at: number; grant: PartnerGrant | undefined }>();
  return {
    async get(partnerId) {
      const hit = cache.get(partnerId);
      if (hit && Date.now() - hit.at < cacheMs) return hit.grant;
      const r = await collection.findOne({ _id: partnerId });
      const grant = r ? { partnerId, scopes: r.scopes, updatedBy: r.updatedBy, updateTime: r.updateTime } : undefined;
      cache.set(partnerId, { at: Date.now(), grant });
      return grant;
    },
    async set(grant) {
      await collection.replaceOne({ _id: grant.partnerId }, { scopes: grant.scopes, updatedBy: grant.updatedBy, updateTime: grant.updateTime }, { upsert: true });
      cache.delete(grant.partnerId);
    },
  };
}
