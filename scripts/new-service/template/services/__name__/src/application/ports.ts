// What the use cases need from the outside world. One implementation each in infrastructure/; the
// interfaces exist so use cases read without the database and are testable in isolation.
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { {{Aggregate}} } from '../domain/{{aggregate}}';

export interface {{Aggregate}}Repository {
  newId(): string;
  /** Inserts a new {{aggregate}} together with the events it raised (one single-document write). */
  add(aggregate: {{Aggregate}}): Promise<void>;
  findById(id: string): Promise<{{Aggregate}} | undefined>;
}

export interface {{Name}}Deps {
  {{aggregatesCamel}}: {{Aggregate}}Repository;
  /** The directory's businesses (kept from events, the registry asked over gRPC) and who owns each. */
  businesses: KnownBusinesses;
  now: () => Date;
}
