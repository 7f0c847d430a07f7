// A partner (or staff) subscribes a URL to event type patterns; the signing secret is shown once.
import type { Principal } from '@hangviet/service-kit';
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
  checkEventTypes(command.eventTypes);
  await checkUrl(deps, command.url);
  const now = deps.now();
  const secret = newWebhookSecret();
  const endpoint = {
    id: newEndpointId(),
    owner: ownerOf(command.principal),
    url: command.url,
    description: command.description ?? '',
    eventTypes: command.eventTypes,
    secrets: [{ secret, createdAt: now }],
    status: 'active' as const,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.endpoints.add(endpoint);
  deps.endpointDirectory.changed();
  return { endpoint: endpointView(endpoint), secret };
}
