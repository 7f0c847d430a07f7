// Sends one due people delivery (e-mail, SMS, Zalo) under its lease, records the attempt, and
// schedules a retry or gives up when the schedule runs out.
import { smsSendableAt } from '../domain/preferences';
import { nextAttemptAt } from '../domain/retry-schedule';
import type { DeliveryDoc } from '../infrastructure/models';
import { toPreferences } from './notify-people';
import { claimIfDue, SCAN_BATCH, type NotificationDeps } from './deps';

export async function findDueDeliveries(deps: NotificationDeps): Promise<string[]> {
  const due = await deps.models.deliveries
    .find({ status: 'pending', nextAttemptAt: { $lte: deps.now() } })
    .sort({ nextAttemptAt: 1 })
    .limit(SCAN_BATCH)
    .lean();
  return due.map((d) => d._id);
}

export function claimDelivery(deps: NotificationDeps, id: string): Promise<DeliveryDoc | null> {
  return claimIfDue<DeliveryDoc>(deps, 'dlv', id, (key) => deps.models.deliveries.findById(key).lean());
}

/** Returns when the delivery is due again, if it failed and will be retried. */
export async function deliverNotification(deps: NotificationDeps, delivery: DeliveryDoc): Promise<Date | undefined> {
  const started = deps.now();
  const sender = deps.senders[delivery.channel];
  let error: string | undefined;
  if (!sender) {
    error = `channel ${delivery.channel} is not configured`;
  } else {
    try {
      await sender.send({ id: delivery._id, address: delivery.address, locale: delivery.locale, content: delivery.content });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  const at = deps.now();
  const attemptsMade = delivery.attemptCount + 1;
  const attempt = { at, ok: !error, durationMs: at.getTime() - started.getTime(), ...(error ? { error } : {}) };
  const mine = { _id: delivery._id, attemptCount: delivery.attemptCount };
  if (!error) {
    await deps.models.deliveries.updateOne(mine, {
      $set: { status: 'sent', sentAt: at, attemptCount: attemptsMade },
      $push: { attempts: attempt },
    });
    return undefined;
  }
  let next = sender ? nextAttemptAt(attemptsMade, at, deps.deliveryRetryScheduleMs) : undefined;
  if (next && delivery.channel === 'sms') {
    const prefs = toPreferences(await deps.peopleStore.preferences(delivery.recipientKey));
    next = smsSendableAt(next, prefs.smsQuietHours);
  }
  deps.logger.warn({ deliveryId: delivery._id, channel: delivery.channel, attempt: attemptsMade, error, willRetry: Boolean(next) }, 'notification delivery failed');
  await deps.models.deliveries.updateOne(mine, {
    $set: {
      status: next ? 'pending' : 'failed',
      attemptCount: attemptsMade,
      lastError: error,
      ...(next ? { nextAttemptAt: next } : {}),
    },
    $push: { attempts: attempt },
  });
  return next;
}
