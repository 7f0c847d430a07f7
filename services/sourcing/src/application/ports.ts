// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { SourcingRequest } from '../domain/sourcing-request';

export interface SourcingRequestRepository {
  newId(): string;
  /** Inserts a new sourcing-request together with the events it raised (one single-document write). */
  add(aggregate: SourcingRequest): Promise<void>;
  findById(id: string): Promise<SourcingRequest | undefined>;
}

export interface SourcingDeps {
  sourcingRequests: SourcingRequestRepository;
  /** The directory's businesses (kept from events, the registry asked over gRPC) and who owns each. */
  businesses: KnownBusinesses;
  now: () => Date;
}
