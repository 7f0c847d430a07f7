// The directory's business events → this service's copy of each business (name, status, province); a
// suspension or dissolution frees the business's booths for the waitlist. Idempotent: keyed by business
// id, guarded by the directory's version, and the release touches only live applications.
import { defineConsumer } from '@hangviet/events';
import {
  BusinessApproved, BusinessDissolved, BusinessProfileUpdated, BusinessRegistered, BusinessReinstated, BusinessRejected, BusinessSuspended,
} from '@hangviet/events/catalog';
import type { TradeFairDeps } from '../application/ports';
import { recordBusinessStatus } from '../application/record-business-status';
import { SERVICE_NAME } from '../config';
import { statusName } from '../infrastructure/business-directory';

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function businessStatusConsumer(deps: TradeFairDeps, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'business-status',
    group: `${groupPrefix}${SERVICE_NAME}.business-status`,
    events: [BusinessRegistered, BusinessApproved, BusinessRejected, BusinessProfileUpdated, BusinessSuspended, BusinessReinstated, BusinessDissolved],
    handle: async (event) => {
      const business = event.data.business;
      if (!business) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
      await recordBusinessStatus(deps, {
        id: business.id,
        name: business.tradeName || business.legalName,
        status: statusName(business.status),
        provinceCode: business.address?.provinceCode ?? '',
        ...(business.mainIndustry?.code ? { mainIndustryCode: business.mainIndustry.code } : {}),
        version: Number(business.version),
        updateTime: new Date(event.time),
      });
    },
  });
}
