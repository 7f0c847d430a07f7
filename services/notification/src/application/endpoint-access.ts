// Who may manage a webhook endpoint, and the checks every write of one makes.
import { invalid, isStaff, notFound, type Principal } from '@hangviet/service-kit';
import { eventTypePatternErrors, matchesEventType } from '@hangviet/events/event-type-pattern';
import type { WebhookEndpoint } from '../domain/records';
import { TargetRefused } from '../domain/ssrf-policy';
import type { NotificationDeps } from './ports';

/** Who owns what a principal creates: a partner organisation, or the staff member. */
export function ownerOf(principal: Principal): string {
  if (principal.roles.includes('partner')) return `partner:${principal.partnerId ?? principal.subject}`;
  return `user:${principal.subject}`;
}

export const endpointNotFound = (id: string) => notFound('WEBHOOK_ENDPOINT_NOT_FOUND', `No webhook endpoint '${id}'.`, { endpointId: id });

/** The endpoint, if the principal may manage it: its owner, or staff. Others get 404, not 403 (no probing ids). */
export async function loadOwnedEndpoint(deps: Pick<NotificationDeps, 'endpoints'>, principal: Principal, id: string): Promise<WebhookEndpoint> {
  const endpoint = await deps.endpoints.get(id);
  if (!endpoint || (!isStaff(principal) && endpoint.owner !== ownerOf(principal))) throw endpointNotFound(id);
  return endpoint;
}

export async function checkUrl(deps: Pick<NotificationDeps, 'guard'>, url: string): Promise<void> {
  try {
    await deps.guard.check(url);
  } catch (err) {
    if (err instanceof TargetRefused) throw invalid([{ field: 'url', code: err.code, message: err.message }]);
    throw err;
  }
}

/** Well-formed, and each pattern matches some event of the catalogue: a typo would silently match nothing. */
export function checkEventTypes(eventTypes: readonly string[], known: readonly string[]): void {
  const errors = eventTypePatternErrors(eventTypes, 'eventTypes');
  if (errors.length) throw invalid(errors);
  const unknown = eventTypes.flatMap((pattern, i) =>
    known.some((type) => matchesEventType(pattern, type))
      ? []
      : [{ field: `eventTypes.${i}`, code: 'EVENT_TYPE_UNKNOWN', message: `'${pattern}' matches no event type of the catalogue (e.g. ${known[0] ?? 'none'}).` }],
  );
  if (unknown.length) throw invalid(unknown);
}
