// Persistence of the people notices an event causes (preferences read, inbox entries and channel
// deliveries written), merged across the events the consumer handles at the same time: one
// `_id: {$in}` read and one unordered insertMany per batch instead of a round trip per notice. Inbox
// entries and deliveries are keyed by the event, so a duplicate key means "written already".
import { toLocale } from '@hangviet/vn/locale';
import { duplicateKeyIndexes } from '@hangviet/service-kit/mongo-errors';
import type { PeopleStore } from '../application/ports';
import { defaultPreferences, type Preferences } from '../domain/preferences';
import { createBatcher } from '@hangviet/jobs';
import { driverCollection, toDoc, type DeliveryDoc, type InboxMessageDoc, type NotificationModels, type PreferencesDoc } from './models';

const MAX_BATCH = 200;

export function preferencesOf(doc: PreferencesDoc | null | undefined): Preferences {
  if (!doc) return defaultPreferences();
  const prefs: Preferences = { channels: { ...defaultPreferences().channels, ...doc.channels } };
  if (doc.locale) prefs.locale = toLocale(doc.locale);
  if (doc.phone) prefs.phone = doc.phone;
  if (doc.smsQuietHours) prefs.smsQuietHours = { start: doc.smsQuietHours.start, end: doc.smsQuietHours.end };
  return prefs;
}

function insertOnce<T extends { _id: string }>(write: (docs: T[]) => Promise<unknown>) {
  return createBatcher<T, boolean>({
    maxBatch: MAX_BATCH,
    run: async (docs) => {
      const existing = await duplicateKeyIndexes(write(docs));
      return docs.map((_, i) => !existing.has(i));
    },
  });
}

export function createPeopleStore(models: Pick<NotificationModels, 'preferences' | 'inbox' | 'deliveries'>): PeopleStore {
  const loadPreferences = createBatcher<string, Preferences>({
    maxBatch: MAX_BATCH,
    run: async (keys) => {
      const found = new Map((await models.preferences.find({ _id: { $in: [...new Set(keys)] } }).lean<PreferencesDoc[]>()).map((p) => [p._id, p]));
      return keys.map((key) => preferencesOf(found.get(key)));
    },
  });
  const inbox = driverCollection<InboxMessageDoc>(models.inbox);
  const deliveries = driverCollection<DeliveryDoc>(models.deliveries);
  const addInbox = insertOnce<InboxMessageDoc>((docs) => inbox.insertMany(docs, { ordered: false }));
  const addDelivery = insertOnce<DeliveryDoc>((docs) => deliveries.insertMany(docs, { ordered: false }));

  return {
    preferences: loadPreferences,
    async savePreferences(recipientKey, preferences, at) {
      await models.preferences.replaceOne({ _id: recipientKey }, { _id: recipientKey, ...preferences, updatedAt: at }, { upsert: true });
    },
    addInboxEntry: async (entry) => void (await addInbox(toDoc(entry))),
    addDelivery: (delivery) => addDelivery(toDoc(delivery)),
  };
}
