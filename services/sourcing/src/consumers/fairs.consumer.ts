// The trade-fair's fair events → this service's copy of each fair's status (infrastructure/mongo-fairs.ts):
// meetings are held only at a fair that exists and is PUBLISHED or RUNNING (application/meeting-fair.ts).
import { FairStatus, type Fair } from '@hangviet/contracts/hangviet/tradefair/v1/fair';
import { defineConsumer } from '@hangviet/events';
import { FairAllocating, FairCancelled, FairClosed, FairCreated, FairOpened, FairPublished, FairRunning } from '@hangviet/events/catalog';
import { SERVICE_NAME } from '../config';
import type { MongoFairs } from '../infrastructure/mongo-fairs';

export function fairsConsumer(fairs: MongoFairs, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'fairs',
    group: `${groupPrefix}${SERVICE_NAME}.fairs`,
    events: [FairCreated, FairOpened, FairAllocating, FairPublished, FairRunning, FairClosed, FairCancelled],
    handle: async (event) => {
      const fair = (event.data as { fair?: Fair }).fair;
      if (!fair) throw new Error(`${event.type} ${event.id} carries no fair`); // retried, then dead-lettered
      await fairs.record({ id: fair.id, name: fair.name, status: (FairStatus[fair.status] ?? '').replace('FAIR_STATUS_', ''), version: Number(fair.version) }, new Date(event.time));
    },
  });
}
