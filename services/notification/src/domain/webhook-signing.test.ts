import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, rotateSecrets, signingSecrets, signWebhook } from './webhook-signing';

const body = JSON.stringify({ specversion: '1.0', id: 'evt-1', type: 'hangviet.registry.business.approved.v1' });

describe('Standard Webhooks signing', () => {
  it('creates whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('produces headers the reference verifier accepts, and rejects a tampered body', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook([secret], 'msg_1', new Date(), body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('evt-1', 'evt-2'), { ...headers })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('signs with both secrets during a rotation overlap, then with the new one only', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    const old = newWebhookSecret();
    const fresh = newWebhookSecret();
    const rotated = rotateSecrets([{ secret: old, createdAt: t0 }], fresh, new Date('2026-02-01T00:00:00Z'), 24 * 3600_000);
    const during = new Date('2026-02-01T12:00:00Z');
    expect(signingSecrets(rotated, during)).toEqual([fresh, old]);
    const now = new Date();
    const headers = signWebhook(signingSecrets(rotated, during), 'msg_2', now, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(fresh).verify(body, { ...headers })).not.toThrow();
    expect(signingSecrets(rotated, new Date('2026-02-02T00:00:00Z'))).toEqual([fresh]);
  });

  it('does not extend an older overlap on a second rotation, and drops expired secrets', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    const c = newWebhookSecret();
    const day = 24 * 3600_000;
    const first = rotateSecrets([{ secret: a, createdAt: new Date(0) }], b, new Date(1000 * day), day);
    const second = rotateSecrets(first, c, new Date(1000 * day + day / 2), day);
    expect(second.find((s) => s.secret === a)?.expiresAt).toEqual(new Date(1001 * day));
    const third = rotateSecrets(second, newWebhookSecret(), new Date(1003 * day), day);
    expect(third.map((s) => s.secret)).not.toContain(a);
  });
});
