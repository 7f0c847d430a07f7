import { afterFailure, afterSuccess, isLocked, passwordProblems } from './lockout';

const policy = { attempts: 3, lockMs: 60_000 };
const t0 = new Date('2026-12-02T00:00:00Z');

describe('lock-out', () => {
  it('locks after the configured failures in a row, for the configured time', () => {
    let state = { failedLogins: 0 } as ReturnType<typeof afterFailure>;
    state = afterFailure(state, policy, t0);
    state = afterFailure(state, policy, t0);
    expect(isLocked(state, t0)).toBe(false);
    state = afterFailure(state, policy, t0);
    expect(isLocked(state, t0)).toBe(true);
    expect(isLocked(state, new Date(t0.getTime() + 59_999))).toBe(true);
    expect(isLocked(state, new Date(t0.getTime() + 60_000))).toBe(false);
  });

  it('forgets earlier failures after a success', () => {
    const state = afterFailure(afterFailure({ ...afterSuccess() }, policy, t0), policy, t0);
    expect(state.failedLogins).toBe(2);
    expect(afterFailure(afterSuccess(), policy, t0).failedLogins).toBe(1);
  });
});

describe('password rules', () => {
  it('asks for at least 10 characters and not the e-mail address', () => {
    expect(passwordProblems('short', 'a@b.vn')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('Nguoi.Viet.2026', 'a@b.vn')).toEqual([]);
    expect(passwordProblems('longname@example.vn', 'LongName@example.vn')).toEqual(['PASSWORD_IS_EMAIL']);
  });
});
