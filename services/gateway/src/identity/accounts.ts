// The identity's account operations: sign-up with e-mail verification, sign-in with lock-out, password
// reset. Passwords are hashed with argon2id (memory-hard); one-time tokens are random, sent by mail and
// stored only as their sha256.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hash, verify } from '@node-rs/argon2';
import { failedPrecondition, invalid, unauthenticated } from '@hangviet/service-kit/errors';
import type { Model } from 'mongoose';
import { isDuplicateKey, type Logger, type RateLimitStore } from '@hangviet/service-kit';
import pLimit from 'p-limit';
import type { AccountDocument } from './account-model';
import { backoffMs, isLockedOut, locksAfterFailure, passwordProblems, type LockoutPolicy } from './lockout';
import type { Mailer, MailKind } from './mailer';

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
  /** The shared database-backed rate-limit windows: sign-in attempts and failures, mail per address. */
  throttles: RateLimitStore;
  /** Mails one address may receive per window (verification, reset, "you have an account"). */
  mailLimit: { perAddress: number; windowMs: number };
  /** Ends the account's sign-in sessions and grants (oidc-provider's records). */
  revokeSessions: (accountId: string) => Promise<void>;
  logger: Logger;
}

/**
 * argon2 runs on libuv's thread pool, which file reads, DNS and compression share: at most two hashes at
 * a time, so a flood of sign-ins (each also limited per client) queues here instead of stalling the rest.
 */
const argon2Gate = pLimit(2);
const hashPassword = (password: string) => argon2Gate(() => hash(password, ARGON2));
const verifyPassword = (passwordHash: string, password: string) => argon2Gate(() => verify(passwordHash, password));
// Checked against when the address has no account, so that costs one verify as a real check does.
let dummyHash: Promise<string> | undefined;

const ATTEMPTS = 'signin-attempts';
const ACCOUNT_FAILURES = 'signin-account-failures';
const ADDRESS_FAILURES = 'signin-address-failures';
const MAIL_TO_ADDRESS = 'identity-mail-address';

/**
 * Whose attempts count together: the address typed (so an address without an account locks exactly like
 * one with, telling nothing), renewed by a password reset (which lifts the locks of the old password).
 */
const credentialKey = (email: string, account: Pick<AccountDocument, 'passwordChangedAt'> | null) => `${email}\u0000${account?.passwordChangedAt?.getTime() ?? 0}`;

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

/**
 * Creates an unverified enterprise account and mails the verification link. An address that has an
 * account is answered the same way (same work, same shape) and its owner is mailed instead: the answer
 * does not tell who has an account.
 */
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
      passwordHash: await hashPassword(input.password),
      roles: ['enterprise'],
      businessId: randomUUID(),
      locale: input.locale,
      verifyTokenHash: tokenHash(token),
      verifyExpires: new Date(deps.now().getTime() + VERIFY_TTL_MS),
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await mailLater(deps, email, input.locale, 'exists', `${deps.publicUrl}/reset-password`);
    return { id };
  }
  await mailLater(deps, email, input.locale, 'verify', `${deps.publicUrl}/verify-email?token=${token}`);
  return { id };
}

/**
 * Counts a mail against its address's limit: one address gets at most `perAddress` mails a window however
 * often someone asks.
 */
async function mailAllowed(deps: AccountsDeps, to: string): Promise<boolean> {
  const { count } = await deps.throttles.hit(MAIL_TO_ADDRESS, to, deps.mailLimit.windowMs);
  if (count <= deps.mailLimit.perAddress) return true;
  deps.logger.warn('mail not sent: the address has had its share of mail for now');
  return false;
}

/**
 * Sends after the answer, so the request does the same work whether or not a mail goes out (no timing
 * tells). A failed send is logged; the user asks again.
 */
function sendAfterAnswer(deps: AccountsDeps, to: string, locale: 'vi' | 'en', kind: MailKind, link: string): void {
  setImmediate(() => {
    deps.mailer.send(to, locale, kind, link).catch((err: unknown) => deps.logger.error({ err, kind }, 'identity mail failed'));
  });
}

async function mailLater(deps: AccountsDeps, to: string, locale: 'vi' | 'en', kind: MailKind, link: string): Promise<void> {
  if (await mailAllowed(deps, to)) sendAfterAnswer(deps, to, locale, kind, link);
}

export async function verifyEmail(deps: AccountsDeps, token: string): Promise<void> {
  const account = await deps.accounts.findOneAndUpdate(
    { verifyTokenHash: tokenHash(token), verifyExpires: { $gt: deps.now() } },
    { $set: { emailVerified: true }, $unset: { verifyTokenHash: 1, verifyExpires: 1 } },
  );
  if (!account) throw failedPrecondition('TOKEN_INVALID', 'This verification link is not valid or has expired.');
}

/**
 * Checks e-mail and password for a client address. Each attempt first takes a slot of its (address typed,
 * client) window in one atomic increment: past `attempts` slots the client is locked out of that address
 * for the rest of the window, unchecked, however many attempts race. Failures also delay later checks on
 * the account and from the client (progressive back-off, never a lock). A success forgets the client's
 * attempts only while they are within the limit (never a lock reached meanwhile).
 */
export async function authenticate(deps: AccountsDeps, emailInput: string, password: string, client = 'direct'): Promise<AccountDocument> {
  const email = emailInput.trim().toLowerCase();
  const policy = deps.lockout;
  const account = await deps.accounts.findOne({ email }).lean();
  const credential = credentialKey(email, account);
  const attemptKey = `${credential}\u0000${client}`;
  const { count } = await deps.throttles.hit(ATTEMPTS, attemptKey, policy.lockMs);
  if (isLockedOut(count, policy)) throw unauthenticated('ACCOUNT_LOCKED', 'Too many failed sign-ins: the account is locked for a while.');

  const [accountFailures, addressFailures] = await Promise.all([
    deps.throttles.count(ACCOUNT_FAILURES, credential, policy.lockMs),
    deps.throttles.count(ADDRESS_FAILURES, client, policy.lockMs),
  ]);
  const delay = backoffMs({ account: accountFailures, address: addressFailures }, policy);
  if (delay > 0) await sleep(delay);

  // An address without an account costs one verify too, so timing does not tell which addresses have accounts.
  const matches = account ? await verifyPassword(account.passwordHash, password) : await verifyPassword(await (dummyHash ??= hashPassword(newToken())), password).then(() => false);
  if (!account || !matches) {
    await Promise.all([deps.throttles.hit(ACCOUNT_FAILURES, credential, policy.lockMs), deps.throttles.hit(ADDRESS_FAILURES, client, policy.lockMs)]);
    throw unauthenticated(locksAfterFailure(count, policy) ? 'ACCOUNT_LOCKED' : 'CREDENTIALS_INVALID', 'The e-mail address or password is wrong.');
  }
  if (!account.emailVerified) throw unauthenticated('EMAIL_NOT_VERIFIED', 'Confirm the e-mail address first: follow the link we sent.');
  await deps.throttles.release(ATTEMPTS, attemptKey, policy.lockMs, policy.attempts);
  return account;
}

/** Mails a reset link when the address has an account; answers the same either way, after the same work. */
export async function requestPasswordReset(deps: AccountsDeps, emailInput: string): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  const token = newToken();
  const account = await deps.accounts.findOneAndUpdate(
    { email },
    { $set: { resetTokenHash: tokenHash(token), resetExpires: new Date(deps.now().getTime() + RESET_TTL_MS) } },
  );
  // The address's mail count grows either way; only an account's owner gets a mail.
  const allowed = await mailAllowed(deps, email);
  if (account && allowed) sendAfterAnswer(deps, email, account.locale, 'reset', `${deps.publicUrl}/reset-password?token=${token}`);
}

/**
 * Sets the new password; following the mailed link proves the address too. The locks of the old password
 * are lifted (its attempts were counted under it), and every session and grant of the account ends: a
 * browser signed in before the reset (perhaps the attacker's) must sign in again.
 */
export async function resetPassword(deps: AccountsDeps, token: string, password: string): Promise<void> {
  const account = await deps.accounts.findOne({ resetTokenHash: tokenHash(token), resetExpires: { $gt: deps.now() } }).lean();
  if (!account) throw failedPrecondition('TOKEN_INVALID', 'This reset link is not valid or has expired.');
  checkNewPassword(password, account.email);
  const done = await deps.accounts.updateOne(
    { _id: account._id, resetTokenHash: tokenHash(token) },
    { $set: { passwordHash: await hashPassword(password), emailVerified: true, passwordChangedAt: deps.now() }, $unset: { resetTokenHash: 1, resetExpires: 1 } },
  );
  if (done.modifiedCount !== 1) throw failedPrecondition('TOKEN_INVALID', 'This reset link has already been used.');
  await deps.revokeSessions(account._id);
}

/** Staff and admin accounts from configuration (dev, demo): created verified when missing. */
export async function seedAccounts(deps: AccountsDeps, seeds: { email: string; password: string; name: string; roles: ('staff' | 'admin')[] }[]): Promise<void> {
  for (const seed of seeds) {
    const email = seed.email.toLowerCase();
    if (await deps.accounts.exists({ email })) continue;
    try {
      await deps.accounts.create({ _id: randomUUID(), email, name: seed.name, passwordHash: await hashPassword(seed.password), roles: seed.roles, emailVerified: true, locale: 'vi' });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}
