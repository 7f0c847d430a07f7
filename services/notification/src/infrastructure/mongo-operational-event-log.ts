// The owner's listing of operational events: a projection of the hangviet.notification.delivery
// events consumed back from Kafka, keyed by ce_id so a redelivery adds nothing.
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { keyset, mapPage } from '@hangviet/service-kit/paging';
import type { OperationalEventLog } from '../application/ports';
import type { OperationalEventRecord } from '../domain/records';
import { fromDoc, toDoc, type NotificationModels, type OperationalEventDoc } from './models';

const NEWEST_FIRST = keyset<OperationalEventDoc>([
  { field: 'createdAt', order: 'desc', date: true },
  { field: '_id', order: 'desc' },
]);

export function createOperationalEventLog(models: Pick<NotificationModels, 'operationalEvents'>): OperationalEventLog {
  const { operationalEvents } = models;
  return {
    async record(event) {
      try {
        await operationalEvents.create(toDoc(event));
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    },
    async list(endpointId, page) {
      const query = { endpointId };
      const docs = await operationalEvents
        .find({ ...query, ...NEWEST_FIRST.after(page.pageToken, query) })
        .sort(NEWEST_FIRST.sort)
        .limit(NEWEST_FIRST.limit(page.pageSize))
        .lean<OperationalEventDoc[]>();
      return mapPage(NEWEST_FIRST.page(docs, page.pageSize, query), (d) => fromDoc<OperationalEventRecord>(d));
    },
  };
}
