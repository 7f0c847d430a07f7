// What happens to a webhook message and its endpoint after one delivery attempt, per the
// Standard Webhooks / Svix behaviour: retry on the schedule, exhaust, warn the owner while it keeps
// failing, and disable an endpoint that has failed for days without a single success.
import { nextAttemptAt } from './retry-schedule';

/** The operational events an attempt can raise (their ce_types are in the event catalogue). */
export type OperationalEventKind = 'attempt.failing' | 'attempt.exhausted' | 'endpoint.disabled' | 'attempt.recovered';

export type WebhookMessageStatus = 'pending' | 'delivered' | 'exhausted';

export interface DeliveryPolicy {
  retryScheduleMs: readonly number[];
  disableAfterMs: number;
  failingAfterAttempts: number;
}

export interface AttemptResult {
  ok: boolean;
  /** Attempts made for this message including this one. */
  attemptsMade: number;
  at: Date;
  /** Whether the owner was already told this message is failing. */
  failingNotified: boolean;
  /** Since when the endpoint has failed without a success (unset: it was healthy). */
  endpointFailingSince?: Date;
}

export interface AttemptDecision {
  status: WebhookMessageStatus;
  nextAttemptAt?: Date;
  failingNotified: boolean;
  /** null: the endpoint is healthy again. */
  endpointFailingSince: Date | null;
  disableEndpoint: boolean;
  operationalEvents: OperationalEventKind[];
}

export function decideAfterAttempt(result: AttemptResult, policy: DeliveryPolicy): AttemptDecision {
  if (result.ok) {
    return {
      status: 'delivered',
      failingNotified: false,
      endpointFailingSince: null,
      disableEndpoint: false,
      operationalEvents: result.failingNotified ? ['attempt.recovered'] : [],
    };
  }
  const events: OperationalEventKind[] = [];
  const failingSince = result.endpointFailingSince ?? result.at;
  const disableEndpoint = result.at.getTime() - failingSince.getTime() >= policy.disableAfterMs;
  const next = disableEndpoint ? undefined : nextAttemptAt(result.attemptsMade, result.at, policy.retryScheduleMs);
  let failingNotified = result.failingNotified;
  if (next === undefined) {
    events.push('attempt.exhausted');
  } else if (!failingNotified && result.attemptsMade >= policy.failingAfterAttempts) {
    events.push('attempt.failing');
    failingNotified = true;
  }
  if (disableEndpoint) events.push('endpoint.disabled');
  const decision: AttemptDecision = {
    status: next === undefined ? 'exhausted' : 'pending',
    failingNotified,
    endpointFailingSince: failingSince,
    disableEndpoint,
    operationalEvents: events,
  };
  if (next) decision.nextAttemptAt = next;
  return decision;
}

/** A 2xx is a success; anything else (3xx included: redirects are not followed) is a failure. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
