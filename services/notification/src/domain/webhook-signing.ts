// Standard Webhooks signatures. During a secret rotation both the new and the old secret sign
// every message, space-separated in one webhook-signature header, so a receiver can switch
// secrets at its own pace within the overlap window.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const SECRET_PREFIX = 'whsec_';

export interface EndpointSecret {
  secret: string;
  createdAt: Date;
  /** Set on a secret that has been rotated out: it keeps signing until then. */
  expiresAt?: Date;
}

export function newWebhookSecret(): string {
  // 32 random bytes: within the 24–64 bytes the specification asks for.
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The secrets that sign a message sent at `at`: the current one first, then any still in overlap. */
export function signingSecrets(secrets: readonly EndpointSecret[], at: Date): string[] {
  return secrets
    .filter((s) => !s.expiresAt || s.expiresAt.getTime() > at.getTime())
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((s) => s.secret);
}

/** Adds `fresh` as the current secret; the others sign on until `overlapMs` from now, expired ones are dropped. */
export function rotateSecrets(secrets: readonly EndpointSecret[], fresh: string, at: Date, overlapMs: number): EndpointSecret[] {
  const until = new Date(at.getTime() + overlapMs);
  const kept = secrets
    .filter((s) => !s.expiresAt || s.expiresAt.getTime() > at.getTime())
    .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < until ? s.expiresAt : until }));
  return [{ secret: fresh, createdAt: at }, ...kept];
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signWebhook(secrets: readonly string[], messageId: string, at: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error('no signing secret');
  const signature = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
