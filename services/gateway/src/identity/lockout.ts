// Lock-out after repeated failed sign-ins: a pure decision, unit-tested without I/O.

export interface LockoutPolicy {
  /** Failures in a row that lock the account. */
  attempts: number;
  /** How long it stays locked. */
  lockMs: number;
}

export interface LoginState {
  failedLogins: number;
  lockedUntil?: Date | undefined;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== undefined && state.lockedUntil.getTime() > now.getTime();
}

/** The state after a failed password: the count grows; reaching the limit locks and starts the count again. */
export function afterFailure(state: LoginState, policy: LockoutPolicy, now: Date): LoginState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins >= policy.attempts) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { failedLogins, lockedUntil: state.lockedUntil };
}

/** A correct password (outside a lock) clears the count. */
export function afterSuccess(): LoginState {
  return { failedLogins: 0, lockedUntil: undefined };
}

/** Rules a new password must meet; the codes are the API's. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('PASSWORD_TOO_SHORT');
  if (password.length > 256) problems.push('PASSWORD_TOO_LONG');
  if (password.toLowerCase() === email.toLowerCase()) problems.push('PASSWORD_IS_EMAIL');
  return problems;
}
