import { DEFAULT_ENDPOINT_DISABLE_AFTER_MS, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS } from './retry-schedule';
import { decideAfterAttempt, isSuccessStatus } from './webhook-delivery';

const policy = {
  retryScheduleMs: DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
  disableAfterMs: DEFAULT_ENDPOINT_DISABLE_AFTER_MS,
  failingAfterAttempts: 4,
};
const at = new Date('2026-05-01T08:00:00Z');

describe('decideAfterAttempt', () => {
  it('retries a first failure after 5 s and marks the endpoint failing since now', () => {
    expect(decideAfterAttempt({ ok: false, attemptsMade: 1, at, failingNotified: false }, policy)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-05-01T08:00:05Z'),
      failingNotified: false,
      endpointFailingSince: at,
      disableEndpoint: false,
      operationalEvents: [],
    });
  });

  it('tells the owner once that a message keeps failing', () => {
    const fourth = decideAfterAttempt({ ok: false, attemptsMade: 4, at, failingNotified: false, endpointFailingSince: at }, policy);
    expect(fourth.operationalEvents).toEqual(['attempt.failing']);
    expect(fourth.failingNotified).toBe(true);
    const fifth = decideAfterAttempt({ ok: false, attemptsMade: 5, at, failingNotified: true, endpointFailingSince: at }, policy);
    expect(fifth.operationalEvents).toEqual([]);
  });

  it('exhausts a message after the last scheduled attempt', () => {
    const last = decideAfterAttempt({ ok: false, attemptsMade: 8, at, failingNotified: true, endpointFailingSince: at }, policy);
    expect(last.status).toBe('exhausted');
    expect(last.nextAttemptAt).toBeUndefined();
    expect(last.operationalEvents).toEqual(['attempt.exhausted']);
  });

  it('disables an endpoint that has failed for five days and stops retrying', () => {
    const since = new Date(at.getTime() - DEFAULT_ENDPOINT_DISABLE_AFTER_MS);
    const decision = decideAfterAttempt({ ok: false, attemptsMade: 2, at, failingNotified: false, endpointFailingSince: since }, policy);
    expect(decision).toMatchObject({ status: 'exhausted', disableEndpoint: true, endpointFailingSince: since });
    expect(decision.operationalEvents).toEqual(['attempt.exhausted', 'endpoint.disabled']);
    const almost = new Date(since.getTime() + 1);
    expect(decideAfterAttempt({ ok: false, attemptsMade: 2, at, failingNotified: false, endpointFailingSince: almost }, policy).disableEndpoint).toBe(false);
  });

  it('clears the endpoint failure on success and reports recovery only after a failing notice', () => {
    expect(decideAfterAttempt({ ok: true, attemptsMade: 3, at, failingNotified: false, endpointFailingSince: at }, policy)).toEqual({
      status: 'delivered',
      failingNotified: false,
      endpointFailingSince: null,
      disableEndpoint: false,
      operationalEvents: [],
    });
    expect(decideAfterAttempt({ ok: true, attemptsMade: 6, at, failingNotified: true }, policy).operationalEvents).toEqual(['attempt.recovered']);
  });

  it('counts only 2xx as success', () => {
    expect([200, 204, 299].every(isSuccessStatus)).toBe(true);
    expect([199, 301, 404, 500].some(isSuccessStatus)).toBe(false);
  });
});
