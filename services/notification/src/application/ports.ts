// What the use cases need from the outside world, one interface per concern, each implemented once in
// infrastructure/ (Mongo repositories, the HTTP webhook client, the channel senders) and handed in by the
// composition root. Use cases see records (domain/records.ts), never documents, models or filters.
import type { Limiter } from '@hangviet/jobs';
import type { KnownBusinesses } from '@hangviet/known-businesses';
import type { PartnerGrants } from './partner-scopes';
import type { Logger } from '@hangviet/service-kit';
import type { Page, PageRequest } from '@hangviet/service-kit/paging';
import type { StaffMember } from '../domain/planned-notice';
import type { Preferences } from '../domain/preferences';
import type {
  Delivery,
  DeliveryAttempt,
  EventLogEntry,
  InboxEntry,
  LoggedEvent,
  OperationalEventRecord,
  WebhookAttempt,
  WebhookEndpoint,
  WebhookMessage,
} from '../domain/records';
import type { RenderedMessage } from '../domain/templates';
import type { DeliveryPolicy, OperationalEventKind, WebhookMessageStatus } from '../domain/webhook-delivery';
import type { EndpointSecret } from '../domain/webhook-signing';
import type { Locale } from '@hangviet/vn/locale';

/** An operational event to publish (through the endpoint's outbox) about one of its messages. */
export interface OperationalEvent {
  kind: OperationalEventKind;
  /** Its ce_id: derived from (message, kind, attempts), so a repeated attempt raises the same event. */
  id: string;
  endpoint: Pick<WebhookEndpoint, 'id' | 'url' | 'owner'>;
  message: Pick<WebhookMessage, 'id' | 'eventId' | 'eventType'>;
  attempts: number;
  lastError?: string;
  at: Date;
}

/** How an attempt changes its endpoint's health; each part carries the events it raises. */
export interface EndpointHealthChange {
  /** null: healthy again; a date: failing since then (kept when it was failing already); unset: no change. */
  failingSince?: Date | null;
  /** Disable it (only if still active); the endpoint_disabled event goes with it. */
  disable?: { reason: string; at: Date; event?: OperationalEvent };
  /** Published whatever the health part changes. */
  events: OperationalEvent[];
}

export interface EndpointRepository {
  /**
   * Adds the endpoint unless its owner already has `limit`: false then. Holds under concurrency (each endpoint takes
   * one of its owner's `limit` numbered places, unique per owner), so racing creations never pass the cap.
   */
  addWithinLimit(endpoint: WebhookEndpoint, limit: number): Promise<boolean>;
  get(id: string): Promise<WebhookEndpoint | undefined>;
  /** Oldest first by id; `owner` unset: every owner's. */
  list(filter: { owner?: string }, page: PageRequest): Promise<Page<WebhookEndpoint>>;
  update(id: string, set: Partial<Pick<WebhookEndpoint, 'url' | 'eventTypes' | 'description'>> & { updatedAt: Date }): Promise<WebhookEndpoint | undefined>;
  /** Enable (clears the failure clock and reason) or disable by its owner. */
  setStatus(id: string, change: { status: WebhookEndpoint['status']; disabledReason?: string; updatedAt: Date }): Promise<WebhookEndpoint | undefined>;
  /** Compare-and-set on the current secret: false when another rotation got there first. */
  replaceSecrets(id: string, currentSecret: string | undefined, secrets: EndpointSecret[], updatedAt: Date): Promise<boolean>;
  /** Deletes it once its pending events are published. */
  remove(id: string): Promise<void>;
  /** Applies an attempt's outcome and publishes the operational events it raised. */
  recordHealth(id: string, change: EndpointHealthChange): Promise<void>;
}

/** The active endpoints for the fan-out (a short-lived copy; see infrastructure/endpoint-directory.ts). */
export interface EndpointDirectory {
  active(): Promise<readonly WebhookEndpoint[]>;
  /** Call after changing an endpoint: the next active() reads afresh. */
  changed(): void;
}

/** The outcome of one attempt (or of finding the endpoint gone) for a message in the state it was claimed in. */
export interface MessageSettlement {
  messageId: string;
  attemptCount: number;
  nextAttemptAt: Date;
  set: Partial<Omit<WebhookMessage, 'id'>>;
}

/** Webhook messages and their attempts; reads and writes of concurrent attempts share round trips. */
export interface WebhookMessageStore {
  /**
   * Writes the messages not written yet and returns those written by this call; a pending one gets its due entry
   * first, one written in a final state (a first attempt made before it was written) none.
   */
  queue(messages: readonly WebhookMessage[]): Promise<WebhookMessage[]>;
  /** Which of these messages are written already. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  message(id: string): Promise<WebhookMessage | null>;
  endpoint(id: string): Promise<WebhookEndpoint | null>;
  recordAttempt(attempt: WebhookAttempt): Promise<void>;
  settle(settlement: MessageSettlement): Promise<void>;
  /** Before making existing messages pending again at `dueAt` (replay, recover). */
  willBeDue(messageIds: readonly string[], dueAt: Date): Promise<void>;
  /** Up to `take` due messages from the `read` oldest due entries, leaving out those `skip` names. */
  due(now: Date, query: { read: number; take: number }, skip: (messageId: string) => boolean, graceMs: number): Promise<WebhookMessage[]>;
  /** Gives every pending message its due entry (once at start). */
  ensureDueEntries(): Promise<number>;
  /** Newest first. */
  list(endpointId: string, filter: { status?: WebhookMessageStatus }, page: PageRequest): Promise<Page<WebhookMessage>>;
  exists(endpointId: string, messageId: string): Promise<boolean>;
  /** Makes a message that is not pending due at `at` again; undefined when it is pending or unknown. */
  requeue(endpointId: string, messageId: string, at: Date): Promise<WebhookMessage | undefined>;
  /** Ids of the endpoint's messages that ended exhausted, created in [since, until). */
  exhaustedIds(endpointId: string, range: { since: Date; until: Date }): Promise<string[]>;
  /** Makes these exhausted messages due at `at`; returns how many changed. */
  requeueExhausted(ids: readonly string[], at: Date): Promise<number>;
  /** Newest first. */
  attempts(endpointId: string, filter: { messageId?: string }, page: PageRequest): Promise<Page<WebhookAttempt>>;
}

export interface OperationalEventLog {
  /** Idempotent: the same event id is kept once. */
  record(event: OperationalEventRecord): Promise<void>;
  /** Newest first. */
  list(endpointId: string, page: PageRequest): Promise<Page<OperationalEventRecord>>;
}

export interface PeopleStore {
  /** The stored preferences, or the defaults. */
  preferences(recipientKey: string): Promise<Preferences>;
  savePreferences(recipientKey: string, preferences: Preferences, at: Date): Promise<void>;
  /** Writes the entry unless it is there already. */
  addInboxEntry(entry: InboxEntry): Promise<void>;
  /** Writes the delivery unless it is there already; true when this call wrote it. */
  addDelivery(delivery: Delivery): Promise<boolean>;
}

export interface InboxRepository {
  /** Newest first. */
  list(recipientKey: string, filter: { unreadOnly: boolean }, page: PageRequest): Promise<Page<InboxEntry>>;
  unreadCount(recipientKey: string): Promise<number>;
  /** Marks it read unless it is already (the first read time stays); undefined when it is not the recipient's. */
  markRead(recipientKey: string, id: string, at: Date): Promise<InboxEntry | undefined>;
}

export interface DeliveryRepository {
  /** Ids of pending deliveries due at `now`, oldest first. */
  dueIds(now: Date, limit: number): Promise<string[]>;
  get(id: string): Promise<Delivery | null>;
  /** Records an attempt of a delivery in the state it was claimed in (attemptCount). */
  recordAttempt(delivery: Pick<Delivery, 'id' | 'attemptCount'>, attempt: DeliveryAttempt, next: { status: Delivery['status']; nextAttemptAt?: Date; at: Date }): Promise<void>;
}

export interface EventLog {
  /** Appends once per eventId; returns its sequence number (the existing one for a known event). */
  append(event: LoggedEvent): Promise<number>;
  /** Entries with sequence > after, ascending. */
  readAfter(after: number, limit: number): Promise<EventLogEntry[]>;
  /** The highest sequence so far (the retention mark when the log is empty). */
  head(): Promise<number>;
  /** Every sequence at or below this may be gone (retention). */
  deletedThrough(): Promise<number>;
  /** Deletes entries logged before `before`; returns how many. */
  deleteOlderThan(before: Date): Promise<number>;
}

/** Exclusive, expiring claims on units of work (delivery attempts, sweeps). */
export interface Claims {
  claim(key: string, now: Date): Promise<boolean>;
  /** Runs `work` under a claim won of `key`, renewed while it runs. */
  holdWhile<R>(key: string, work: () => Promise<R>): Promise<R>;
  sweep(before: Date): Promise<number>;
  readonly leaseMs: number;
}

/** What a work loop holds already (queued, in progress or waiting for its retry time). */
export interface HeldWork {
  has(id: string): boolean;
  readonly size: number;
}

/** Checks a webhook URL; throws TargetRefused (domain/ssrf-policy.ts) when it may not be called. */
export interface UrlGuard {
  check(url: string): Promise<unknown>;
}

export interface WebhookClient {
  /** Throws TargetRefused for a refused target, an Error for a failed connection. */
  post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number; body: string }>;
}

export interface OutgoingNotice {
  /** Delivery id: the provider's idempotency / tracking key. */
  id: string;
  address: string;
  locale: Locale;
  content: RenderedMessage;
}

export interface ChannelSender {
  /** Resolves once the provider accepted the message; throws with a readable reason otherwise. */
  send(notice: OutgoingNotice): Promise<void>;
  close?(): void;
}

export type ChannelSenders = Partial<Record<Delivery['channel'], ChannelSender>>;

/** What the hand-over of a webhook message to the workers already knows, saving reads. */
export interface KnownMessage {
  message: WebhookMessage;
  /** Set when this instance inserted the message (now() time): nobody can have claimed it before. */
  insertedAt?: number;
}

/** Hands new or re-queued work to this instance's workers at once (implemented by the jobs). */
export interface Enqueue {
  delivery(id: string): void;
  /** `at`: when it is due, if later than now (a retry). */
  webhook(id: string, known?: KnownMessage, at?: Date): void;
}

/** The first attempts the consumer makes itself (deliver-first-attempts.ts). */
export interface FirstAttempts {
  /** POSTs in flight at once, across the partitions handled side by side. */
  limit: Limiter;
  /** How long the consumer waits for one; a slower one goes on under a claim, as a worker's attempt. */
  budgetMs: number;
}

export interface NotificationPolicy {
  staff: readonly StaffMember[];
  /** People channels (e-mail, SMS, Zalo): wait before each retry. */
  deliveryRetryScheduleMs: readonly number[];
  webhookPolicy: DeliveryPolicy;
  secretOverlapMs: number;
}

/** What the delivery work needs (the jobs are built from it). */
export interface DeliveryDeps extends NotificationPolicy {
  logger: Logger;
  now: () => Date;
  claims: Claims;
  webhookClient: WebhookClient;
  webhooks: WebhookMessageStore;
  endpoints: EndpointRepository;
  endpointDirectory: EndpointDirectory;
  deliveries: DeliveryRepository;
  people: PeopleStore;
  senders: ChannelSenders;
  eventLog: EventLog;
}

/** Everything the use cases need: the delivery work's parts, and the hand-over to the jobs. */
export interface NotificationDeps extends DeliveryDeps {
  /** The directory's businesses and who owns each (@hangviet/known-businesses): inbox and preferences are the owner's. */
  businesses: KnownBusinesses;
  guard: UrlGuard;
  /** Scopes staff granted each partner: what of each event its webhooks and stream carry. */
  partnerGrants: PartnerGrants;
  /** Endpoints one owner (a partner organisation or a staff member) may have (issue 12, item 11). */
  maxEndpointsPerOwner: number;
  /** Every ce_type a subscription pattern may name: the catalogue's (and a test's extra types). */
  knownEventTypes: () => readonly string[];
  inbox: InboxRepository;
  operationalEvents: OperationalEventLog;
  enqueue: Enqueue;
  firstAttempts: FirstAttempts;
}
