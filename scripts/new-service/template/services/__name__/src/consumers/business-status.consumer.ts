// hangviet.registry.business.* → this service's copy of each business's status (the use case decides
// nothing more). Idempotent: keyed by business id and guarded by the directory's version.
import type { BusinessSnapshot } from '@hangviet/contracts/hangviet/registry/v1/events';
import { BusinessStatus } from '@hangviet/contracts/hangviet/registry/v1/business';
import type { ConsumedEvent } from '@hangviet/events';
import type { {{Name}}Deps } from '../application/ports';
import { recordBusinessStatus } from '../application/record-business-status';

export const BUSINESS_EVENTS = 'hangviet.registry.business.*';

/** BUSINESS_STATUS_ACTIVE → ACTIVE: the directory's names, as its REST API spells them. */
const statusName = (status: BusinessStatus): string => BusinessStatus[status]?.replace(/^BUSINESS_STATUS_/, '') ?? 'UNSPECIFIED';

export function businessStatusHandler(deps: {{Name}}Deps) {
  return async (event: ConsumedEvent<{ business?: BusinessSnapshot }>): Promise<void> => {
    const business = event.data.business;
    if (!business) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
    await recordBusinessStatus(deps, { id: business.id, status: statusName(business.status), version: Number(business.version), updateTime: new Date(event.time) });
  };
}
