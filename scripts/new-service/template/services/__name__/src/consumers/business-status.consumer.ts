// The directory's business events → this service's copy of each business's status (the use case
// decides nothing more). Idempotent: keyed by business id and guarded by the directory's version.
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
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
import type { {{Name}}Deps } from '../application/ports';
import { recordBusinessStatus } from '../application/record-business-status';
import { SERVICE_NAME } from '../config';

/** BUSINESS_STATUS_ACTIVE → ACTIVE: the directory's names, as its REST API spells them. */
const statusName = (status: BusinessStatus): string => BusinessStatus[status]?.replace(/^BUSINESS_STATUS_/, '') ?? 'UNSPECIFIED';

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: {{Name}}Deps, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'business-status',
    group: `${groupPrefix}${SERVICE_NAME}.business-status`,
    events: [BusinessRegistered, BusinessApproved, BusinessRejected, BusinessProfileUpdated, BusinessSuspended, BusinessReinstated, BusinessDissolved],
    handle: async (event) => {
      const business = event.data.business;
      if (!business) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
      await recordBusinessStatus(deps, { id: business.id, status: statusName(business.status), version: Number(business.version), updateTime: new Date(event.time) });
    },
  });
}
