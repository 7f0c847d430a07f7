// The identity's account operations: sign-up with e-mail verification, sign-in with lock-out, password
// reset. Passwords are hashed with argon2id (memory-hard); one-time tokens are random, sent by mail and
// stored only as their sha256.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { conflict, failedPrecondition, invalid, unauthenticated } from '@hangviet/service-kit/errors';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@hangviet/service-kit';
import type { AccountDocument } from './account-model';
import { afterFailure, afterSuccess, isLocked, passwordProblems, type LockoutPolicy } from './lockout';
import type { Mailer } from './mailer';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `2` is Algorithm.Argon2id (a const enum).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const VERIFY_TTL_MS = 24 * 3600_000;
const RESET_TTL_MS = 3600_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface AccountsDeps {
  accounts: Model<AccountDocument>;
  mailer: Mailer;
  publicUrl: string;
  lockout: LockoutPolicy;
  now: () => Date;
}

export interface SignUp {
  email: string;
  password: string;
  name: string;
  locale: 'vi' | 'en';
}

function checkNewPassword(password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw invalid(problems.map((code) => ({ field: 'password', code, message: `The password breaks the rule ${code}.` })));
}

/** Creates an unverified enterprise account and mails the verification link. */
export async function signUp(deps: AccountsDeps, input: SignUp): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw invalid([{ field: 'email', code: 'EMAIL_INVALID', message: 'Not an e-mail address.' }]);
  checkNewPassword(input.password, email);
  const token = newToken();
  const id = randomUUID();
  try {
    await deps.accounts.create({
      _id: id,
      email,
      name: input.name.trim(),
      passwordHash: await hash(input.password, ARGON2),
      roles: ['enterprise'],
      businessId: randomUUID(),
      locale: input.locale,
      verifyTokenHash: tokenHash(token),
      verifyExpires: new Date(deps.now().getTime() + VERIFY_TTL_MS),
    });
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('EMAIL_TAKEN', 'An account with this e-mail address exists; sign in or reset the password.');
    throw err;
  }
  await deps.mailer.send(email, input.locale, 'verify', `${deps.publicUrl}/verify-email?token=${token}`);
  return { id };
}

export async function verifyEmail(deps: AccountsDeps, token: string): Promise<void> {
  const account = await deps.accounts.findOneAndUpdate(
    { verifyTokenHash: tokenHash(token), verifyExpires: { $gt: deps.now() } },
    { $set: { emailVerified: true }, $unset: { verifyTokenHash: 1, verifyExpires: 1 } },
  );
  if (!account) throw failedPrecondition('TOKEN_INVALID', 'This verification link is not valid or has expired.');
}

/** Checks e-mail and password; counts failures and locks the account after too many in a row. */
export async function authenticate(deps: AccountsDeps, emailInput: string, password: string): Promise<AccountDocument> {
  const email = emailInput.trim().toLowerCase();
  const account = await deps.accounts.findOne({ email }).lean();
  const now = deps.now();
  if (!account) {
    // Same cost as a real check, so timing does not tell which addresses have accounts.
    await hash(password, ARGON2);
    throw unauthenticated('CREDENTIALS_INVALID', 'The e-mail address or password is wrong.');
  }
  if (isLocked({ failedLogins: account.failedLogins, lockedUntil: account.lockedUntil }, now)) {
    throw unauthenticated('ACCOUNT_LOCKED', 'Too many failed sign-ins: the account is locked for a while.');
  }
  if (!(await verify(account.passwordHash, password))) {
    const next = afterFailure({ failedLogins: account.failedLogins, lockedUntil: account.lockedUntil }, deps.lockout, now);
    await deps.accounts.updateOne({ _id: account._id }, { $set: { failedLogins: next.failedLogins, ...(next.lockedUntil ? { lockedUntil: next.lockedUntil } : {}) } });
    throw unauthenticated(isLocked(next, now) ? 'ACCOUNT_LOCKED' : 'CREDENTIALS_INVALID', 'The e-mail address or password is wrong.');
  }
  if (!account.emailVerified) throw unauthenticated('EMAIL_NOT_VERIFIED', 'Confirm the e-mail address first: follow the link we sent.');
  if (account.failedLogins > 0 || account.lockedUntil) {
    const cleared = afterSuccess();
    await deps.accounts.updateOne({ _id: account._id }, { $set: { failedLogins: cleared.failedLogins }, $unset: { lockedUntil: 1 } });
  }
  return account;
}

/** Mails a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(deps: AccountsDeps, emailInput: string): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  const token = newToken();
  const account = await deps.accounts.findOneAndUpdate(
    { email },
    { $set: { resetTokenHash: tokenHash(token), resetExpires: new Date(deps.now().getTime() + RESET_TTL_MS) } },
  );
  if (account) await deps.mailer.send(email, account.locale, 'reset', `${deps.publicUrl}/reset-password?token=${token}`);
}

export async function resetPassword(deps: AccountsDeps, token: string, password: string): Promise<void> {
  const account = await deps.accounts.findOne({ resetTokenHash: tokenHash(token), resetExpires: { $gt: deps.now() } }).lean();
  if (!account) throw failedPrecondition('TOKEN_INVALID', 'This reset link is not valid or has expired.');
  checkNewPassword(password, account.email);
  const done = await deps.accounts.updateOne(
    { _id: account._id, resetTokenHash: tokenHash(token) },
    // Following the mailed link proves the address too; a reset also lifts a lock.
    { $set: { passwordHash: await hash(password, ARGON2), emailVerified: true, failedLogins: 0 }, $unset: { resetTokenHash: 1, resetExpires: 1, lockedUntil: 1 } },
  );
  if (done.modifiedCount !== 1) throw failedPrecondition('TOKEN_INVALID', 'This reset link has already been used.');
}

/** Staff and admin accounts from configuration (dev, demo): created verified when missing. */
export async function seedAccounts(deps: AccountsDeps, seeds: { email: string; password: string; name: string; roles: ('staff' | 'admin')[] }[]): Promise<void> {
  for (const seed of seeds) {
    const email = seed.email.toLowerCase();
    if (await deps.accounts.exists({ email })) continue;
    try {
      await deps.accounts.create({ _id: randomUUID(), email, name: seed.name, passwordHash: await hash(seed.password, ARGON2), roles: seed.roles, emailVerified: true, locale: 'vi' });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
