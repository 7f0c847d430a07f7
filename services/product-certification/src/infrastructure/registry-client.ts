// The registry over gRPC (BusinessDirectoryService.GetBusiness) with a deadline on every call: asked
// only when the copy kept from business.* events does not know a business yet.
import * as grpc from '@grpc/grpc-js';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import { BusinessDirectoryServiceClient, type GetBusinessResponse } from '@hangviet/contracts/hangviet/registry/v1/business_directory_service';
import { callUnary, createGrpcClient, type TokenSource } from '@hangviet/service-kit';
import { unavailable } from '@hangviet/service-kit/errors';
import type { KnownBusiness, RegistryClient } from '../application/ports';

export const businessStatusName = (status: BusinessStatus): string => BusinessStatus[status]?.replace(/^BUSINESS_STATUS_/, '') ?? 'UNSPECIFIED';

export class GrpcRegistryClient implements RegistryClient {
  private readonly client: BusinessDirectoryServiceClient;

  /** `token`: this service's identity (host.identity), sent on every call. */
  constructor(address: string, deadlineMs: number, token: TokenSource | undefined) {
    this.client = createGrpcClient(BusinessDirectoryServiceClient, address, { token, deadlineMs, idempotentMethods: ['GetBusiness', 'LookupBusinessByTaxCode'] });
  }

  getBusiness(businessId: string): Promise<KnownBusiness | undefined> {
    return this.ask(() => callUnary(this.client, this.client.getBusiness, { id: businessId }));
  }

  findByTaxCode(taxCode: string): Promise<KnownBusiness | undefined> {
    return this.ask(() => callUnary(this.client, this.client.lookupBusinessByTaxCode, { taxCode }));
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
    const b = res.business;
    if (!b) return undefined;
    return {
      id: b.id,
      status: businessStatusName(b.status),
      name: b.tradeName || b.legalName,
      ...(b.address?.provinceCode ? { provinceCode: b.address.provinceCode } : {}),
      version: Number(b.version),
      updateTime: new Date(),
    };
  }

  close(): void {
    this.client.close();
  }
}
