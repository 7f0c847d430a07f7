// Which operational events one attempt raises, and what it changes on its endpoint: pure, no I/O.
import type { WebhookEndpoint, WebhookMessage } from '../domain/records';
import { decideAfterAttempt } from '../domain/webhook-delivery';
import { healthChange } from './deliver-webhook';
import { operationalEventId } from './ids';

const policy = { retryScheduleMs: [0, 1000, 2000], disableAfterMs: 5 * 24 * 3600_000, failingAfterAttempts: 2 };
const at = new Date('2026-05-01T08:00:00Z');
const endpoint: WebhookEndpoint = {
  id: 'ep_1',
  owner: 'partner:p1',
  url: 'https://partner.example/hooks',
  description: '',
  eventTypes: ['*'],
  secrets: [],
  status: 'active',
  failingSince: null,
  createdAt: at,
  updatedAt: at,
};
const message: WebhookMessage = {
  id: 'msg_1',
  endpointId: 'ep_1',
  owner: 'partner:p1',
  eventId: 'evt-1',
  eventType: 'hangviet.registry.business.approved.v1',
  payload: '{}',
  operational: false,
  status: 'pending',
  attemptCount: 0,
  nextAttemptAt: at,
  failingNotified: false,
  createdAt: at,
};

function after(attemptsMade: number, ok: boolean, opts: { failingSince?: Date; failingNotified?: boolean; operational?: boolean } = {}) {
  const decision = decideAfterAttempt(
    { ok, attemptsMade, at, failingNotified: opts.failingNotified ?? false, ...(opts.failingSince ? { endpointFailingSince: opts.failingSince } : {}) },
    policy,
  );
  return healthChange(
    { ...endpoint, failingSince: opts.failingSince ?? null },
    { ...message, failingNotified: opts.failingNotified ?? false, operational: opts.operational ?? false },
    decision,
    { attempts: attemptsMade, at, ...(ok ? {} : { lastError: 'HTTP 500' }) },
  );
}

const kinds = (change: ReturnType<typeof after>) => [...(change?.events ?? []), ...(change?.disable?.event ? [change.disable.event] : [])].map((e) => e.kind);

describe('the events and endpoint changes of one attempt', () => {
  it('changes nothing and raises nothing for a success on a healthy endpoint', () => {
    expect(after(1, true)).toBeUndefined();
  });

  it('starts the failure clock on a first failure, without an event', () => {
    expect(after(1, false)).toEqual({ events: [], failingSince: at });
  });

  it('raises exactly attempt_failing at the threshold, with a ce_id derived from message, kind and attempts', () => {
    const change = after(2, false, { failingSince: at });
    expect(kinds(change)).toEqual(['attempt.failing']);
    expect(change?.failingSince).toBeUndefined();
    expect(change?.events[0]).toEqual({
      kind: 'attempt.failing',
      id: operationalEventId('msg_1', 'attempt.failing', 2),
      endpoint: { id: 'ep_1', url: 'https://partner.example/hooks', owner: 'partner:p1' },
      message: { id: 'msg_1', eventId: 'evt-1', eventType: 'hangviet.registry.business.approved.v1' },
      attempts: 2,
      lastError: 'HTTP 500',
      at,
    });
    expect(change?.events[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('raises exactly attempt_exhausted when the schedule runs out', () => {
    expect(kinds(after(3, false, { failingSince: at, failingNotified: true }))).toEqual(['attempt.exhausted']);
  });

  it('raises exactly attempt_recovered and clears the clock when a reported message gets through', () => {
    const change = after(3, true, { failingSince: at, failingNotified: true });
    expect(kinds(change)).toEqual(['attempt.recovered']);
    expect(change?.failingSince).toBeNull();
  });

  it('disables an endpoint failing for too long: endpoint_disabled rides with the disable, exhausted with the rest', () => {
    const longAgo = new Date(at.getTime() - policy.disableAfterMs);
    const change = after(2, false, { failingSince: longAgo });
    expect(change?.disable).toMatchObject({ reason: 'FAILING_TOO_LONG', at, event: { kind: 'endpoint.disabled' } });
    expect(change?.events.map((e) => e.kind)).toEqual(['attempt.exhausted']);
  });

  it('raises nothing for a message that itself carries an operational event (no deliveries about deliveries)', () => {
    expect(kinds(after(2, false, { failingSince: at, operational: true }))).toEqual([]);
    expect(kinds(after(3, false, { failingSince: at, operational: true }))).toEqual([]);
    // Its endpoint's health is still tracked.
    expect(after(1, false, { operational: true })).toEqual({ events: [], failingSince: at });
  });
});
