// Sourcing requests on the one aggregate store: each write one single-document update carrying the state
// (responses included) and its events. `responders` is stored beside the state for the supplier's list.
import { MongoAggregateStore, type AfterWrite, type AggregateDocument } from '@hangviet/events';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { Collection, Filter } from 'mongodb';
import type { SourcingRequestRepository } from '../application/ports';
import { SourcingRequest, type SourcingRequestState, type SourcingRequestStatus } from '../domain/sourcing-request';
import { requestOutbox } from './proto-mapping';

export class MongoSourcingRequests extends MongoAggregateStore<SourcingRequest, SourcingRequestState> implements SourcingRequestRepository {
  constructor(collection: Collection<AggregateDocument>, publisher: AfterWrite) {
    super(collection, {
      idOf: (r) => r.id,
      stateOf: (r) => r.state,
      loadedVersion: (r) => r.loadedVersion,
      idField: 'id',
      fromState: (s) => SourcingRequest.fromState(s),
      outboxOf: (r) => requestOutbox(r),
      extraFields: (r) => ({ responders: r.state.responses.map((x) => x.supplierBusinessId) }),
      extraFieldNames: ['responders'],
    }, publisher);
  }

  list(filter: { status?: SourcingRequestStatus; buyerBusinessId?: string; supplierBusinessId?: string }, page: PageRequest, query: unknown): Promise<Page<SourcingRequest>> {
    const where: Filter<AggregateDocument> = {};
    if (filter.status) where.status = filter.status;
    if (filter.buyerBusinessId) where.buyerBusinessId = filter.buyerBusinessId;
    if (filter.supplierBusinessId) where.responders = filter.supplierBusinessId;
    return this.page(where, 'createTime', page, query);
  }

  dueToExpire(now: Date, limit: number): Promise<SourcingRequest[]> {
    return this.findMany({ status: 'PUBLISHED', closingTime: { $lte: now } }, { sort: { closingTime: 1 }, limit });
  }
}
