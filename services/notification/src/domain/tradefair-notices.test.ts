import { notifiesPeople, planNotices } from './notification-plan';
import { renderTemplate } from './templates';

const application = {
  id: 'app-1', fairId: 'fair-1', businessId: 'biz-1', businessName: 'HTX Dừa Sáp Cầu Kè', boothsWanted: 1, boothCodes: ['A01'],
  waitlistPosition: 0, supportVnd: '3000000', feeVnd: '3000000', fairName: 'Phiên chợ hàng Việt', venueName: 'Nhà văn hoá tỉnh Vĩnh Long',
  openingDay: '2027-01-05', closingDay: '2027-01-09',
};
const staff = [{ email: 'canbo@sct.vinhlong.gov.vn', locale: 'vi' as const }];
const plan = (type: string, over: Record<string, unknown> = {}) =>
  planNotices({ type: `hangviet.tradefair.booth_application.${type}.v1`, subject: 'app-1', data: { application: { ...application, ...over } } }, staff);

describe('trade-fair notices', () => {
  it('tells the enterprise its booth codes, days and support; staff hear of new applications', () => {
    const [allocated] = plan('allocated');
    expect(allocated!.recipient).toEqual({ kind: 'business', id: 'biz-1', locale: 'vi' });
    const vi = renderTemplate(allocated!.template, 'vi', allocated!.context);
    expect(vi.subject).toBe('Gian hàng A01 tại Phiên chợ hàng Việt');
    expect(vi.text).toContain('từ 05/01/2027 đến 09/01/2027 tại Nhà văn hoá tỉnh Vĩnh Long');
    expect(vi.text).toContain('3.000.000 ₫');
    expect(renderTemplate(allocated!.template, 'en', allocated!.context).subject).toBe('Booth A01 at Phiên chợ hàng Việt');
    const submitted = plan('submitted');
    expect(submitted.map((n) => [n.recipient.kind, n.template])).toEqual([
      ['business', 'tradefair.application.submitted'],
      ['staff', 'tradefair.application.submitted.staff'],
    ]);
  });

  it('gives the waitlist place, and an offer its deadline in Vietnam time', () => {
    const [waitlisted] = plan('waitlisted', { boothCodes: [], waitlistPosition: 3 });
    expect(renderTemplate(waitlisted!.template, 'vi', waitlisted!.context).subject).toBe('Danh sách chờ Phiên chợ hàng Việt: vị trí 3');
    const [offered] = plan('offered', { offerDeadline: '2027-01-02T10:30:00Z' });
    const text = renderTemplate(offered!.template, 'en', offered!.context);
    expect(text.subject).toBe('Booth A01 offered — confirm by 17:30 02/01/2027');
  });

  it('says why a rejection or cancellation happened, in words', () => {
    const [rejected] = plan('rejected', { reason: 'OFFER_EXPIRED', boothCodes: [] });
    expect(renderTemplate(rejected!.template, 'vi', rejected!.context).text).toContain('Lý do: hết hạn xác nhận gian hàng được mời');
    expect(notifiesPeople('hangviet.tradefair.fair.created.v1')).toBe(false);
    expect(notifiesPeople('hangviet.tradefair.booth_application.cancelled.v1')).toBe(true);
  });

  it('a lapsed offer is its own notice, not a rejection; the set-up reminder gives booth, day and time', () => {
    const [lapsed] = plan('lapsed', { status: 'BOOTH_APPLICATION_STATUS_OFFER_LAPSED', boothCodes: [], offerDeadline: '2027-01-02T10:30:00Z' });
    expect(lapsed!.template).toBe('tradefair.application.lapsed');
    const vi = renderTemplate(lapsed!.template, 'vi', lapsed!.context);
    expect(vi.subject).toBe('Lời mời nhận gian hàng đã hết hạn: Phiên chợ hàng Việt');
    expect(vi.text).toContain('trước 17:30 02/01/2027');
    expect(renderTemplate(lapsed!.template, 'en', lapsed!.context).subject).toBe('Booth offer lapsed: Phiên chợ hàng Việt');

    const [reminder] = plan('set_up_reminded', { setUpDay: '2027-01-04', setUpTime: '07:00' });
    const en = renderTemplate(reminder!.template, 'en', reminder!.context);
    expect(en.subject).toBe('Set-up reminder, booth A01: Phiên chợ hàng Việt');
    expect(en.text).toContain('sets up booth A01 at Nhà văn hoá tỉnh Vĩnh Long from 07:00 on 04/01/2027');
    expect(renderTemplate(reminder!.template, 'vi', reminder!.context).text).toContain('từ 07:00 ngày 04/01/2027');
  });
});
