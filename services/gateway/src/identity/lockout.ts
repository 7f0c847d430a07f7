// Sign-in throttling (issue 20, findings 2 and 12): pure decisions, unit-tested without I/O; the counts
// come from the shared database-backed rate-limit windows, one atomic $inc per attempt.
//
// - The lock is per account *and client address*: every attempt takes a slot of its (address, client)
//   window before the password is checked, so concurrent guesses cannot check more than `attempts`
//   passwords, and a flood from one address locks that address out of the account, never the owner
//   signing in from elsewhere.
// - Back-off is progressive and never a lock: failures on an account from every address, or from one
//   address on every account, delay the next check (doubling up to a ceiling).

export interface LockoutPolicy {
  /** Attempts per account and client address within one window; past them, that client is locked. */
  attempts: number;
  /** The window (and so the longest lock). */
  lockMs: number;
  /** Failures on one account (all addresses) in a window before each further check is delayed. */
  accountBackoffAfter: number;
  /** Failures from one address (all accounts) in a window before each further check is delayed. */
  addressBackoffAfter: number;
  /** The first delay, doubled per further failure, and its ceiling. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/** Whether the attempt that made the client's count `attemptsInWindow` (itself included) may not be checked. */
export function isLockedOut(attemptsInWindow: number, policy: Pick<LockoutPolicy, 'attempts'>): boolean {
  return attemptsInWindow > policy.attempts;
}

/** Whether a failed check used the client's last attempt, so the client is locked from now on. */
export function locksAfterFailure(attemptsInWindow: number, policy: Pick<LockoutPolicy, 'attempts'>): boolean {
  return attemptsInWindow >= policy.attempts;
}

/** How long to wait before checking a password, from the failures already counted on the account and from the address. */
export function backoffMs(failures: { account: number; address: number }, policy: LockoutPolicy): number {
  const excess = Math.max(failures.account - policy.accountBackoffAfter, failures.address - policy.addressBackoffAfter);
  if (excess <= 0) return 0;
  return Math.min(policy.backoffBaseMs * 2 ** Math.min(excess - 1, 30), policy.backoffMaxMs);
}

/** Rules a new password must meet; the codes are the API's. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('PASSWORD_TOO_SHORT');
  if (password.length > 256) problems.push('PASSWORD_TOO_LONG');
  if (password.toLowerCase() === email.toLowerCase()) problems.push('PASSWORD_IS_EMAIL');
  return problems;
}
