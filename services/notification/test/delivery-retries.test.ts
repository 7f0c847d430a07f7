// People deliveries retry a failing provider on their schedule and give up when it runs out,
// recording every attempt.
import { BusinessReinstated } from '@hangviet/events/catalog';
import { eventually } from '@hangviet/service-testing';
import { api, startNotification, startReceiver, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
let sms: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  // The gateway fails, recovers for one message, then fails for good.
  sms = await startReceiver([500, 200, 502]);
  h = await startNotification('notification_retries', { SMS_API_URL: sms.url, DELIVERY_RETRY_SCHEDULE: '0,100ms,100ms' });
});
afterAll(async () => {
  await h?.stop();
  await sms?.close();
});

async function optInToSms(businessId: string, phone: string) {
  const owner = await h.token({ role: 'enterprise', businessId });
  await h.knowBusiness(businessId);
  const res = await api(h.base, 'PATCH', `/v1/businesses/${businessId}/notification-preferences`, owner, {
    phone,
    channels: { sms: true, email: false },
    smsQuietHours: null,
  });
  expect(res.status).toBe(200);
}

const reinstated = (businessId: string) =>
  BusinessReinstated.codec.fromJSON({ business: { id: businessId, taxCode: '0104444444', tradeName: 'Mây tre Phú Vinh', preferredLocale: 'vi' }, reason: 'Đã khắc phục' });

async function settledSms(businessId: string) {
  return eventually(async () => {
    const d = await h.parts.models.deliveries.findOne({ recipientKey: `business:${businessId}`, channel: 'sms' }).lean();
    return d && d.status !== 'pending' ? d : undefined;
  }, `the SMS delivery of ${businessId} settled`);
}

describe('people delivery retries', () => {
  it('retries after a provider failure and records both attempts', async () => {
    await optInToSms('biz-retry', '+84911111111');
    await h.publish(BusinessReinstated, 'biz-retry', reinstated('biz-retry'));
    const delivery = await settledSms('biz-retry');
    expect(delivery).toMatchObject({ status: 'sent', attemptCount: 2 });
    expect(delivery.attempts.map((a) => [a.ok, a.error])).toEqual([
      [false, 'provider answered 500'],
      [true, undefined],
    ]);
    expect(sms.received).toHaveLength(2);
  });

  it('gives up when the schedule runs out', async () => {
    await optInToSms('biz-giveup', '+84922222222');
    await h.publish(BusinessReinstated, 'biz-giveup', reinstated('biz-giveup'));
    const delivery = await settledSms('biz-giveup');
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 3, lastError: 'provider answered 502' });
    expect(sms.received).toHaveLength(5);
  });
});
