// What the use cases need, passed in by the composition root (src/service.ts).
import type { Logger } from '@hangviet/service-kit';
import type { StaffMember } from '../domain/notification-plan';
import type { DeliveryPolicy } from '../domain/webhook-delivery';
import type { ChannelSenders } from '../infrastructure/channels';
import type { Claims } from '../infrastructure/claims';
import type { EndpointDirectory } from '../infrastructure/endpoint-directory';
import type { EventLog } from '../infrastructure/event-log';
import type { NotificationModels, WebhookMessageDoc } from '../infrastructure/models';
import type { PeopleStore } from '../infrastructure/people-store';
import type { SsrfGuard } from '../infrastructure/ssrf-guard';
import type { WebhookClient } from '../infrastructure/webhook-client';
import type { WebhookStore } from '../infrastructure/webhook-store';

/** What the hand-over of a webhook message to the workers already knows, saving reads. */
export interface KnownMessage {
  /** The message as last read or written by this instance. */
  message: WebhookMessageDoc;
  /** Set when this instance inserted the message (deps.now() time): nobody can have claimed it before. */
  insertedAt?: number;
}

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
  webhookStore: WebhookStore;
  /** Active endpoints for the fan-out (cached briefly; see endpoint-directory.ts). */
  endpointDirectory: EndpointDirectory;
  senders: ChannelSenders;
  peopleStore: PeopleStore;
  /** Exclusive, expiring claims on units of work (delivery attempts, sweeps). */
  claims: Claims;
  /** Hands new or re-queued work to this instance's workers at once. */
  enqueue: { delivery(id: string): void; webhook(id: string, known?: KnownMessage): void };
}

/**
 * Claims one item by id if it is still due: the claim key names the attempt and its due time.
 * `known` replaces the first read when the caller has the item already.
 */
export async function claimIfDue<T extends { _id: string; status: string; attemptCount: number; nextAttemptAt: Date }>(
  deps: NotificationDeps,
  kind: string,
  id: string,
  load: (id: string) => Promise<T | null>,
  known?: { item: T; insertedAt?: number },
): Promise<T | null> {
  const now = deps.now();
  const candidate = known?.item ?? (await load(id));
  if (!candidate || candidate.status !== 'pending' || candidate.nextAttemptAt.getTime() > now.getTime()) return null;
  const key = `${kind}:${candidate._id}:${candidate.attemptCount}:${candidate.nextAttemptAt.getTime()}`;
  if (!(await deps.claims.claim(key, now))) return null;
  // An item this instance inserted less than a lease ago needs no re-read: its first state can only be
  // left under a claim of this very key, any such claim was made after the insert — so no earlier than
  // the bucket before ours, which the claim above checks — and a later claimer sees ours and backs off.
  if (known?.insertedAt !== undefined && now.getTime() - known.insertedAt < deps.claims.leaseMs) return candidate;
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

