import { parseStaff, planNotices, recipientKey } from './notification-plan';

const business = {
  id: 'biz-1',
  taxCode: '0101234567',
  legalName: 'Công ty TNHH Gốm Bát Tràng',
  tradeName: 'Gốm Bát Tràng',
  contactEmail: 'lienhe@gom.vn',
  preferredLocale: 'en',
};

describe('planNotices', () => {
  it('sends an approval to the business contact, in its language, named by trade name', () => {
    const notices = planNotices({ type: 'hangviet.registry.business.approved.v1', subject: 'biz-1', data: { business } }, [
      { email: 'staff@ttkc.vn', locale: 'vi' },
    ]);
    expect(notices).toEqual([
      {
        recipient: { kind: 'business', id: 'biz-1', email: 'lienhe@gom.vn', locale: 'en' },
        template: 'business.approved',
        context: { businessName: 'Gốm Bát Tràng', taxCode: '0101234567' },
      },
    ]);
    expect(recipientKey(notices[0]!.recipient)).toBe('business:biz-1');
  });

  it('also tells every staff member of a new registration', () => {
    const notices = planNotices({ type: 'hangviet.registry.business.registered.v1', subject: 'biz-1', data: { business } }, [
      { email: 'A@ttkc.vn', locale: 'vi' },
      { email: 'b@ttkc.vn', locale: 'en' },
    ]);
    expect(notices.map((n) => [n.recipient.kind, n.recipient.id, n.template, n.recipient.locale])).toEqual([
      ['business', 'biz-1', 'business.registered', 'en'],
      ['staff', 'a@ttkc.vn', 'business.registered.staff', 'vi'],
      ['staff', 'b@ttkc.vn', 'business.registered.staff', 'en'],
    ]);
  });

  it('carries the reason and changed fields, and defaults to Vietnamese without a contact e-mail', () => {
    const [rejected] = planNotices(
      { type: 'hangviet.registry.business.rejected.v1', subject: 'biz-2', data: { business: { taxCode: '0300000000' }, reason: 'Thiếu hồ sơ' } },
      [],
    );
    expect(rejected).toEqual({
      recipient: { kind: 'business', id: 'biz-2', locale: 'vi' },
      template: 'business.rejected',
      context: { businessName: '0300000000', taxCode: '0300000000', reason: 'Thiếu hồ sơ' },
    });
    const [updated] = planNotices(
      { type: 'hangviet.registry.business.profile_updated.v1', subject: 'biz-1', data: { business, changedFields: ['address'] } },
      [],
    );
    expect(updated?.context.changedFields).toEqual(['address']);
  });

  it('notifies nobody of events that are for partners only', () => {
    expect(planNotices({ type: 'hangviet.fair.fair.published.v1', subject: 'f1', data: {} }, [{ email: 's@x.vn', locale: 'vi' }])).toEqual([]);
  });
});

describe('parseStaff', () => {
  it('reads e-mail addresses with an optional language, Vietnamese by default', () => {
    expect(parseStaff(['a@x.vn', 'b@y.vn:en'])).toEqual([
      { email: 'a@x.vn', locale: 'vi' },
      { email: 'b@y.vn', locale: 'en' },
    ]);
  });
});
