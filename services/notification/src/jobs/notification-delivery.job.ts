// Sends due people deliveries (e-mail, SMS, Zalo), the same way as webhooks but fewer at once.
import type { Logger } from 'pino';
import { whileClaimed } from '../application/claim-if-due';
import { claimDelivery, deliverNotification, DELIVERY_CLAIM, findDueDeliveries } from '../application/deliver-notification';
import type { DeliveryDeps } from '../application/ports';
import type { Delivery } from '../domain/records';
import { createWorkLoop, type WorkLoop } from '@hangviet/jobs';

export function notificationDeliveryJob(deps: DeliveryDeps, opts: { concurrency: number; pollIntervalMs: number; logger: Logger }): WorkLoop {
  return createWorkLoop<Delivery>({
    name: 'notification-deliveries',
    scan: async () => (await findDueDeliveries(deps)).map((id) => ({ id })),
    claim: (id) => claimDelivery(deps, id),
    process: (delivery) => whileClaimed(deps, DELIVERY_CLAIM, delivery, (d) => deliverNotification(deps, d)),
    concurrency: opts.concurrency,
    pollIntervalMs: opts.pollIntervalMs,
    logger: opts.logger,
  });
}
