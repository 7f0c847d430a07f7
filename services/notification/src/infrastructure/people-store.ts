// Persistence of the people notices an event causes (preferences read, inbox entries and channel
// deliveries written), merged across the events the consumer handles at the same time: one
// `_id: {$in}` read and one unordered insertMany per batch instead of a round trip per notice. Inbox
// entries and deliveries are keyed by the event, so a duplicate key means "written already".
import { createBatcher } from './batcher';
import { duplicateKeyIndexes } from '@hangviet/service-kit/mongo-errors';
import { driverCollection, type DeliveryDoc, type InboxMessageDoc, type NotificationModels, type PreferencesDoc } from './models';

export interface PeopleStore {
  preferences(recipientKey: string): Promise<PreferencesDoc | null>;
  /** Writes the entry unless it is there already. */
  addInboxEntry(entry: InboxMessageDoc): Promise<void>;
  /** Writes the delivery unless it is there already; true when this call wrote it. */
  addDelivery(delivery: DeliveryDoc): Promise<boolean>;
}

const MAX_BATCH = 200;

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
  const loadPreferences = createBatcher<string, PreferencesDoc | null>({
    maxBatch: MAX_BATCH,
    run: async (keys) => {
      const found = new Map((await models.preferences.find({ _id: { $in: [...new Set(keys)] } }).lean<PreferencesDoc[]>()).map((p) => [p._id, p]));
      return keys.map((key) => found.get(key) ?? null);
    },
  });
  const inbox = driverCollection<InboxMessageDoc>(models.inbox);
  const deliveries = driverCollection<DeliveryDoc>(models.deliveries);
  const addInbox = insertOnce<InboxMessageDoc>((docs) => inbox.insertMany(docs, { ordered: false }));
  const addDelivery = insertOnce<DeliveryDoc>((docs) => deliveries.insertMany(docs, { ordered: false }));

  return {
    preferences: loadPreferences,
    addInboxEntry: async (entry) => void (await addInbox(entry)),
    addDelivery,
  };
}
