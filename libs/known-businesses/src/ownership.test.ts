import type { Principal } from '@hangviet/service-kit';
import type { KnownBusiness } from './known-business';
import { knowsOwner, needsOwner, ownsBusiness } from './ownership';

const business = (over: Partial<KnownBusiness> = {}): KnownBusiness => ({
  id: 'T', name: 'HTX Kẹo dừa', status: 'ACTIVE', provinceCode: '86', ownerSubject: 'rightful', version: 3, updateTime: new Date(0), ...over,
});
const enterprise = (subject: string, businessId = 'T'): Principal => ({ subject, roles: ['enterprise'], businessId });
const staff: Principal = { subject: 'staff-1', roles: ['staff'] };

describe('ownsBusiness: the registry owner decides, not the token claim alone', () => {
  it('the owner named by the registry, with a token for the business, owns it', () => {
    expect(ownsBusiness(enterprise('rightful'), 'T', business())).toBe(true);
  });

  it('a squatter whose token still names the business does not, once the registry names another owner', () => {
    expect(ownsBusiness(enterprise('squatter'), 'T', business())).toBe(false);
  });

  it('the owner with a token for another business does not act for this one through it', () => {
    expect(ownsBusiness(enterprise('rightful', 'U'), 'T', business())).toBe(false);
  });

  it('nobody owns a business without an owner, an unknown business, or a record of another business', () => {
    expect(ownsBusiness(enterprise('rightful'), 'T', business({ ownerSubject: '' }))).toBe(false);
    expect(ownsBusiness(enterprise('rightful'), 'T', undefined)).toBe(false);
    expect(ownsBusiness(enterprise('rightful'), 'T', business({ id: 'U' }))).toBe(false);
  });

  it('staff, partners and anonymous callers are not owners', () => {
    expect(ownsBusiness(staff, 'T', business({ ownerSubject: 'staff-1' }))).toBe(false);
    expect(ownsBusiness({ subject: 'rightful', roles: ['partner'], partnerId: 'p', businessId: 'T' }, 'T', business())).toBe(false);
    expect(ownsBusiness(undefined, 'T', business())).toBe(false);
  });
});

describe('needsOwner: what can be decided without I/O', () => {
  it('staff may always; a token not naming the business never; an enterprise token naming it asks', () => {
    expect(needsOwner(staff, 'T')).toBe('allowed');
    expect(needsOwner({ subject: 'a', roles: ['admin'] }, 'T')).toBe('allowed');
    expect(needsOwner(enterprise('x', 'U'), 'T')).toBe('refused');
    expect(needsOwner(undefined, 'T')).toBe('refused');
    expect(needsOwner(enterprise('x'), 'T')).toBe('ask');
  });
});

describe('knowsOwner', () => {
  it('a record written before owners were carried cannot decide; one with an empty owner can (nobody)', () => {
    const { ownerSubject: _, ...legacy } = business();
    expect(knowsOwner(legacy)).toBe(false);
    expect(knowsOwner(business({ ownerSubject: '' }))).toBe(true);
    expect(knowsOwner(undefined)).toBe(false);
  });
});
