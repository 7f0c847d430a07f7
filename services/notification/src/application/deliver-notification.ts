// Sends one due people delivery (e-mail, SMS, Zalo) under its claim, records the attempt, and
// schedules a retry or gives up when the schedule runs out.
import { smsSendableAt } from '../domain/preferences';
import type { Delivery } from '../domain/records';
import { nextAttemptAt } from '../domain/retry-schedule';
import { claimIfDue, SCAN_BATCH } from './claim-if-due';
import type { DeliveryDeps } from './ports';

export async function findDueDeliveries(deps: DeliveryDeps): Promise<string[]> {
  return deps.deliveries.dueIds(deps.now(), SCAN_BATCH);
}

/** The kind in a people delivery attempt's claim key (claim-if-due.ts). */
export const DELIVERY_CLAIM = 'dlv';

export function claimDelivery(deps: DeliveryDeps, id: string): Promise<Delivery | null> {
  return claimIfDue<Delivery>(deps, DELIVERY_CLAIM, id, (key) => deps.deliveries.get(key));
}

/** Returns when the delivery is due again, if it failed and will be retried. */
export async function deliverNotification(deps: DeliveryDeps, delivery: Delivery): Promise<Date | undefined> {
  const started = deps.now();
  const sender = deps.senders[delivery.channel];
  let error: string | undefined;
  if (!sender) {
    error = `channel ${delivery.channel} is not configured`;
  } else {
    try {
      await sender.send({ id: delivery.id, address: delivery.address, locale: delivery.locale, content: delivery.content });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  const at = deps.now();
  const attempt = { at, ok: !error, durationMs: at.getTime() - started.getTime(), ...(error ? { error } : {}) };
  if (!error) {
    await deps.deliveries.recordAttempt(delivery, attempt, { status: 'sent', at });
    return undefined;
  }
  let next = sender ? nextAttemptAt(delivery.attemptCount + 1, at, deps.deliveryRetryScheduleMs) : undefined;
  if (next && delivery.channel === 'sms') next = smsSendableAt(next, (await deps.people.preferences(delivery.recipientKey)).smsQuietHours);
  deps.logger.warn(
    { deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attemptCount + 1, error, willRetry: Boolean(next) },
    'notification delivery failed',
  );
  await deps.deliveries.recordAttempt(delivery, attempt, { status: next ? 'pending' : 'failed', at, ...(next ? { nextAttemptAt: next } : {}) });
  return next;
}
