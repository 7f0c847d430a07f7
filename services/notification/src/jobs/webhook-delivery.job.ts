// Sends due webhook messages: handed over in memory by whoever queued them, re-enqueued at their retry
// time, and found by a scan of the due entries (work of a crashed instance). Up to WEBHOOK_CONCURRENCY
// attempts at once; every attempt is claimed before it is made, and its claim renewed while it runs.
import type { Logger } from 'pino';
import { whileClaimed } from '../application/claim-if-due';
import { claimWebhookMessage, deliverWebhook, findDueWebhookMessages, WEBHOOK_CLAIM } from '../application/deliver-webhook';
import type { DeliveryDeps, KnownMessage } from '../application/ports';
import type { WebhookMessage } from '../domain/records';
import { createWorkLoop, type WorkLoop } from '@hangviet/jobs';

export function webhookDeliveryJob(deps: DeliveryDeps, opts: { concurrency: number; pollIntervalMs: number; logger: Logger }): WorkLoop<KnownMessage> {
  return createWorkLoop<WebhookMessage, KnownMessage>({
    name: 'webhook-deliveries',
    scan: (held) => findDueWebhookMessages(deps, held),
    claim: (id, known) => claimWebhookMessage(deps, id, known),
    process: (message) => whileClaimed(deps, WEBHOOK_CLAIM, message, (m) => deliverWebhook(deps, m)),
    concurrency: opts.concurrency,
    pollIntervalMs: opts.pollIntervalMs,
    logger: opts.logger,
  });
}
