// Partner webhook subscriptions: create (the secret is shown once), read, change, disable/enable,
// delete, rotate the secret with an overlap, inspect attempts, replay one message, recover a range.
import { conflict, failedPrecondition, invalid, isStaff, notFound, type Principal } from '@hangviet/service-kit';
import { eventTypePatternProblem, MAX_PATTERNS } from '../domain/event-type-pattern';
import { newWebhookSecret, rotateSecrets } from '../domain/webhook-signing';
import type { OperationalEventDoc, WebhookAttemptDoc, WebhookEndpointDoc, WebhookMessageDoc } from '../infrastructure/models';
import { TargetRefused } from '../infrastructure/ssrf-guard';
import type { NotificationDeps } from './deps';
import { newEndpointId } from './ids';
import { decodePageToken, encodePageToken } from './page-token';

export interface EndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: 'active' | 'disabled';
  disabledReason?: string;
  failingSince?: string;
  owner: string;
  createTime: string;
  updateTime: string;
}

export function endpointView(doc: WebhookEndpointDoc): EndpointView {
  const view: EndpointView = {
    id: doc._id,
    url: doc.url,
    description: doc.description ?? '',
    eventTypes: doc.eventTypes,
    status: doc.status,
    owner: doc.owner,
    createTime: doc.createdAt.toISOString(),
    updateTime: doc.updatedAt.toISOString(),
  };
  if (doc.disabledReason) view.disabledReason = doc.disabledReason;
  if (doc.failingSince) view.failingSince = doc.failingSince.toISOString();
  return view;
}

/** Who owns what a principal creates: a partner organisation, or the staff member. */
export function ownerOf(principal: Principal): string {
  if (principal.roles.includes('partner')) return `partner:${principal.partnerId ?? principal.subject}`;
  return `user:${principal.subject}`;
}

async function checkUrl(deps: NotificationDeps, url: string): Promise<void> {
  try {
    await deps.guard.check(url);
  } catch (err) {
    if (err instanceof TargetRefused) throw invalid([{ field: 'url', code: err.code, message: err.message }]);
    throw err;
  }
}

function checkEventTypes(eventTypes: string[]): void {
  const errors = eventTypes.flatMap((pattern, i) => {
    const problem = eventTypePatternProblem(pattern);
    return problem ? [{ field: `eventTypes[${i}]`, code: 'EVENT_TYPE_PATTERN_INVALID', message: `'${pattern}' ${problem}` }] : [];
  });
  if (eventTypes.length > MAX_PATTERNS) {
    errors.push({ field: 'eventTypes', code: 'TOO_MANY_EVENT_TYPES', message: `at most ${MAX_PATTERNS} patterns` });
  }
  if (errors.length) throw invalid(errors);
}

export async function createWebhookEndpoint(
  deps: NotificationDeps,
  principal: Principal,
  input: { url: string; eventTypes: string[]; description?: string },
): Promise<{ endpoint: EndpointView; secret: string }> {
  checkEventTypes(input.eventTypes);
  await checkUrl(deps, input.url);
  const now = deps.now();
  const secret = newWebhookSecret();
  const doc = await deps.models.endpoints.create({
    _id: newEndpointId(),
    owner: ownerOf(principal),
    url: input.url,
    description: input.description ?? '',
    eventTypes: input.eventTypes,
    secrets: [{ secret, createdAt: now }],
    status: 'active',
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  });
  deps.endpointDirectory.changed();
  return { endpoint: endpointView(doc.toObject()), secret };
}

/** The endpoint, if the principal may manage it: its owner, or staff. Others get 404, not 403 (no probing ids). */
export async function loadOwnedEndpoint(deps: NotificationDeps, principal: Principal, id: string): Promise<WebhookEndpointDoc> {
  const doc = await deps.models.endpoints.findById(id).lean();
  if (!doc || (!isStaff(principal) && doc.owner !== ownerOf(principal))) {
    throw notFound('WEBHOOK_ENDPOINT_NOT_FOUND', `No webhook endpoint '${id}'.`, { endpointId: id });
  }
  return doc;
}

export async function listWebhookEndpoints(
  deps: NotificationDeps,
  principal: Principal,
  page: { pageSize: number; pageToken?: string },
): Promise<{ endpoints: EndpointView[]; nextPageToken: string }> {
  const after = decodePageToken<{ id: string }>(page.pageToken, ['id']);
  const filter: Record<string, unknown> = isStaff(principal) ? {} : { owner: ownerOf(principal) };
  if (after) filter._id = { $gt: after.id };
  const docs = await deps.models.endpoints.find(filter).sort({ _id: 1 }).limit(page.pageSize + 1).lean();
  const more = docs.length > page.pageSize;
  const shown = docs.slice(0, page.pageSize);
  return { endpoints: shown.map(endpointView), nextPageToken: more ? encodePageToken({ id: shown.at(-1)!._id }) : '' };
}

export async function updateWebhookEndpoint(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  patch: { url?: string; eventTypes?: string[]; description?: string },
): Promise<EndpointView> {
  await loadOwnedEndpoint(deps, principal, id);
  if (patch.eventTypes) checkEventTypes(patch.eventTypes);
  if (patch.url !== undefined) await checkUrl(deps, patch.url);
  const $set: Record<string, unknown> = { updatedAt: deps.now() };
  if (patch.url !== undefined) $set.url = patch.url;
  if (patch.eventTypes !== undefined) $set.eventTypes = patch.eventTypes;
  if (patch.description !== undefined) $set.description = patch.description;
  const doc = await deps.models.endpoints.findOneAndUpdate({ _id: id }, { $set }, { returnDocument: 'after' }).lean();
  deps.endpointDirectory.changed();
  if (!doc) throw notFound('WEBHOOK_ENDPOINT_NOT_FOUND', `No webhook endpoint '${id}'.`, { endpointId: id });
  return endpointView(doc);
}

export async function setWebhookEndpointEnabled(deps: NotificationDeps, principal: Principal, id: string, enabled: boolean): Promise<EndpointView> {
  const current = await loadOwnedEndpoint(deps, principal, id);
  if ((current.status === 'active') === enabled) {
    throw failedPrecondition(enabled ? 'WEBHOOK_ENDPOINT_ALREADY_ENABLED' : 'WEBHOOK_ENDPOINT_ALREADY_DISABLED', `The endpoint is already ${current.status}.`, {
      endpointId: id,
    });
  }
  const $set = enabled
    ? { status: 'active', failingSince: null, disabledReason: null, updatedAt: deps.now() }
    : { status: 'disabled', disabledReason: 'DISABLED_BY_OWNER', updatedAt: deps.now() };
  const doc = await deps.models.endpoints.findOneAndUpdate({ _id: id }, { $set }, { returnDocument: 'after' }).lean();
  deps.endpointDirectory.changed();
  return endpointView(doc!);
}

export async function deleteWebhookEndpoint(deps: NotificationDeps, principal: Principal, id: string): Promise<void> {
  await loadOwnedEndpoint(deps, principal, id);
  await deps.models.endpoints.deleteOne({ _id: id });
  deps.endpointDirectory.changed();
  // Pending messages find no endpoint and are closed by the worker; nothing is sent after this.
}

export async function rotateWebhookSecret(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  overlapMs?: number,
): Promise<{ secret: string; previousSecretsExpireTime: string }> {
  const current = await loadOwnedEndpoint(deps, principal, id);
  const now = deps.now();
  const secret = newWebhookSecret();
  const overlap = overlapMs ?? deps.secretOverlapMs;
  const secrets = rotateSecrets(current.secrets, secret, now, overlap);
  // Compare-and-set on the secrets read: two rotations at once must not lose one of them.
  const result = await deps.models.endpoints.updateOne(
    { _id: id, 'secrets.secret': current.secrets[0]?.secret },
    { $set: { secrets, updatedAt: now } },
  );
  if (result.matchedCount === 0) throw conflict('WEBHOOK_SECRET_ROTATION_CONFLICT', 'The secret was rotated concurrently; retry.', { endpointId: id });
  deps.endpointDirectory.changed();
  return { secret, previousSecretsExpireTime: new Date(now.getTime() + overlap).toISOString() };
}

export interface AttemptView {
  id: string;
  messageId: string;
  eventId: string;
  attempt: number;
  time: string;
  ok: boolean;
  statusCode?: number;
  error?: string;
  responseBody?: string;
  durationMs: number;
}

const attemptView = (a: WebhookAttemptDoc): AttemptView => ({
  id: a._id,
  messageId: a.messageId,
  eventId: a.eventId,
  attempt: a.attempt,
  time: a.at.toISOString(),
  ok: a.ok,
  ...(a.statusCode !== undefined && a.statusCode !== null ? { statusCode: a.statusCode } : {}),
  ...(a.error ? { error: a.error } : {}),
  ...(a.responseBody ? { responseBody: a.responseBody } : {}),
  durationMs: a.durationMs,
});

export async function listWebhookAttempts(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  page: { pageSize: number; pageToken?: string; messageId?: string },
): Promise<{ attempts: AttemptView[]; nextPageToken: string }> {
  await loadOwnedEndpoint(deps, principal, id);
  const after = decodePageToken<{ at: number; id: string }>(page.pageToken, ['at', 'id']);
  const filter: Record<string, unknown> = { endpointId: id };
  if (page.messageId) filter.messageId = page.messageId;
  if (after) {
    filter.$or = [{ at: { $lt: new Date(after.at) } }, { at: new Date(after.at), _id: { $lt: after.id } }];
  }
  const docs = await deps.models.webhookAttempts.find(filter).sort({ at: -1, _id: -1 }).limit(page.pageSize + 1).lean();
  const more = docs.length > page.pageSize;
  const shown = docs.slice(0, page.pageSize);
  const last = shown.at(-1);
  return { attempts: shown.map(attemptView), nextPageToken: more && last ? encodePageToken({ at: last.at.getTime(), id: last._id }) : '' };
}

export interface MessageView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptTime?: string;
  lastError?: string;
  createTime: string;
  deliverTime?: string;
}

export const messageView = (m: WebhookMessageDoc): MessageView => ({
  id: m._id,
  eventId: m.eventId,
  eventType: m.eventType,
  status: m.status,
  attempts: m.attemptCount,
  ...(m.status === 'pending' ? { nextAttemptTime: m.nextAttemptAt.toISOString() } : {}),
  ...(m.lastError ? { lastError: m.lastError } : {}),
  createTime: m.createdAt.toISOString(),
  ...(m.deliveredAt ? { deliverTime: m.deliveredAt.toISOString() } : {}),
});

export async function listWebhookMessages(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  page: { pageSize: number; pageToken?: string; status?: string },
): Promise<{ messages: MessageView[]; nextPageToken: string }> {
  await loadOwnedEndpoint(deps, principal, id);
  const after = decodePageToken<{ at: number; id: string }>(page.pageToken, ['at', 'id']);
  const filter: Record<string, unknown> = { endpointId: id };
  if (page.status) filter.status = page.status;
  if (after) filter.$or = [{ createdAt: { $lt: new Date(after.at) } }, { createdAt: new Date(after.at), _id: { $lt: after.id } }];
  const docs = await deps.models.webhookMessages.find(filter).sort({ createdAt: -1, _id: -1 }).limit(page.pageSize + 1).lean();
  const more = docs.length > page.pageSize;
  const shown = docs.slice(0, page.pageSize);
  const last = shown.at(-1);
  return { messages: shown.map(messageView), nextPageToken: more && last ? encodePageToken({ at: last.createdAt.getTime(), id: last._id }) : '' };
}

/** Sends one message again now (one attempt; it keeps its webhook-id so the receiver can deduplicate). */
export async function replayWebhookMessage(deps: NotificationDeps, principal: Principal, id: string, messageId: string): Promise<MessageView> {
  const endpoint = await loadOwnedEndpoint(deps, principal, id);
  if (endpoint.status !== 'active') throw failedPrecondition('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before replaying to it.', { endpointId: id });
  const now = deps.now();
  // The due entry of the state about to be entered, first: the fallback scan finds it after a crash.
  await deps.webhookStore.willBeDue([messageId], now);
  const doc = await deps.models.webhookMessages
    .findOneAndUpdate(
      { _id: messageId, endpointId: id, status: { $ne: 'pending' } },
      { $set: { status: 'pending', nextAttemptAt: now, failingNotified: false } },
      { returnDocument: 'after' },
    )
    .lean();
  if (!doc) {
    const exists = await deps.models.webhookMessages.exists({ _id: messageId, endpointId: id });
    if (exists) throw failedPrecondition('WEBHOOK_MESSAGE_PENDING', 'The message is already waiting to be sent.', { messageId });
    throw notFound('WEBHOOK_MESSAGE_NOT_FOUND', `No message '${messageId}' for this endpoint.`, { messageId });
  }
  deps.enqueue.webhook(doc._id, { message: doc });
  return messageView(doc);
}

const RECOVER_SLICE = 500;

/** Re-queues every message that ended undelivered in [since, until): after a partner's outage. */
export async function recoverWebhookMessages(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  range: { since: Date; until?: Date },
): Promise<{ recovered: number }> {
  const endpoint = await loadOwnedEndpoint(deps, principal, id);
  if (endpoint.status !== 'active') throw failedPrecondition('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before recovering to it.', { endpointId: id });
  const now = deps.now();
  const until = range.until ?? now;
  if (until <= range.since) throw invalid([{ field: 'until', code: 'RANGE_EMPTY', message: 'until must be after since' }]);
  const exhausted = await deps.models.webhookMessages
    .find({ endpointId: id, status: 'exhausted', createdAt: { $gte: range.since, $lt: until } }, { _id: 1 })
    .lean<{ _id: string }[]>();
  let recovered = 0;
  // In slices that FerretDB answers from its _id index; each slice's due entries before its states.
  for (let i = 0; i < exhausted.length; i += RECOVER_SLICE) {
    const ids = exhausted.slice(i, i + RECOVER_SLICE).map((m) => m._id);
    await deps.webhookStore.willBeDue(ids, now);
    const result = await deps.models.webhookMessages.updateMany(
      { _id: { $in: ids }, status: 'exhausted' },
      { $set: { status: 'pending', nextAttemptAt: now, failingNotified: false } },
    );
    recovered += result.modifiedCount;
    for (const messageId of ids) deps.enqueue.webhook(messageId);
  }
  return { recovered };
}

export interface OperationalEventView {
  id: string;
  type: string;
  endpointId: string;
  time: string;
  data: Record<string, unknown>;
}

export async function listOperationalEvents(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
  pageSize: number,
): Promise<{ events: OperationalEventView[] }> {
  await loadOwnedEndpoint(deps, principal, id);
  const docs: OperationalEventDoc[] = await deps.models.operationalEvents.find({ endpointId: id }).sort({ createdAt: -1, _id: -1 }).limit(pageSize).lean();
  return { events: docs.map((d) => ({ id: d._id, type: d.type, endpointId: d.endpointId, time: d.createdAt.toISOString(), data: d.data })) };
}
