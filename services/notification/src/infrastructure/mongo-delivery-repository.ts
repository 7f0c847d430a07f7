// People-channel deliveries in MongoDB/FerretDB: the due scan and each attempt's record.
import { whenDatabaseAnswers } from '@hangviet/service-kit/mongo-errors';
import type { DeliveryRepository } from '../application/ports';
import type { Delivery } from '../domain/records';
import { fromDoc, type DeliveryDoc, type NotificationModels } from './models';

export function createDeliveryRepository(models: Pick<NotificationModels, 'deliveries'>): DeliveryRepository {
  const { deliveries } = models;
  return {
    async dueIds(now, limit) {
      const due = await deliveries.find({ status: 'pending', nextAttemptAt: { $lte: now } }, { _id: 1 }).sort({ nextAttemptAt: 1 }).limit(limit).lean<{ _id: string }[]>();
      return due.map((d) => d._id);
    },
    async get(id) {
      const doc = await deliveries.findById(id).lean<DeliveryDoc>();
      return doc ? fromDoc<Delivery>(doc) : null;
    },
    async recordAttempt(delivery, attempt, next) {
      // Only in the state it was claimed in: a second writer of the same attempt changes nothing.
      const mine = { _id: delivery.id, attemptCount: delivery.attemptCount };
      const $set =
        next.status === 'sent'
          ? { status: 'sent', sentAt: next.at, attemptCount: delivery.attemptCount + 1 }
          : { status: next.status, attemptCount: delivery.attemptCount + 1, lastError: attempt.error, ...(next.nextAttemptAt ? { nextAttemptAt: next.nextAttemptAt } : {}) };
      // Retried through a database restart: the mail or SMS is already handed over, and a write given up on sends it again.
      await whenDatabaseAnswers(() => deliveries.updateOne(mine, { $set, $push: { attempts: attempt } }));
    },
  };
}
