// The registry over gRPC (BusinessDirectoryService), with a deadline on every call: asked when the copy does
// not know a business, or must say who owns one that is not ACTIVE.
import * as grpc from '@grpc/grpc-js';
import { BusinessDirectoryServiceClient, type GetBusinessResponse } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { callUnary, createGrpcClient, unavailable, type TokenSource } from '@hangviet/service-kit';
import { fromBusiness, type BusinessRegistry, type KnownBusiness } from './known-business';

export class GrpcBusinessRegistry implements BusinessRegistry {
  private readonly client: BusinessDirectoryServiceClient;

  /** `token`: this service's identity (host.identity), sent on every call. */
  constructor(address: string, deadlineMs: number, token: TokenSource | undefined, private readonly now: () => Date = () => new Date()) {
    this.client = createGrpcClient(BusinessDirectoryServiceClient, address, { token, deadlineMs, idempotentMethods: ['GetBusiness', 'LookupBusinessByTaxCode'] });
  }

  getBusiness(businessId: string): Promise<KnownBusiness | undefined> {
    return this.ask(() => callUnary(this.client, this.client.getBusiness, { id: businessId }));
  }

  findByTaxCode(taxCode: string): Promise<KnownBusiness | undefined> {
    return this.ask(() => callUnary(this.client, this.client.lookupBusinessByTaxCode, { taxCode }));
  }

  close(): void {
    this.client.close();
  }

  private async ask(call: () => Promise<GetBusinessResponse>): Promise<KnownBusiness | undefined> {
    let res: GetBusinessResponse;
    try {
      res = await call();
    } catch (err) {
      const code = (err as grpc.ServiceError).code;
      if (code === grpc.status.NOT_FOUND || code === grpc.status.INVALID_ARGUMENT) return undefined;
      throw unavailable('REGISTRY_UNAVAILABLE', 'The business registry did not answer in time; try again.');
    }
    return res.business ? fromBusiness(res.business, this.now()) : undefined;
  }
}
