// The domain events a Business raised, as outbox entries carrying the catalogue's protobuf
// messages (hangviet.registry.business.<action>.v1).
import { outboxEntry, type OutboxEntry } from '@hangviet/events';
import {
  BusinessApproved,
  BusinessDissolved,
  BusinessProfileUpdated,
  BusinessRegistered,
  BusinessReinstated,
  BusinessRejected,
  BusinessSuspended,
} from '@hangviet/events/catalog';
import type { Business, BusinessEvent } from '../domain/business';
import { toProtoStatus, toSnapshot, toTimestamp } from './proto-mapping';

export const EVENT_SOURCE = 'business-registry';

function entryOf(business: Business, event: BusinessEvent): OutboxEntry {
  const common = { business: toSnapshot(business.state, event), actorSubject: event.actor, occurredTime: toTimestamp(event.occurredAt) };
  const opts = { source: EVENT_SOURCE, time: event.occurredAt };
  switch (event.kind) {
    case 'registered':
      return outboxEntry(BusinessRegistered, business.id, common, opts);
    case 'approved':
      return outboxEntry(BusinessApproved, business.id, common, opts);
    case 'rejected':
      return outboxEntry(BusinessRejected, business.id, { ...common, reason: event.reason }, opts);
    case 'profile_updated':
      return outboxEntry(BusinessProfileUpdated, business.id, { ...common, changedFields: [...event.changedFields] }, opts);
    case 'suspended':
      return outboxEntry(BusinessSuspended, business.id, { ...common, reason: event.reason }, opts);
    case 'reinstated':
      return outboxEntry(BusinessReinstated, business.id, { ...common, reason: event.reason ?? '' }, opts);
    case 'dissolved':
      return outboxEntry(BusinessDissolved, business.id, { ...common, reason: event.reason, previousStatus: toProtoStatus(event.previousStatus) }, opts);
  }
}

export function outboxEntriesOf(business: Business): OutboxEntry[] {
  return business.events.map((e) => entryOf(business, e));
}
