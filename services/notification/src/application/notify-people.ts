// Turns one event into the inbox entries and channel deliveries of the people it concerns, in
// each recipient's language and on the channels they want.
import { planNotices, recipientKey } from '../domain/notification-plan';
import { channelsFor, smsSendableAt } from '../domain/preferences';
import { renderTemplate } from '../domain/templates';
import { deliveryId, inboxMessageId } from './ids';
import type { NotificationDeps } from './ports';

/** Returns how many deliveries (not inbox entries) are due. */
export async function notifyPeople(
  deps: Pick<NotificationDeps, 'people' | 'staff' | 'now' | 'enqueue'>,
  event: { id: string; type: string; subject: string; data: unknown },
): Promise<number> {
  const { people: store } = deps;
  const notices = planNotices(event, deps.staff);
  // Every recipient's preferences at once, then every write at once: the store merges them with
  // those of other events into shared round trips.
  const preferences = await Promise.all(notices.map((notice) => store.preferences(recipientKey(notice.recipient))));
  const writes: Promise<unknown>[] = [];
  let due = 0;
  notices.forEach((notice, n) => {
    const key = recipientKey(notice.recipient);
    const prefs = preferences[n]!;
    const locale = prefs.locale ?? notice.recipient.locale;
    const content = renderTemplate(notice.template, locale, notice.context);
    const now = deps.now();
    const reach: { email?: string; phone?: string } = {};
    if (notice.recipient.email) reach.email = notice.recipient.email;
    if (prefs.phone) reach.phone = prefs.phone;
    for (const channel of channelsFor(prefs, reach)) {
      if (channel === 'inbox') {
        writes.push(
          store.addInboxEntry({
            id: inboxMessageId(event.id, key),
            recipientKey: key,
            eventId: event.id,
            eventType: event.type,
            title: content.subject,
            body: content.text,
            locale,
            createdAt: now,
          }),
        );
        continue;
      }
      const address = channel === 'email' ? reach.email! : reach.phone!;
      const id = deliveryId(event.id, key, channel);
      writes.push(
        store
          .addDelivery({
            id,
            eventId: event.id,
            eventType: event.type,
            recipientKey: key,
            channel,
            address,
            locale,
            template: notice.template,
            content,
            status: 'pending',
            attempts: [],
            attemptCount: 0,
            nextAttemptAt: channel === 'sms' ? smsSendableAt(now, prefs.smsQuietHours) : now,
            createdAt: now,
          })
          // Written before: a redelivered event, or another consumer racing on it; its delivery stands.
          .then((written) => written && deps.enqueue.delivery(id)),
      );
      due++;
    }
  });
  // Settled, not raced: a retry of the event must not overlap writes of this attempt still in flight.
  const failed = (await Promise.allSettled(writes)).find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  return due;
}
