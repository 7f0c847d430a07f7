// This service's copy of the directory's businesses (hangviet.registry.business.* events), keyed by id
// and guarded by the directory's version so a redelivered or reordered event is a no-op; a business the
// copy does not know yet (its event still on the way) is asked of the registry over gRPC, with a deadline.
import * as grpc from '@grpc/grpc-js';
import { BusinessStatus, type Business } from '@hangviet/contracts/hangviet/registry/v1/business';
import type { BusinessDirectoryServiceClient } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { callUnary } from '@hangviet/service-kit';
import { unavailable } from '@hangviet/service-kit/errors';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import type { BusinessDirectory, KnownBusiness } from '../application/ports';
import type { Collections } from './models';

/** The main industry's code: the one marked main, else the first listed. */
const mainIndustryOf = (b: Business): string | undefined => (b.industries.find((i) => i.main) ?? b.industries[0])?.code || undefined;

export const statusName = (status: BusinessStatus): string => BusinessStatus[status]?.replace(/^BUSINESS_STATUS_/, '') ?? 'UNSPECIFIED';

export class MongoBusinessDirectory implements BusinessDirectory {
  constructor(private readonly c: Collections, private readonly registry?: BusinessDirectoryServiceClient) {}

  async find(businessId: string): Promise<KnownBusiness | undefined> {
    const doc = await this.c.businesses.findOne({ _id: businessId });
    if (doc) return { id: doc._id, name: doc.name, status: doc.status, provinceCode: doc.provinceCode, ...(doc.mainIndustryCode ? { mainIndustryCode: doc.mainIndustryCode } : {}), version: doc.version, updateTime: doc.updateTime };
    if (!this.registry) return undefined;
    const business = await this.ask(businessId);
    if (!business) return undefined;
    const known = { id: business.id, name: business.tradeName || business.legalName, status: statusName(business.status), provinceCode: business.address?.provinceCode ?? '', ...(mainIndustryOf(business) ? { mainIndustryCode: mainIndustryOf(business)! } : {}), version: Number(business.version ?? 0), updateTime: new Date() };
    await this.record(known);
    return known;
  }

  private async ask(id: string): Promise<Business | undefined> {
    try {
      return (await callUnary(this.registry!, this.registry!.getBusiness, { id })).business;
    } catch (err) {
      const code = (err as grpc.ServiceError).code;
      if (code === grpc.status.NOT_FOUND || code === grpc.status.INVALID_ARGUMENT) return undefined;
      throw unavailable('REGISTRY_UNAVAILABLE', 'The business directory did not answer in time; try again.');
    }
  }

  async record({ id, name, status, provinceCode, mainIndustryCode, version, updateTime }: KnownBusiness): Promise<'recorded' | 'stale'> {
    try {
      // Matches only an older version; when the stored one is as new or newer, the upsert's insert
      // collides with it on _id: that is the "stale" answer, not an error.
      await this.c.businesses.updateOne({ _id: id, version: { $lt: version } }, { $set: { name, status, provinceCode, ...(mainIndustryCode ? { mainIndustryCode } : {}), version, updateTime } }, { upsert: true });
      return 'recorded';
    } catch (err) {
      if (isDuplicateKey(err)) return 'stale';
      throw err;
    }
  }

  async forgetDissolved(before: Date): Promise<number> {
    return (await this.c.businesses.deleteMany({ status: 'DISSOLVED', updateTime: { $lt: before } })).deletedCount;
  }
}
