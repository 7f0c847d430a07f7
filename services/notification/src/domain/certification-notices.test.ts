import { notifiesPeople, planNotices } from './notification-plan';
import { renderTemplate } from './templates';

const staff = [{ email: 'secretariat@example.vn', locale: 'vi' as const }];

describe('notices of certification events', () => {
  it('tells the enterprise (by businessId) and the staff about a new application', () => {
    const notices = planNotices(
      {
        type: 'hangviet.certification.application.submitted.v1',
        subject: 'app-1',
        data: { application: { id: 'app-1', businessId: 'b-1', productName: 'Kẹo dừa sáp', round: { year: 2026, number: 1 } } },
      },
      staff,
    );
    expect(notices.map((n) => [n.recipient.kind, n.recipient.id, n.template])).toEqual([
      ['business', 'b-1', 'certification.application.submitted'],
      ['staff', 'secretariat@example.vn', 'certification.application.submitted.staff'],
    ]);
    expect(renderTemplate(notices[0]!.template, 'vi', notices[0]!.context).text).toContain('Kẹo dừa sáp');
    expect(renderTemplate(notices[0]!.template, 'vi', notices[0]!.context).text).toContain('kỳ 1/2026');
  });

  it('states the days left and the end date of an expiring certificate', () => {
    const [notice] = planNotices(
      {
        type: 'hangviet.certification.certificate.expiring.v1',
        subject: 'OCOP-2026-000001-7',
        data: { certificate: { number: 'OCOP-2026-000001-7', businessId: 'b-1', productName: 'Kẹo dừa', scheme: 'CERTIFICATION_SCHEME_OCOP', stars: 4, validUntil: '2029-11-20T00:00:00Z' }, daysLeft: 30 },
      },
      staff,
    );
    expect(notice!.recipient).toMatchObject({ kind: 'business', id: 'b-1' });
    expect(renderTemplate(notice!.template, 'en', notice!.context).text).toContain('expires on 20/11/2029 (30 days left)');
  });

  it('tells only staff about a counterfeit report, and no one about a forwarded one (partners get it by webhook)', () => {
    const received = planNotices({ type: 'hangviet.certification.report.received.v1', subject: 'r-1', data: { report: { id: 'r-1', businessId: 'b-1', shop: 'Chợ Bến Thành' } } }, staff);
    expect(received.map((n) => n.recipient.kind)).toEqual(['staff']);
    expect(notifiesPeople('hangviet.certification.report.forwarded.v1')).toBe(false);
    expect(notifiesPeople('hangviet.certification.certificate.revoked.v1')).toBe(true);
  });
});
