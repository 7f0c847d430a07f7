// A partner (or staff) subscribes a URL to event type patterns; the signing secret is shown once.
import { conflict, type Principal } from '@hangviet/service-kit';
import { newWebhookSecret } from '../domain/webhook-signing';
import { checkEventTypes, checkUrl, ownerOf } from './endpoint-access';
import { newEndpointId } from './ids';
import type { NotificationDeps } from './ports';
import { endpointView, type EndpointView } from './views';

export interface CreateWebhookEndpoint {
  principal: Principal;
  url: string;
  eventTypes: string[];
  description?: string;
}

export async function createWebhookEndpoint(deps: NotificationDeps, command: CreateWebhookEndpoint): Promise<{ endpoint: EndpointView; secret: string }> {
  checkEventTypes(command.eventTypes, deps.knownEventTypes());
  await checkUrl(deps, command.url);
  const owner = ownerOf(command.principal);
  const now = deps.now();
  const secret = newWebhookSecret();
  const endpoint = {
    id: newEndpointId(),
    owner,
    url: command.url,
    description: command.description ?? '',
    eventTypes: command.eventTypes,
    secrets: [{ secret, createdAt: now }],
    status: 'active' as const,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await deps.endpoints.addWithinLimit(endpoint, deps.maxEndpointsPerOwner))) {
    throw conflict('WEBHOOK_ENDPOINT_LIMIT', `An owner may have at most ${deps.maxEndpointsPerOwner} webhook endpoints; delete one first.`, {
      limit: String(deps.maxEndpointsPerOwner),
    });
  }
  deps.endpointDirectory.changed();
  return { endpoint: endpointView(endpoint), secret };
}
