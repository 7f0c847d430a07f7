// The sourcing-request aggregate: its state, the rules of opening one, and the events it raises. Pure: no
// I/O, no framework; the repository stores the state and its events in one single-document write.
import { invalid, type FieldError } from '@hangviet/service-kit/errors';

export type SourcingRequestStatus = 'OPEN';

export interface SourcingRequestState {
  id: string;
  businessId: string;
  title: string;
  status: SourcingRequestStatus;
  createTime: Date;
  /** Grows by one with every change; a write succeeds only against the version it was loaded at. */
  version: number;
}

export interface Actor {
  subject: string;
}

/** What happened to a sourcing-request; each becomes one outbox entry (hangviet.sourcing.sourcing_request.created.v1). */
export type SourcingRequestEvent = { kind: 'created'; actor: Actor; occurredAt: Date };

export const TITLE_MAX = 200;

/** The businesses a sourcing-request may be opened for, by their directory status. */
export const OPENING_STATUSES: readonly string[] = ['ACTIVE'];

export class SourcingRequest {
  private readonly raised: SourcingRequestEvent[] = [];

  private constructor(
    private current: SourcingRequestState,
    /** The version it was loaded at (0 for a new one). */
    readonly loadedVersion: number,
  ) {}

  static fromState(state: SourcingRequestState): SourcingRequest {
    return new SourcingRequest(state, state.version);
  }

  /** Opens a sourcing-request for an ACTIVE business; the title is trimmed and 1–200 characters. */
  static open(input: { id: string; businessId: string; businessStatus: string | undefined; title: string; actor: Actor; now: Date }): SourcingRequest {
    const title = input.title.trim();
    const errors: FieldError[] = [];
    if (title === '') errors.push({ field: 'title', code: 'REQUIRED', message: 'title must not be empty' });
    if (title.length > TITLE_MAX) errors.push({ field: 'title', code: 'TOO_LONG', message: `title must be at most ${TITLE_MAX} characters` });
    if (errors.length > 0) throw invalid(errors);
    if (input.businessStatus === undefined || !OPENING_STATUSES.includes(input.businessStatus)) {
      throw invalid([{ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE', message: `business ${input.businessId} is not an active business of the directory` }]);
    }
    const aggregate = new SourcingRequest({ id: input.id, businessId: input.businessId, title, status: 'OPEN', createTime: input.now, version: 1 }, 0);
    aggregate.raised.push({ kind: 'created', actor: input.actor, occurredAt: input.now });
    return aggregate;
  }

  get id(): string {
    return this.current.id;
  }

  get state(): Readonly<SourcingRequestState> {
    return this.current;
  }

  /** The events raised since it was loaded, oldest first. */
  get events(): readonly SourcingRequestEvent[] {
    return this.raised;
  }
}
