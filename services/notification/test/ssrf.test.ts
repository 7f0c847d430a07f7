// The SSRF guard in the running service, with no allowlist: private, loopback, link-local and
// metadata targets are refused when an endpoint is created, and again on every delivery attempt
// after DNS resolution. No traffic ever leaves for a non-loopback address: refusals happen before
// any connection, and the only "public" name below is served by a stand-in resolver.
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { BusinessApproved } from '@hangviet/events/catalog';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, startNotification, startReceiver, type Harness } from './support';

// partner.test resolves "publicly" at first, then to loopback (DNS rebinding); anything else uses the system resolver.
let partnerAnswer: LookupAddress[] = [{ address: '203.0.114.10', family: 4 }];
const resolveAll = async (host: string): Promise<LookupAddress[]> => (host === 'partner.test' ? partnerAnswer : lookup(host, { all: true, verbatim: true }));

jest.setTimeout(60_000);

let h: Harness;
beforeAll(async () => {
  h = await startNotification('notification_ssrf', { WEBHOOK_RETRY_SCHEDULE: '0' }, { resolveAll });
});
afterAll(async () => {
  await h?.stop();
});

describe('SSRF guard', () => {
  it.each([
    ['http://127.0.0.1:8080/hooks', '127.0.0.1'],
    ['http://10.0.0.1/hooks', '10.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://[::1]:8080/hooks', '::1'],
    ['http://[::ffff:127.0.0.1]/hooks', '::ffff:7f00:1'],
    ['http://localhost:8080/hooks', 'localhost'],
  ])('refuses to create an endpoint for %s', async (url, shown) => {
    const token = await h.token({ role: 'partner', partnerId: 'p1' });
    const res = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url, eventTypes: ['*'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'url', code: 'ADDRESS_NOT_ALLOWED' }] });
    expect(String((res.body.errors as { message: string }[])[0]!.message)).toContain(shown === 'localhost' ? "host 'localhost' resolves to" : shown);
  });

  it('checks again at delivery time and refuses a name that now resolves to loopback', async () => {
    const receiver = await startReceiver([204]);
    try {
      const token = await h.token({ role: 'partner', partnerId: 'p1' });
      const port = new URL(receiver.url).port;
      const created = await api(h.base, 'POST', '/v1/webhook-endpoints', token, { url: `http://partner.test:${port}/hooks`, eventTypes: ['*'] });
      expect(created.status).toBe(201);
      // Rebinding: the same name now points at this machine, where the receiver listens.
      partnerAnswer = [{ address: '127.0.0.1', family: 4 }];
      await h.publish(BusinessApproved, 'biz-ssrf', approvedEvent('biz-ssrf'));
      const attempts = await eventually(async () => {
        const res = await api(h.base, 'GET', `/v1/webhook-endpoints/${created.body.id as string}/attempts`, token);
        const list = res.body.items as { ok: boolean; error?: string }[];
        return list.length > 0 ? list : undefined;
      }, 'the refused attempt');
      expect(attempts).toEqual([expect.objectContaining({ ok: false, error: expect.stringMatching(/^ADDRESS_NOT_ALLOWED: host 'partner.test' resolves to 127.0.0.1/) })]);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it('requires https when configured', async () => {
    const strict = await startNotification('notification_https', { WEBHOOK_REQUIRE_HTTPS: 'true' }, { resolveAll });
    try {
      const token = strict.tokens.partner;
      const res = await api(strict.base, 'POST', '/v1/webhook-endpoints', token, { url: 'http://partner.test/hooks', eventTypes: ['*'] });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ errors: [{ field: 'url', code: 'URL_SCHEME_NOT_ALLOWED' }] });
    } finally {
      await strict.stop();
    }
  });
});
