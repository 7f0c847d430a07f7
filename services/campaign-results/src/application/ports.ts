// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { Submission } from '../domain/submission';

export interface SubmissionRepository {
  newId(): string;
  /** Inserts a new submission together with the events it raised (one single-document write). */
  add(aggregate: Submission): Promise<void>;
  findById(id: string): Promise<Submission | undefined>;
}

export interface CampaignResultsDeps {
  submissions: SubmissionRepository;
  /** The directory's businesses (kept from events, the registry asked over gRPC) and who owns each. */
  businesses: KnownBusinesses;
  now: () => Date;
}
