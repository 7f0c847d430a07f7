// What the use cases need, passed in by the composition root (src/service.ts).
import type { Logger } from '@hangviet/service-kit';
import type { StaffMember } from '../domain/notification-plan';
import type { DeliveryPolicy } from '../domain/webhook-delivery';
import type { ChannelSenders } from '../infrastructure/channels';
import type { Claims } from '../infrastructure/claims';
import type { EventLog } from '../infrastructure/event-log';
import type { NotificationModels } from '../infrastructure/models';
import type { SsrfGuard } from '../infrastructure/ssrf-guard';
import type { WebhookClient } from '../infrastructure/webhook-client';

export interface NotificationDeps {
  models: NotificationModels;
  eventLog: EventLog;
  logger: Logger;
  now: () => Date;
  staff: readonly StaffMember[];
  /** People channels (e-mail, SMS, Zalo): wait before each retry. */
  deliveryRetryScheduleMs: readonly number[];
  webhookPolicy: DeliveryPolicy;
  secretOverlapMs: number;
  guard: SsrfGuard;
  webhookClient: WebhookClient;
  senders: ChannelSenders;
  /** Exclusive, expiring claims on units of work (delivery attempts, sweeps). */
  claims: Claims;
  /** Hands new or re-queued work to this instance's workers at once. */
  enqueue: { delivery(id: string): void; webhook(id: string): void; scanWebhooks(): void };
}

/** Claims one item by id if it is still due: the claim key names the attempt and its due time. */
export async function claimIfDue<T extends { _id: string; status: string; attemptCount: number; nextAttemptAt: Date }>(
  deps: NotificationDeps,
  kind: string,
  id: string,
  load: (id: string) => Promise<T | null>,
): Promise<T | null> {
  const now = deps.now();
  const candidate = await load(id);
  if (!candidate || candidate.status !== 'pending' || candidate.nextAttemptAt.getTime() > now.getTime()) return null;
  const key = `${kind}:${candidate._id}:${candidate.attemptCount}:${candidate.nextAttemptAt.getTime()}`;
  if (!(await deps.claims.claim(key, now))) return null;
  // Re-read: another worker may have finished this attempt between our read and our claim.
  const fresh = await load(id);
  const unchanged =
    fresh &&
    fresh.status === 'pending' &&
    fresh.attemptCount === candidate.attemptCount &&
    fresh.nextAttemptAt.getTime() === candidate.nextAttemptAt.getTime();
  return unchanged ? fresh : null;
}

/** How many due ids one scan hands to the workers. */
export const SCAN_BATCH = 200;

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}
