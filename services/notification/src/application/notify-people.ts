// Turns one event into the inbox entries and channel deliveries of the people it concerns, in
// each recipient's language and on the channels they want.
import { toLocale } from '../domain/locale';
import { planNotices, recipientKey } from '../domain/notification-plan';
import { channelsFor, defaultPreferences, smsSendableAt, type Preferences } from '../domain/preferences';
import { renderTemplate } from '../domain/templates';
import type { PreferencesDoc } from '../infrastructure/models';
import { isDuplicateKey, type NotificationDeps } from './deps';
import { deliveryId, inboxMessageId } from './ids';

export function toPreferences(doc: PreferencesDoc | null | undefined): Preferences {
  if (!doc) return defaultPreferences();
  const prefs: Preferences = { channels: { ...defaultPreferences().channels, ...doc.channels } };
  if (doc.locale) prefs.locale = toLocale(doc.locale);
  if (doc.phone) prefs.phone = doc.phone;
  if (doc.smsQuietHours) prefs.smsQuietHours = { start: doc.smsQuietHours.start, end: doc.smsQuietHours.end };
  return prefs;
}

async function insertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    // Two consumers raced on the same event: the other one's document stands.
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Returns how many deliveries (not inbox entries) are due. */
export async function notifyPeople(
  deps: NotificationDeps,
  event: { id: string; type: string; subject: string; data: unknown },
): Promise<number> {
  const { models } = deps;
  const notices = planNotices(event, deps.staff);
  let due = 0;
  for (const notice of notices) {
    const key = recipientKey(notice.recipient);
    const prefs = toPreferences(await models.preferences.findById(key).lean());
    const locale = prefs.locale ?? notice.recipient.locale;
    const content = renderTemplate(notice.template, locale, notice.context);
    const now = deps.now();
    const reach: { email?: string; phone?: string } = {};
    if (notice.recipient.email) reach.email = notice.recipient.email;
    if (prefs.phone) reach.phone = prefs.phone;
    for (const channel of channelsFor(prefs, reach)) {
      if (channel === 'inbox') {
        await insertOnce(() =>
          models.inbox.updateOne(
            { _id: inboxMessageId(event.id, key) },
            {
              $setOnInsert: {
                recipientKey: key,
                eventId: event.id,
                eventType: event.type,
                title: content.subject,
                body: content.text,
                locale,
                createdAt: now,
              },
            },
            { upsert: true },
          ),
        );
        continue;
      }
      const address = channel === 'email' ? reach.email! : reach.phone!;
      const id = deliveryId(event.id, key, channel);
      await insertOnce(async () => {
        const result = await models.deliveries.updateOne(
          { _id: id },
          {
            $setOnInsert: {
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
            },
          },
          { upsert: true },
        );
        if (result.upsertedCount > 0) deps.enqueue.delivery(id);
      });
      due++;
    }
  }
  return due;
}
