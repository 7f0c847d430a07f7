// The one aggregate base: state behind a read-only getter, the version it was loaded at (the store's
// guard), and the events it raised since (the store's outbox entries). Pure: no I/O, no Kafka; a domain
// imports it from '@hangviet/events/aggregate' without loading the messaging mechanism.

/** What every aggregate's state carries: its id and the version the store guards writes with. */
export interface AggregateState {
  id: string;
  version: number;
}

export abstract class Aggregate<S extends AggregateState, E> {
  private readonly raised: E[] = [];

  /** `loadedVersion` is 0 for an aggregate not stored yet. */
  protected constructor(
    private current: S,
    readonly loadedVersion: number,
  ) {}

  get id(): string {
    return this.current.id;
  }
  get state(): Readonly<S> {
    return this.current;
  }
  /** The events raised since it was loaded, oldest first: the store writes them as outbox entries. */
  get events(): readonly E[] {
    return this.raised;
  }

  /** Replaces the state (the caller moves the version) and records the events the change raised. */
  protected apply(next: S, ...events: E[]): void {
    this.current = next;
    this.raised.push(...events);
  }

  protected raise(...events: E[]): void {
    this.raised.push(...events);
  }
}
