// A consumer batch of platform events (one partition's, in order) handled together: the event log appends, the
// people's notices and the webhook messages of all of them at once, so they share round trips, and the webhooks'
// first attempts are made here before their messages are written (deliver-first-attempts.ts). The same effects,
// keyed the same way, as handlePlatformEvent one event at a time, which the consumer falls back to when this fails.
import { deliverFirstAttempts } from './deliver-first-attempts';
import { plannedWebhookMessages } from './fan-out-webhooks';
import { handlePlatformEvent, prepared, settled, type PlatformEvent } from './handle-platform-event';
import { notifyPeople } from './notify-people';
import type { NotificationDeps } from './ports';

export async function handlePlatformEvents(deps: NotificationDeps, events: readonly PlatformEvent[]): Promise<void> {
  const publicEvents: ReturnType<typeof prepared>[] = [];
  for (const event of events) {
    const p = prepared(event);
    // Operational events (few; each about one endpoint's owner) keep their own path, in order.
    if (p.operational) await handlePlatformEvent(deps, event);
    else publicEvents.push(p);
  }
  if (publicEvents.length === 0) return;
  const now = deps.now();
  // The batch's events read each owner's scopes once: grants changed meanwhile apply from the next batch.
  const scopes = new Map<string, Promise<readonly string[] | 'all'>>();
  await settled([
    // Called in the partition's order: the log's batcher numbers them in that order.
    ...publicEvents.map((p) => deps.eventLog.append(p.logged)),
    ...publicEvents.map((p) => notifyPeople(deps, p.person)),
    Promise.all(publicEvents.map((p) => plannedWebhookMessages(deps, p.webhook, p.source, now, scopes))).then((planned) => deliverFirstAttempts(deps, planned.flat())),
  ]);
}
