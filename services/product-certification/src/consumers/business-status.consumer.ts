// The directory's business events → the known-business projection (@hangviet/known-businesses, idempotent
// by the directory's version), then what a status means for this service's certificates: suspended →
// suspended, reinstated → restored, dissolved → revoked, followed when the event is the business's latest
// (also on a redelivery after a crash in between, each certificate move being a no-op once done).
import { BusinessDissolved, BusinessReinstated, BusinessSuspended } from '@hangviet/events/catalog';
import { defineBusinessStatusConsumer } from '@hangviet/known-businesses';
import { followBusinessStatus } from '../application/follow-business-status';
import type { ProductCertificationDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';

const MOVES_CERTIFICATES = new Set([BusinessSuspended.type, BusinessReinstated.type, BusinessDissolved.type]);

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: ProductCertificationDeps, { groupPrefix = '' } = {}) {
  return defineBusinessStatusConsumer(deps.businesses, {
    service: SERVICE_NAME,
    groupPrefix,
    then: async ({ business, type, reason, latest }) => {
      if (MOVES_CERTIFICATES.has(type) && latest) await followBusinessStatus(deps, { businessId: business.id, status: business.status, reason });
    },
  });
}
