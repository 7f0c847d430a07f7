// The first attempts of a consumer batch's webhook messages, made by the consumer itself before the messages
// are written, so a successful delivery costs the database inserts only (its message, with its outcome, and its
// attempt record) and no update: on FerretDB an update costs ten to twenty times an insert (bench/README.md).
// The Kafka partition is the queue and its consumer-group ownership the claim: the batch's offsets are committed
// only after what it wrote, so a crash before that redelivers the events and their messages are sent again
// under the same webhook-id (at-least-once), while messages already written are never sent again from here.
// What fails becomes pending at its retry time, for the workers (claims, leases); a POST slower than the budget
// is handed over to them while it runs: its first attempt is claimed, its message written pending, and the
// attempt finished under that claim exactly as a worker's (deliver-webhook.ts).
import { setTimeout as delay } from 'node:timers/promises';
import type { WebhookEndpoint, WebhookMessage } from '../domain/records';
import { attemptKey } from './claim-if-due';
import { finishAttempt, outcomeOf, recordHealth, sendWebhook, WEBHOOK_CLAIM, type SendResult } from './deliver-webhook';
import type { EndpointHealthChange, NotificationDeps } from './ports';

type Made =
  /** Written in its final state now: its attempt (if one was made) and health change go first. */
  | { kind: 'made'; message: WebhookMessage; attempt?: ReturnType<typeof outcomeOf>['attempt']; change?: EndpointHealthChange }
  /** Handed to the workers while its POST runs on. */
  | { kind: 'handed' };

/** Returns how many messages this call wrote (those already written are left alone). */
export async function deliverFirstAttempts(deps: NotificationDeps, planned: readonly WebhookMessage[]): Promise<number> {
  if (planned.length === 0) return 0;
  // The endpoints as they are now (not the fan-out's copy): the URL, secrets and status this attempt uses, as a
  // worker reads them before its attempt. Read side by side with the messages already written (a redelivery).
  const endpointIds = [...new Set(planned.map((m) => m.endpointId))];
  const [existing, endpoints] = await Promise.all([
    deps.webhooks.existing(planned.map((m) => m.id)),
    Promise.all(endpointIds.map((id) => deps.webhooks.endpoint(id))).then((found) => new Map(endpointIds.map((id, i) => [id, found[i] ?? null]))),
  ]);
  const todo = planned.filter((m) => !existing.has(m.id));
  const made = await Promise.all(todo.map((message) => attempt(deps, message, endpoints.get(message.endpointId) ?? null)));
  const done = made.filter((m): m is Extract<Made, { kind: 'made' }> => m.kind === 'made');

  // The attempt records, then the endpoints' health, then the messages: a crash in between sends again, never
  // loses a record (as finishAttempt orders them).
  await Promise.all(done.flatMap((m) => (m.attempt ? [deps.webhooks.recordAttempt(m.attempt)] : [])));
  await Promise.all(healthChanges(done).map(([endpointId, change]) => recordHealth(deps, endpointId, change)));
  const written = await deps.webhooks.queue(done.map((m) => m.message));
  for (const message of written) {
    if (message.status === 'pending') deps.enqueue.webhook(message.id, { message }, message.nextAttemptAt);
  }
  return written.length;
}

async function attempt(deps: NotificationDeps, message: WebhookMessage, endpoint: WebhookEndpoint | null): Promise<Made> {
  if (!endpoint || endpoint.status !== 'active') {
    // Not an attempt: nothing is sent (as deliverWebhook); recover re-queues it once the endpoint is enabled.
    return { kind: 'made', message: { ...message, status: 'exhausted', lastError: endpoint ? 'ENDPOINT_DISABLED' : 'ENDPOINT_DELETED' } };
  }
  return deps.firstAttempts.limit(async () => {
    const started = deps.now();
    const sending = sendWebhook(deps, endpoint, message, started);
    const budget = new AbortController();
    const result = await Promise.race([sending, delay(deps.firstAttempts.budgetMs, undefined, { signal: budget.signal }).catch(() => undefined)]);
    budget.abort();
    if (result) return made(deps, endpoint, message, result, started);
    // Slow: the workers take the message over while the POST goes on. The claim comes first (nobody can hold it:
    // the message is not written yet), so a scan that finds the message pending backs off until this attempt ends.
    const key = attemptKey(WEBHOOK_CLAIM, message);
    if (!(await deps.claims.claim(key, deps.now()))) return made(deps, endpoint, message, await sending, started);
    const [queued] = await deps.webhooks.queue([message]);
    if (!queued) return { kind: 'handed' };
    void deps.claims
      .holdWhile(key, async () => {
        const result = await sending;
        const again = await finishAttempt(deps, endpoint, message, result, { started, at: deps.now() });
        if (again) deps.enqueue.webhook(message.id, undefined, again);
      })
      .catch((err: unknown) => deps.logger.warn({ err, messageId: message.id }, 'a slow first attempt could not be recorded; its claim lapses and a worker repeats it'));
    return { kind: 'handed' };
  });
}

function made(deps: NotificationDeps, endpoint: WebhookEndpoint, message: WebhookMessage, result: SendResult, started: Date): Made {
  const outcome = outcomeOf(deps, endpoint, message, result, { started, at: deps.now() });
  return { kind: 'made', message: { ...message, ...outcome.set } as WebhookMessage, attempt: outcome.attempt, ...(outcome.change ? { change: outcome.change } : {}) };
}

/**
 * The batch's health changes, in order. Successes on a failing endpoint each say "healthy again": one of those per
 * endpoint is enough; every change that raises an event or disables is kept (each is conditional in the store).
 */
function healthChanges(done: readonly Extract<Made, { kind: 'made' }>[]): [string, EndpointHealthChange][] {
  const out: [string, EndpointHealthChange][] = [];
  const recovered = new Set<string>();
  for (const m of done) {
    if (!m.change) continue;
    const plain = m.change.events.length === 0 && !m.change.disable && m.change.failingSince === null;
    if (plain) {
      if (recovered.has(m.message.endpointId)) continue;
      recovered.add(m.message.endpointId);
    }
    out.push([m.message.endpointId, m.change]);
  }
  return out;
}
