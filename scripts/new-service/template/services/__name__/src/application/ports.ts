// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { {{Aggregate}} } from '../domain/{{aggregate}}';

export interface {{Aggregate}}Repository {
  newId(): string;
  /** Inserts a new {{aggregate}} together with the events it raised (one single-document write). */
  add(aggregate: {{Aggregate}}): Promise<void>;
  findById(id: string): Promise<{{Aggregate}} | undefined>;
}

/** A business as the directory last told us (hangviet.registry.business.* events). */
export interface KnownBusiness {
  id: string;
  status: string;
  /** The business's aggregate version in the directory: an older event never overwrites a newer one. */
  version: number;
  updateTime: Date;
}

/** This service's own copy of the directory's business statuses, kept from events. */
export interface BusinessDirectory {
  statusOf(businessId: string): Promise<string | undefined>;
  /** Records the business unless what is stored is as new or newer; says which. */
  record(business: KnownBusiness): Promise<'recorded' | 'stale'>;
  /** Forgets businesses dissolved before `before`; how many. */
  forgetDissolved(before: Date): Promise<number>;
}

export interface {{Name}}Deps {
  {{aggregatesCamel}}: {{Aggregate}}Repository;
  businesses: BusinessDirectory;
  now: () => Date;
}
