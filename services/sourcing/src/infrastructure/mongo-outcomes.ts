// Outcomes on the one aggregate store; the unique index (request, supplier, kind) refuses a second one.
import { MongoAggregateStore, type AfterWrite, type AggregateDocument } from '@hangviet/events';
import type { Collection } from 'mongodb';
import type { OutcomeRepository } from '../application/ports';
import { Outcome, type OutcomeState } from '../domain/outcome';
import { outcomeOutbox } from './proto-mapping';

export class MongoOutcomes extends MongoAggregateStore<Outcome, OutcomeState> implements OutcomeRepository {
  constructor(collection: Collection<AggregateDocument>, publisher: AfterWrite) {
    super(collection, {
      idOf: (o) => o.id,
      stateOf: (o) => o.state,
      loadedVersion: (o) => o.loadedVersion,
      idField: 'id',
      fromState: (s) => Outcome.fromState(s),
      outboxOf: (o) => outcomeOutbox(o),
    }, publisher);
  }

  listForRequest(requestId: string): Promise<Outcome[]> {
    return this.findMany({ requestId }, { sort: { recordTime: 1 }, limit: 1000 });
  }

  remindersDue(now: Date, limit: number): Promise<Outcome[]> {
    return this.findMany({ nextReminderTime: { $lte: now } }, { sort: { nextReminderTime: 1 }, limit });
  }
}
