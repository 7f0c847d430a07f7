// Every repository and store of the notification database, built over its models: one call for the
// composition root. `afterEndpointWrite` publishes an endpoint's outbox (its operational events).
import { createClaims } from '@hangviet/jobs';
import type { Db } from 'mongodb';
import type { Claims, DeliveryRepository, EndpointDirectory, EndpointRepository, EventLog, InboxRepository, OperationalEventLog, PeopleStore, WebhookMessageStore } from '../application/ports';
import { createEndpointDirectory } from './endpoint-directory';
import { createEventLog } from './event-log';
import type { NotificationModels } from './models';
import { createDeliveryRepository } from './mongo-delivery-repository';
import { createEndpointRepository } from './mongo-endpoint-repository';
import { createInboxRepository } from './mongo-inbox-repository';
import { createOperationalEventLog } from './mongo-operational-event-log';
import { createPeopleStore } from './people-store';
import { createWebhookStore } from './webhook-store';

export interface NotificationStores {
  claims: Claims;
  webhooks: WebhookMessageStore;
  endpoints: EndpointRepository;
  endpointDirectory: EndpointDirectory;
  deliveries: DeliveryRepository;
  people: PeopleStore;
  eventLog: EventLog;
  inbox: InboxRepository;
  operationalEvents: OperationalEventLog;
}

export function createStores(
  db: Db,
  models: NotificationModels,
  opts: { leaseMs: number; endpointCacheMs: number; afterEndpointWrite: (id: string) => Promise<void> },
): NotificationStores {
  return {
    claims: createClaims(db, { leaseMs: opts.leaseMs }),
    webhooks: createWebhookStore(models),
    // Awaited, as in the registry: the relay's claim must not overlap the next write of the endpoint.
    endpoints: createEndpointRepository(models, { afterWrite: opts.afterEndpointWrite }),
    endpointDirectory: createEndpointDirectory(models, opts.endpointCacheMs),
    deliveries: createDeliveryRepository(models),
    people: createPeopleStore(models),
    eventLog: createEventLog(models),
    inbox: createInboxRepository(models),
    operationalEvents: createOperationalEventLog(models),
  };
}
