// The directory's business events → the service's copy of each business (name, status, province, owner),
// then, when the service needs it, what the change means for its own records (certificates suspended,
// booths released). Idempotent by the directory's version: an event older than the copy records nothing,
// and the follow-up is told whether this event is the business's latest, so a redelivery after a crash
// between the two finishes the follow-up (which must itself be a no-op once done).
import { defineConsumer, type DefinedConsumer } from '@hangviet/events';
import {
  BusinessApproved,
  BusinessDissolved,
  BusinessProfileUpdated,
  BusinessRegistered,
  BusinessReinstated,
  BusinessRejected,
  BusinessSuspended,
} from '@hangviet/events/catalog';
import { fromSnapshot, type KnownBusiness } from './known-business';
import type { KnownBusinesses } from './known-businesses';

export const BUSINESS_EVENTS = [BusinessRegistered, BusinessApproved, BusinessRejected, BusinessProfileUpdated, BusinessSuspended, BusinessReinstated, BusinessDissolved];

export interface BusinessStatusChange {
  business: KnownBusiness;
  /** The event's ce_type, e.g. hangviet.registry.business.suspended.v1. */
  type: string;
  /** Staff's reason, for the events that carry one ('' otherwise). */
  reason: string;
  /** Whether the copy now holds this event's version (false: a newer event was recorded before it). */
  latest: boolean;
}

export interface BusinessStatusConsumerOptions {
  /** The consuming service's name: the group is `<groupPrefix><service>.business-status`. */
  service: string;
  /** Isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
  groupPrefix?: string;
  /** A whole group name instead (a service that names its groups itself). */
  group?: string;
  /** What the change means for the service's own records; must be idempotent. */
  then?: (change: BusinessStatusChange) => Promise<void>;
}

export function defineBusinessStatusConsumer(businesses: KnownBusinesses, opts: BusinessStatusConsumerOptions): DefinedConsumer {
  return defineConsumer({
    name: 'business-status',
    group: opts.group ?? `${opts.groupPrefix ?? ''}${opts.service}.business-status`,
    events: BUSINESS_EVENTS,
    handle: async (event) => {
      const snapshot = event.data.business;
      if (!snapshot) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
      const business = fromSnapshot(snapshot, new Date(event.time));
      await businesses.record(business);
      if (!opts.then) return;
      const latest = (await businesses.stored(business.id))?.version === business.version;
      const reason = 'reason' in event.data && typeof event.data.reason === 'string' ? event.data.reason : '';
      await opts.then({ business, type: event.type, reason, latest });
    },
  });
}
