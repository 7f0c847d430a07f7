import { AppError } from '@hangviet/service-kit/errors';
import { SourcingRequest, type SubmitInput } from './sourcing-request';

const now = new Date('2026-12-07T08:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const submit = (overrides: Partial<SubmitInput> = {}) =>
  SourcingRequest.submit({
    id: 'r1',
    buyer: { businessId: 'buyer', name: 'Siêu thị Lạng Sơn', status: 'ACTIVE', provinceCode: '20' },
    title: '  Mắm tôm đóng chai  ',
    description: 'Cần 500 chai mỗi tháng',
    industry: { edition: '2018', code: '1079' },
    requiredCertifications: [{ scheme: 'OCOP' }],
    quantity: 500,
    unit: 'chai',
    neededBy: '2027-01-15',
    originPreference: 'PROVINCE',
    responseCap: 2,
    closingTime: later(30),
    actor: 'buyer-owner',
    now,
    ...overrides,
  });

function failure(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, fields: (err.errors ?? []).map((e) => `${e.field}:${e.code}`) };
    throw err;
  }
  throw new Error('expected an error');
}

const respond = (r: SourcingRequest, supplier: string, at = now) => r.respond({ supplierBusinessId: supplier, supplierName: supplier, message: 'Có hàng', actor: `${supplier}-owner`, now: at });

describe('SourcingRequest', () => {
  it('is filed under review, trimmed, with OCOP defaulting to 3 stars, raising one submitted event', () => {
    const r = submit();
    expect(r.state).toMatchObject({ status: 'PENDING_REVIEW', title: 'Mắm tôm đóng chai', requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }], version: 1 });
    expect(r.events.map((e) => e.kind)).toEqual(['submitted']);
  });

  it('refuses bad fields, naming each', () => {
    expect(failure(() => submit({ title: ' ', quantity: 0, responseCap: 0, closingTime: later(-1), buyer: { businessId: 'b', name: '', status: 'SUSPENDED', provinceCode: '20' } })).fields).toEqual([
      'title:REQUIRED',
      'buyerBusinessId:BUSINESS_NOT_ACTIVE',
      'quantity:NOT_POSITIVE',
      'responseCap:OUT_OF_RANGE',
      'closingTime:NOT_IN_FUTURE',
    ]);
    expect(failure(() => submit({ closingTime: later(181) })).fields).toEqual(['closingTime:TOO_FAR']);
    expect(failure(() => submit({ requiredCertifications: [{ scheme: 'VIETGAP', minStars: 3 }] })).fields).toEqual(['requiredCertifications[0].minStars:NOT_APPLICABLE']);
    expect(failure(() => submit({ buyer: { name: ' ', provinceCode: '20' } })).fields).toEqual(['buyerName:REQUIRED']);
  });

  it('is moderated: published with the matched suppliers told, or rejected with a reason; only from review', () => {
    const s1 = { businessId: 's1', score: 60, reasons: ['INDUSTRY', 'LOCAL'], name: 'Cơ sở 1', contactEmail: 's1@example.vn', preferredLocale: 'vi' };
    const published = submit().publish('staff', now, [s1, { ...s1 }]);
    expect(published.state.status).toBe('PUBLISHED');
    expect(published.events.map((e) => e.kind)).toEqual(['submitted', 'published', 'suppliers_matched']);
    // each supplier told once, with where its owner is reached
    expect(published.events[2]).toMatchObject({ kind: 'suppliers_matched', suppliers: [s1] });
    expect((published.events[2] as { suppliers: unknown[] }).suppliers).toHaveLength(1);
    expect(failure(() => published.publish('staff', now, [])).code).toBe('REQUEST_STATUS');
    expect(failure(() => submit().reject('staff', '  ', now)).fields).toEqual(['reason:REQUIRED']);
    expect(submit().reject('staff', 'Không rõ nhu cầu', now).state).toMatchObject({ status: 'REJECTED', rejectReason: 'Không rõ nhu cầu' });
    expect(failure(() => submit({ closingTime: later(1) }).publish('staff', later(2), [])).code).toBe('REQUEST_CLOSING_PASSED');
  });

  it('expires at its closing time and is renewed until a new one', () => {
    const r = SourcingRequest.fromState({ ...submit().publish('staff', now, []).state });
    expect(r.isDueToExpire(later(29))).toBe(false);
    expect(r.isDueToExpire(later(30))).toBe(true);
    r.expire(later(30));
    expect(r.state.status).toBe('EXPIRED');
    expect(failure(() => r.renew('buyer', later(29), later(30))).fields).toEqual(['closingTime:NOT_IN_FUTURE']);
    r.renew('buyer', later(60), later(30));
    expect(r.state).toMatchObject({ status: 'PUBLISHED', closingTime: later(60) });
  });

  it('takes one response per supplier, one edit, and closes at its cap', () => {
    const r = submit().publish('staff', now, []);
    expect(failure(() => respond(r, 'buyer')).fields).toEqual(['supplierBusinessId:OWN_REQUEST']);
    respond(r, 's1');
    expect(failure(() => respond(r, 's1')).code).toBe('RESPONSE_EXISTS');
    r.editResponse({ supplierBusinessId: 's1', message: 'Giá mới', unitPriceVnd: 45_000, actor: 's1-owner', now });
    expect(r.responseOf('s1')).toMatchObject({ message: 'Giá mới', unitPriceVnd: 45_000, editTime: now });
    expect(failure(() => r.editResponse({ supplierBusinessId: 's1', message: 'Lần hai', actor: 's1-owner', now })).code).toBe('RESPONSE_EDITED');
    respond(r, 's2');
    expect(r.state).toMatchObject({ status: 'CLOSED', closeReason: 'CAP_REACHED' });
    expect(failure(() => respond(r, 's3')).code).toBe('REQUEST_NOT_OPEN');
    expect(r.events.slice(-2).map((e) => e.kind)).toEqual(['response_received', 'closed']);
  });

  it('takes no response after its closing time, even before the expiry job ran', () => {
    const r = submit().publish('staff', now, []);
    expect(failure(() => respond(r, 's1', later(31))).code).toBe('REQUEST_NOT_OPEN');
  });
});
