// The directory's business events → this service's copy of each business (name, status), then what the
// status means for its certificates: suspended → suspended, reinstated → restored, dissolved → revoked.
// Idempotent: the copy is guarded by the directory's version, and each certificate move by its status.
import { defineConsumer } from '@hangviet/events';
import {
  BusinessApproved,
  BusinessDissolved,
  BusinessProfileUpdated,
  BusinessRegistered,
  BusinessReinstated,
  BusinessRejected,
  BusinessSuspended,
} from '@hangviet/events/catalog';
import { followBusinessStatus } from '../application/follow-business-status';
import type { ProductCertificationDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';
import { businessStatusName } from '../infrastructure/registry-client';

const MOVES_CERTIFICATES = new Set([BusinessSuspended.type, BusinessReinstated.type, BusinessDissolved.type]);

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: ProductCertificationDeps, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'business-status',
    group: `${groupPrefix}${SERVICE_NAME}.business-status`,
    events: [BusinessRegistered, BusinessApproved, BusinessRejected, BusinessProfileUpdated, BusinessSuspended, BusinessReinstated, BusinessDissolved],
    handle: async (event) => {
      const business = event.data.business;
      if (!business) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
      const status = businessStatusName(business.status);
      const version = Number(business.version);
      await deps.businesses.record({
        id: business.id,
        status,
        name: business.tradeName || business.legalName || business.id,
        ...(business.address?.provinceCode ? { provinceCode: business.address.provinceCode } : {}),
        version,
        updateTime: new Date(event.time),
      });
      // Followed when this event is the business's latest (also on a redelivery after a crash in between,
      // each certificate move being a no-op once done); an older event says nothing new.
      if (MOVES_CERTIFICATES.has(event.type) && (await deps.businesses.find(business.id))?.version === version) {
        const reason = 'reason' in event.data && typeof event.data.reason === 'string' ? event.data.reason : '';
        await followBusinessStatus(deps, { businessId: business.id, status, reason });
      }
    },
  });
}

