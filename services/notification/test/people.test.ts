// Notifications to people end to end: a registry event becomes an e-mail readable in the local
// mail sink and an inbox entry, in the recipient's language, shaped by their preferences.
import { BusinessApproved, BusinessRegistered, BusinessRejected, BusinessSuspended } from '@hangviet/events/catalog';
import type { StoredMessage } from '../../../deploy/local/mail-sink/mail-sink';
import { vietnamMinutesOfDay } from '../src/domain/preferences';
import { eventually } from '@hangviet/service-testing';
import { api, approvedEvent, registeredEvent, startNotification, startReceiver, type Harness } from './support';

jest.setTimeout(60_000);

let h: Harness;
let sms: Awaited<ReturnType<typeof startReceiver>>;
let zalo: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  // Stand-ins for the SMS gateway and the Zalo ZNS API.
  sms = await startReceiver([200]);
  zalo = await startReceiver([200]);
  h = await startNotification('notification_people', {
    STAFF_EMAILS: 'duyet@ttkc.vn,reviewer@ttkc.vn:en',
    SMS_API_URL: sms.url,
    SMS_API_TOKEN: 'sms-test-token',
    ZALO_ZNS_API_URL: zalo.url,
    ZALO_ZNS_ACCESS_TOKEN: 'zalo-test-token',
  });
});
afterAll(async () => {
  await h?.stop();
  await sms?.close();
  await zalo?.close();
});

function suspended(businessId: string) {
  return BusinessSuspended.codec.fromJSON({
    business: { id: businessId, taxCode: '0102222222', tradeName: 'Lụa Vạn Phúc', contactEmail: 'lua@vanphuc.vn', preferredLocale: 'vi' },
    reason: 'Vi phạm quy chế',
  });
}

const clock = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

async function mailTo(address: string, count = 1): Promise<StoredMessage[]> {
  return eventually(async () => {
    // Through the sink's HTTP API, as a developer reads it.
    const list = (await (await fetch(`${h.mail.apiUrl}/api/v1/messages?limit=200`)).json()) as { messages: { ID: string; To: { Address: string }[] }[] };
    const ids = list.messages.filter((m) => m.To.some((t) => t.Address === address)).map((m) => m.ID);
    if (ids.length < count) return undefined;
    return Promise.all(ids.map(async (id) => (await (await fetch(`${h.mail.apiUrl}/api/v1/message/${id}`)).json()) as StoredMessage));
  }, `mail to ${address}`);
}

describe('approval e-mail', () => {
  it('arrives in the mail sink in English for an English-speaking business', async () => {
    await h.publish(BusinessApproved, 'biz-en', approvedEvent('biz-en', { email: 'export@gom.vn', locale: 'en' }));
    const [mail] = await mailTo('export@gom.vn');
    expect(mail!.Subject).toBe('Gốm Bát Tràng has been approved');
    expect(mail!.Text).toContain('The registration of Gốm Bát Tràng (tax code 0101234567) has been approved.');
    expect(mail!.HTML).toContain('<html lang="en">');
    expect(mail!.Headers['Content-Language']).toEqual(['en']);
  });

  it('arrives in Vietnamese for a Vietnamese-speaking business', async () => {
    await h.publish(BusinessApproved, 'biz-vi', approvedEvent('biz-vi', { email: 'lienhe@gom.vn', locale: 'vi' }));
    const [mail] = await mailTo('lienhe@gom.vn');
    expect(mail!.Subject).toBe('Hồ sơ của Gốm Bát Tràng đã được phê duyệt');
    expect(mail!.Text).toContain('Hồ sơ đăng ký của Gốm Bát Tràng (mã số thuế 0101234567) đã được phê duyệt.');
  });

  it('tells every staff member of a new registration, each in their language', async () => {
    await h.publish(BusinessRegistered, 'biz-new', registeredEvent('biz-new'));
    const [vi] = await mailTo('duyet@ttkc.vn');
    const [en] = await mailTo('reviewer@ttkc.vn');
    expect(vi!.Subject).toBe('Hồ sơ mới cần xét duyệt: HTX Chè Tân Cương');
    expect(en!.Subject).toBe('New registration to review: HTX Chè Tân Cương');
    const [business] = await mailTo('htx@chetancuong.vn');
    expect(business!.Subject).toBe('Đã tiếp nhận hồ sơ đăng ký của HTX Chè Tân Cương');
  });
});

describe('inbox and preferences', () => {
  it('keeps an inbox per business that only that business (and staff) can read, with read marks', async () => {
    const owner = await h.token({ role: 'enterprise', businessId: 'biz-inbox' });
    const stranger = await h.token({ role: 'enterprise', businessId: 'biz-other' });
    await Promise.all([h.knowBusiness('biz-inbox'), h.knowBusiness('biz-other')]);
    await h.publish(BusinessApproved, 'biz-inbox', approvedEvent('biz-inbox', { email: 'inbox@gom.vn', locale: 'en' }));

    const inbox = await eventually(async () => {
      const res = await api(h.base, 'GET', '/v1/inbox', owner);
      return (res.body.items as unknown[]).length > 0 ? res.body : undefined;
    }, 'the inbox entry');
    expect(inbox).toMatchObject({ unreadCount: 1, nextPageToken: '', items: [{ title: 'Gốm Bát Tràng has been approved', read: false, locale: 'en' }] });
    const id = (inbox.items as { id: string }[])[0]!.id;

    expect((await api(h.base, 'GET', '/v1/inbox?businessId=biz-inbox', stranger)).status).toBe(403);
    expect((await api(h.base, 'POST', `/v1/inbox/${id}:markRead`, stranger)).status).toBe(404);
    expect((await api(h.base, 'GET', '/v1/inbox')).status).toBe(401);

    const marked = await api(h.base, 'POST', `/v1/inbox/${id}:markRead`, owner);
    expect(marked.body).toMatchObject({ id, read: true, readTime: expect.any(String) });
    expect((await api(h.base, 'GET', '/v1/inbox', owner)).body.unreadCount).toBe(0);
    const staff = await h.token({ role: 'staff' });
    expect((await api(h.base, 'GET', '/v1/inbox?businessId=biz-inbox', staff)).body.items).toHaveLength(1);
  });

  it('follows the preferences: language override and e-mail off', async () => {
    const owner = await h.token({ role: 'enterprise', businessId: 'biz-prefs' });
    await h.knowBusiness('biz-prefs');
    const bad = await api(h.base, 'PATCH', '/v1/businesses/biz-prefs/notification-preferences', owner, {
      phone: '0912345678',
      smsQuietHours: { start: '25:00', end: '07:00' },
    });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['phone', 'smsQuietHours.start']);

    const updated = await api(h.base, 'PATCH', '/v1/businesses/biz-prefs/notification-preferences', owner, {
      locale: 'en',
      channels: { email: false },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ recipient: 'business:biz-prefs', locale: 'en', channels: { email: false, inbox: true, sms: false } });

    await h.publish(BusinessRejected, 'biz-prefs', BusinessRejected.codec.fromJSON({
      business: { id: 'biz-prefs', taxCode: '0301111111', tradeName: 'Nón lá Huế', contactEmail: 'non@hue.vn', preferredLocale: 'vi' },
      reason: 'Thiếu giấy chứng nhận đăng ký',
    }));
    const inbox = await eventually(async () => {
      const res = await api(h.base, 'GET', '/v1/inbox', owner);
      return (res.body.items as unknown[]).length > 0 ? (res.body.items as { title: string; body: string }[]) : undefined;
    }, 'the inbox entry');
    expect(inbox[0]!.title).toBe('The registration of Nón lá Huế was not approved');
    expect(inbox[0]!.body).toContain('Reason: Thiếu giấy chứng nhận đăng ký');
    expect(await h.parts.models.deliveries.countDocuments({ recipientKey: 'business:biz-prefs' })).toBe(0);
    expect(h.mail.messages().filter((m) => m.To[0]?.Address === 'non@hue.vn')).toHaveLength(0);
  });

  it('sends SMS and Zalo ZNS to a business that opted in with a phone number', async () => {
    const owner = await h.token({ role: 'enterprise', businessId: 'biz-sms' });
    await h.knowBusiness('biz-sms');
    const prefs = await api(h.base, 'PATCH', '/v1/businesses/biz-sms/notification-preferences', owner, {
      phone: '+84912345678',
      channels: { sms: true, zalo: true, email: false },
      smsQuietHours: null,
    });
    expect(prefs.status).toBe(200);
    await h.publish(BusinessSuspended, 'biz-sms', suspended('biz-sms'));

    const [text] = await eventually(() => sms.received.length > 0 && sms.received, 'the SMS');
    expect(text!.headers.authorization).toBe('Bearer sms-test-token');
    expect(JSON.parse(text!.body)).toMatchObject({ to: '+84912345678', text: 'Lụa Vạn Phúc đã bị tạm đình chỉ trên hệ thống', reference: expect.stringMatching(/^dlv_/) });
    const [zns] = await eventually(() => zalo.received.length > 0 && zalo.received, 'the Zalo message');
    expect(zns!.headers.access_token).toBe('zalo-test-token');
    expect(JSON.parse(zns!.body)).toMatchObject({ phone: '84912345678', template_id: 'hangviet_notice', template_data: { title: 'Lụa Vạn Phúc đã bị tạm đình chỉ trên hệ thống' } });
    expect(h.mail.messages().filter((m) => m.To[0]?.Address === 'lua@vanphuc.vn')).toHaveLength(0);
  });

  it('holds an SMS during the recipient quiet hours (Vietnam time) but not the other channels', async () => {
    const owner = await h.token({ role: 'enterprise', businessId: 'biz-quiet' });
    await h.knowBusiness('biz-quiet');
    const now = vietnamMinutesOfDay(new Date());
    // A window from an hour ago to an hour from now, in Vietnam.
    await api(h.base, 'PATCH', '/v1/businesses/biz-quiet/notification-preferences', owner, {
      phone: '+84987654321',
      channels: { sms: true, zalo: true },
      smsQuietHours: { start: clock(now - 60), end: clock(now + 60) },
    });
    await h.publish(BusinessSuspended, 'biz-quiet', suspended('biz-quiet'));
    await eventually(() => zalo.received.some((r) => JSON.parse(r.body).phone === '84987654321'), 'the Zalo message');
    const held = await h.parts.models.deliveries.findOne({ recipientKey: 'business:biz-quiet', channel: 'sms' }).lean();
    expect(held).toMatchObject({ status: 'pending', attemptCount: 0 });
    expect(held!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect(sms.received.some((r) => JSON.parse(r.body).to === '+84987654321')).toBe(false);
  });
});

describe('a transferred business (issue 20, finding 1)', () => {
  it("refuses the squatter's old token on the inbox and the preferences once the registry names the rightful owner, and lets the owner in", async () => {
    const id = 'biz-squatted';
    const squatter = await h.token({ role: 'enterprise', businessId: id, subject: `squatter-${id}` });
    const rightful = await h.token({ role: 'enterprise', businessId: id, subject: `rightful-${id}` });
    // As the registry tells it: registered by the squatter, transferred by staff and approved for the owner.
    await h.publish(BusinessRegistered, id, BusinessRegistered.codec.fromJSON({ business: { id, taxCode: '0108888888', legalName: 'Công ty Bị Chiếm Tên', ownerSubject: `squatter-${id}`, version: '1' } }));
    await h.publish(BusinessApproved, id, BusinessApproved.codec.fromJSON({
      business: { id, taxCode: '0108888888', legalName: 'Công ty Bị Chiếm Tên', contactEmail: 'chu@that.vn', status: 'BUSINESS_STATUS_ACTIVE', ownerSubject: `rightful-${id}`, version: '3' },
    }));
    await eventually(async () => (await h.parts.deps.businesses.stored(id))?.ownerSubject === `rightful-${id}`, 'the approval in the copy');

    const inbox = await api(h.base, 'GET', '/v1/inbox', squatter);
    expect({ status: inbox.status, code: inbox.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    expect((await api(h.base, 'GET', `/v1/inbox?businessId=${id}`, squatter)).status).toBe(403);
    const off = await api(h.base, 'PATCH', `/v1/businesses/${id}/notification-preferences`, squatter, { channels: { email: false } });
    expect({ status: off.status, code: off.body.code }).toEqual({ status: 403, code: 'NOT_OWNER' });
    expect((await api(h.base, 'GET', `/v1/businesses/${id}/notification-preferences`, squatter)).status).toBe(403);

    expect((await api(h.base, 'GET', '/v1/inbox', rightful)).status).toBe(200);
    const prefs = await api(h.base, 'GET', `/v1/businesses/${id}/notification-preferences`, rightful);
    expect(prefs.body).toMatchObject({ recipient: `business:${id}`, channels: { email: true } });
  });
});
