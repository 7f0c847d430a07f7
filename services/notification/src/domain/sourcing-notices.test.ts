// The sourcing context's events → the people told (pure): each matched supplier once, in its language, with
// the directory's contact e-mail when the event carries one; nothing for other sourcing events.
import { notifiesPeople, planNotices } from './notification-plan';
import { renderTemplate } from './templates';

const request = { id: 'r1', title: 'Mắm, tương đóng chai', buyerName: 'Siêu thị Lạng Sơn', industryCode: '1079', quantity: 500, unit: 'chai', neededBy: '2027-01-20', closingTime: '2027-01-10T10:00:00Z' };
const matched = (suppliers: unknown[]) => ({ type: 'hangviet.sourcing.request.suppliers_matched.v1', subject: 'r1', data: { request, suppliers } });

describe('sourcing notices (issue 26)', () => {
  it('tells each matched supplier once: its inbox and its contact e-mail, in its language, with why it matched', () => {
    const event = matched([
      { businessId: 's1', name: 'HTX Mắm tôm Đồng Đăng', score: 105, reasons: ['INDUSTRY', 'LOCAL', 'CERTIFIED'], contactEmail: 'lienhe@mamtom.vn', preferredLocale: 'vi' },
      { businessId: 's2', name: 'Phu Quoc Fish Sauce Co.', score: 75, reasons: ['INDUSTRY'], preferredLocale: 'en' },
      { businessId: 's1', name: 'HTX Mắm tôm Đồng Đăng', score: 105, reasons: ['INDUSTRY'] },
    ]);
    expect(notifiesPeople(event.type)).toBe(true);
    const notices = planNotices(event, [{ email: 'staff@example.vn', locale: 'vi' }]);
    expect(notices.map((n) => n.recipient)).toEqual([
      { kind: 'business', id: 's1', locale: 'vi', email: 'lienhe@mamtom.vn' },
      { kind: 'business', id: 's2', locale: 'en' },
    ]);
    expect(notices.every((n) => n.template === 'sourcing.request.matched')).toBe(true);
    const vi = renderTemplate(notices[0]!.template, 'vi', notices[0]!.context);
    expect(vi.subject).toBe('Nhu cầu mua hàng phù hợp với HTX Mắm tôm Đồng Đăng: Mắm, tương đóng chai');
    expect(vi.text).toContain('Siêu thị Lạng Sơn cần 500 chai trước ngày 20/01/2027');
    expect(vi.text).toContain('được giới thiệu vì: đúng ngành nghề, cơ sở sản xuất trong tỉnh, có chứng nhận theo yêu cầu.');
    expect(vi.text).toContain('đến 17:00 10/01/2027 (giờ Việt Nam)');
    expect(renderTemplate(notices[1]!.template, 'en', notices[1]!.context).text).toContain('Phu Quoc Fish Sauce Co. was suggested because: its industry.');
  });

  it('tells nobody of the other sourcing events, nor of a match without suppliers', () => {
    expect(notifiesPeople('hangviet.sourcing.request.published.v1')).toBe(false);
    expect(planNotices({ ...matched([]), type: 'hangviet.sourcing.request.published.v1' }, [])).toEqual([]);
    expect(planNotices(matched([]), [])).toEqual([]);
  });
});
