import { backoffMs, isLockedOut, locksAfterFailure, passwordProblems, type LockoutPolicy } from './lockout';

const policy: LockoutPolicy = { attempts: 3, lockMs: 60_000, accountBackoffAfter: 10, addressBackoffAfter: 20, backoffBaseMs: 250, backoffMaxMs: 8_000 };

describe('lock-out', () => {
  it('checks the configured number of attempts per client and refuses the next ones unchecked', () => {
    expect([1, 2, 3].map((n) => isLockedOut(n, policy))).toEqual([false, false, false]);
    expect(isLockedOut(4, policy)).toBe(true);
    expect(locksAfterFailure(2, policy)).toBe(false);
    expect(locksAfterFailure(3, policy)).toBe(true);
  });

  it('delays, progressively up to a ceiling, once an account or an address has failed too often', () => {
    expect(backoffMs({ account: 10, address: 0 }, policy)).toBe(0);
    expect(backoffMs({ account: 11, address: 0 }, policy)).toBe(250);
    expect(backoffMs({ account: 13, address: 0 }, policy)).toBe(1_000);
    expect(backoffMs({ account: 0, address: 22 }, policy)).toBe(500);
    expect(backoffMs({ account: 500, address: 0 }, policy)).toBe(8_000);
    expect(backoffMs({ account: 1e9, address: 1e9 }, policy)).toBe(8_000);
  });
});

describe('password rules', () => {
  it('asks for at least 10 characters and not the e-mail address', () => {
    expect(passwordProblems('short', 'a@b.vn')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(passwordProblems('Nguoi.Viet.2026', 'a@b.vn')).toEqual([]);
    expect(passwordProblems('longname@example.vn', 'LongName@example.vn')).toEqual(['PASSWORD_IS_EMAIL']);
  });
});
