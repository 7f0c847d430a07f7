import { BusinessApproved, BusinessDissolved, BusinessRegistered, BusinessSuspended, catalogEvents, SourcingRequestSuppliersMatched } from './catalog';
import { defineEvent } from './registry';
import { ErrorInfo } from '@hangviet/contracts/google/rpc/error_details';
import { projectForPartner } from './partner-policy';

const business = (status: string) => ({ id: 'b1', legalName: 'HTX Kẹo dừa', status, contactEmail: 'lienhe@example.vn', ownerSubject: 'dev-enterprise-b1' });

describe('partner projections (issue 12, item 4)', () => {
  it('every catalogue event declares what partners receive', () => {
    for (const e of catalogEvents) expect(typeof e.partner.public).toBe('function');
  });

  it('by default: no personal data, no internal reason', () => {
    const data = { business: business('BUSINESS_STATUS_SUSPENDED'), reason: 'Nghi vấn hàng giả', actorSubject: 'staff-lan' };
    expect(projectForPartner(BusinessSuspended, data, [])).toEqual({ business: { id: 'b1', legalName: 'HTX Kẹo dừa', status: 'BUSINESS_STATUS_SUSPENDED' } });
    expect(projectForPartner(BusinessSuspended, data, ['internal-reasons'])).toMatchObject({ reason: 'Nghi vấn hàng giả' });
    expect(projectForPartner(BusinessSuspended, data, ['internal-reasons'])).not.toHaveProperty('actorSubject');
    expect(projectForPartner(BusinessSuspended, data, ['personal-data', 'internal-reasons'])).toEqual(data);
  });

  it("a path through an array hides the field in each element: matched suppliers' contact e-mails (issue 26)", () => {
    const data = { request: { id: 'r1' }, suppliers: [{ businessId: 's1', contactEmail: 'a@example.vn', score: 60 }, { businessId: 's2', contactEmail: 'b@example.vn', score: 40 }] };
    expect(projectForPartner(SourcingRequestSuppliersMatched, data, [])).toEqual({ request: { id: 'r1' }, suppliers: [{ businessId: 's1', score: 60 }, { businessId: 's2', score: 40 }] });
    expect(projectForPartner(SourcingRequestSuppliersMatched, data, ['personal-data'])).toEqual(data);
  });

  it('events about businesses that were never public go only to partners with `unpublished`', () => {
    const registered = { business: business('BUSINESS_STATUS_PENDING_REVIEW'), actorSubject: 'x' };
    expect(projectForPartner(BusinessRegistered, registered, [])).toBeUndefined();
    expect(projectForPartner(BusinessRegistered, registered, ['unpublished'])).toMatchObject({ business: { id: 'b1' } });
    const withdrawn = { business: business('BUSINESS_STATUS_DISSOLVED'), previousStatus: 'BUSINESS_STATUS_PENDING_REVIEW', reason: 'Withdrawn' };
    expect(projectForPartner(BusinessDissolved, withdrawn, [])).toBeUndefined();
    expect(projectForPartner(BusinessDissolved, { ...withdrawn, previousStatus: 'BUSINESS_STATUS_ACTIVE' }, [])).toBeDefined();
    expect(projectForPartner(BusinessApproved, { business: business('BUSINESS_STATUS_ACTIVE') }, [])).toBeDefined();
  });

  it('an event type without a policy reaches no partner', () => {
    expect(projectForPartner(defineEvent('hangviet.test.thing.done.v1', ErrorInfo, 'x'), {}, ['personal-data', 'internal-reasons', 'unpublished'])).toBeUndefined();
  });
});
