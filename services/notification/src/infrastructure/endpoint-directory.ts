// The active webhook endpoints, as the fan-out of every event needs them. Reading them per event
// is a full read of webhook_endpoints on FerretDB v1 (its status index is not used), so the list is
// kept in memory for a short time. This instance's own endpoint changes take effect at once (they
// call changed()); a change made through another instance shows within ttlMs. Delivery itself never
// uses this list: every attempt reads its endpoint afresh (status, URL, secrets).
import type { EndpointDirectory } from '../application/ports';
import type { WebhookEndpoint } from '../domain/records';
import { endpointOf } from './mongo-endpoint-repository';
import type { NotificationModels, WebhookEndpointDoc } from './models';

export function createEndpointDirectory(
  models: Pick<NotificationModels, 'endpoints'>,
  ttlMs: number,
  clock: () => number = Date.now,
): EndpointDirectory {
  let generation = 0;
  let cached: { generation: number; loadedAt: number; list: Promise<readonly WebhookEndpoint[]> } | undefined;

  return {
    active() {
      const now = clock();
      if (cached && cached.generation === generation && now - cached.loadedAt < ttlMs) return cached.list;
      // Read after the change that invalidated the last copy: started now, so it sees that write.
      const list: Promise<readonly WebhookEndpoint[]> = models.endpoints
        .find({ status: 'active' })
        .lean<WebhookEndpointDoc[]>()
        .exec()
        .then((docs) => docs.map(endpointOf));
      const entry = { generation, loadedAt: now, list };
      cached = entry;
      // A failed read is not kept: the next caller tries again.
      list.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return list;
    },
    changed() {
      generation++;
    },
  };
}
