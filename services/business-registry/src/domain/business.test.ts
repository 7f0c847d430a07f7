import { AppError } from '@hangviet/service-kit/errors';
import {
  BUSINESS_STATUSES,
  Business,
  type BusinessProfile,
  type BusinessState,
  type BusinessStatus,
  type StatusAction,
} from './business';

const now = new Date('2026-01-15T08:00:00Z');
const later = new Date('2026-01-16T08:00:00Z');
const staff = { subject: 'staff-1' };

const profile: BusinessProfile = {
  legalName: 'Công ty TNHH Kẹo dừa Mỏ Cày',
  tradeName: 'Kẹo dừa Mỏ Cày',
  address: { provinceCode: '86', provinceName: 'Vĩnh Long', wardCode: '29251', wardName: 'Xã Mỏ Cày', street: '12 Quốc lộ 57' },
  industries: [{ edition: '2018', code: '1073', name: 'Sản xuất ca cao, sôcôla và bánh kẹo', main: true }],
  contact: { email: 'lienhe@keoduamocay.vn', phone: '+84912345678' },
  representative: { fullName: 'Nguyễn Thị Hoa', position: 'Giám đốc' },
  preferredLocale: 'vi',
};

function stateIn(status: BusinessStatus): BusinessState {
  return {
    ...profile,
    id: 'b1',
    taxCode: '0100233488',
    type: 'COMPANY',
    status,
    version: 3,
    createdAt: now,
    updatedAt: now,
  };
}

function act(business: Business, action: StatusAction): void {
  switch (action) {
    case 'approve':
      return business.approve(staff, later);
    case 'reject':
      return business.reject('Hồ sơ thiếu giấy phép', staff, later);
    case 'suspend':
      return business.suspend('Vi phạm nhãn hàng hoá', staff, later);
    case 'reinstate':
      return business.reinstate(staff, later);
    case 'dissolve':
      return business.dissolve('Giải thể theo quyết định của chủ sở hữu', staff, later);
  }
}

function caught(fn: () => void): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('Business.register', () => {
  it('starts PENDING_REVIEW at version 1 and raises registered', () => {
    const b = Business.register({ id: 'b1', taxCode: '0100233488', type: 'COMPANY', profile, ownerSubject: 'u1', actor: { subject: 'u1' }, now });
    expect(b.state).toMatchObject({ status: 'PENDING_REVIEW', version: 1, ownerSubject: 'u1', taxCode: '0100233488' });
    expect(b.loadedVersion).toBe(0);
    expect(b.events).toEqual([{ kind: 'registered', actor: 'u1', occurredAt: now, status: 'PENDING_REVIEW', version: 1 }]);
  });

  it.each([
    ['BRANCH', '0100233488', 'taxCode'],
    ['COMPANY', '0314409058-002', 'type'],
    ['COMPANY', '001085012345', 'taxCode'],
  ] as const)('rejects type %s with tax code %s (field %s)', (type, taxCode, field) => {
    const err = caught(() => Business.register({ id: 'b1', taxCode, type, profile, actor: staff, now }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.errors).toEqual([expect.objectContaining({ field, code: 'TAX_CODE_TYPE_MISMATCH' })]);
  });

  it('accepts a personal ID for a household and a dependent-unit code for a branch', () => {
    expect(Business.register({ id: 'h', taxCode: '001085012345', type: 'HOUSEHOLD', profile, actor: staff, now }).status).toBe('PENDING_REVIEW');
    expect(Business.register({ id: 'br', taxCode: '0314409058-002', type: 'BRANCH', profile, actor: staff, now }).status).toBe('PENDING_REVIEW');
  });

  it('requires exactly one main industry', () => {
    const two = { ...profile, industries: [
      { edition: '2018' as const, code: '1073', name: 'a', main: true },
      { edition: '2018' as const, code: '4632', name: 'b', main: true },
    ] };
    expect(caught(() => Business.register({ id: 'b', taxCode: '0100233488', type: 'COMPANY', profile: two, actor: staff, now })).errors)
      .toEqual([expect.objectContaining({ field: 'industries', code: 'MAIN_INDUSTRY_COUNT' })]);
    const none = { ...profile, industries: [] };
    expect(caught(() => Business.register({ id: 'b', taxCode: '0100233488', type: 'COMPANY', profile: none, actor: staff, now })).errors)
      .toEqual([expect.objectContaining({ field: 'industries', code: 'REQUIRED' })]);
  });

  it('refuses a legal name that is not NFC', () => {
    const nfd = { ...profile, legalName: 'Kẹo dừa Bến Tre'.normalize('NFD') };
    expect(caught(() => Business.register({ id: 'b', taxCode: '0100233488', type: 'COMPANY', profile: nfd, actor: staff, now })).errors)
      .toEqual([expect.objectContaining({ field: 'legalName', code: 'NOT_NFC' })]);
  });
});

describe('the status state machine', () => {
  const legal: Record<StatusAction, { from: BusinessStatus[]; to: BusinessStatus }> = {
    approve: { from: ['PENDING_REVIEW'], to: 'ACTIVE' },
    reject: { from: ['PENDING_REVIEW'], to: 'REJECTED' },
    suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
    reinstate: { from: ['SUSPENDED'], to: 'ACTIVE' },
    dissolve: { from: ['PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'SUSPENDED'], to: 'DISSOLVED' },
  };
  const cases = (Object.keys(legal) as StatusAction[]).flatMap((action) =>
    BUSINESS_STATUSES.map((from) => ({ action, from, allowed: legal[action].from.includes(from) })),
  );

  it.each(cases.filter((c) => c.allowed))('$action from $from is allowed', ({ action, from }) => {
    const b = Business.fromState(stateIn(from));
    act(b, action);
    expect(b.status).toBe(legal[action].to);
    expect(b.state.version).toBe(4);
    expect(b.state.updatedAt).toBe(later);
    expect(b.loadedVersion).toBe(3);
    const kind = { approve: 'approved', reject: 'rejected', suspend: 'suspended', reinstate: 'reinstated', dissolve: 'dissolved' }[action];
    expect(b.events.map((e) => e.kind)).toEqual([kind]);
  });

  it.each(cases.filter((c) => !c.allowed))('$action from $from is refused with ILLEGAL_STATUS_TRANSITION', ({ action, from }) => {
    const b = Business.fromState(stateIn(from));
    const err = caught(() => act(b, action));
    expect(err.kind).toBe('failed_precondition');
    expect(err.code).toBe('ILLEGAL_STATUS_TRANSITION');
    expect(err.meta).toEqual({ status: from, action });
    expect(b.status).toBe(from);
    expect(b.events).toEqual([]);
  });

  it.each(['reject', 'suspend', 'dissolve'] as const)('%s requires a reason', (action) => {
    const from: BusinessStatus = action === 'suspend' ? 'ACTIVE' : 'PENDING_REVIEW';
    const b = Business.fromState(stateIn(from));
    const err = caught(() => b[action]('   ', staff, later));
    expect(err.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    expect(b.status).toBe(from);
  });

  it('keeps the reason of a suspension and clears it on reinstatement', () => {
    const b = Business.fromState(stateIn('ACTIVE'));
    b.suspend('  Vi phạm  ', staff, later);
    expect(b.state.statusReason).toBe('Vi phạm');
    b.reinstate(staff, later, 'Đã khắc phục');
    expect(b.state.statusReason).toBeUndefined();
    expect(b.state.version).toBe(5);
    expect(b.events).toEqual([
      { kind: 'suspended', reason: 'Vi phạm', actor: 'staff-1', occurredAt: later, status: 'SUSPENDED', version: 4 },
      { kind: 'reinstated', reason: 'Đã khắc phục', actor: 'staff-1', occurredAt: later, status: 'ACTIVE', version: 5 },
    ]);
  });

  it('records the previous status when dissolving', () => {
    const b = Business.fromState(stateIn('SUSPENDED'));
    b.dissolve('Ngừng kinh doanh', staff, later);
    expect(b.events[0]).toMatchObject({ kind: 'dissolved', previousStatus: 'SUSPENDED' });
  });
});

describe('Business.updateProfile', () => {
  it('names exactly the fields that changed and bumps the version once', () => {
    const b = Business.fromState(stateIn('ACTIVE'));
    b.updateProfile({ tradeName: 'Kẹo dừa Mỏ Cày', englishName: 'Mo Cay Coconut Candy', website: undefined }, { subject: 'u1' }, later);
    expect(b.events).toEqual([{ kind: 'profile_updated', changedFields: ['englishName'], actor: 'u1', occurredAt: later, status: 'ACTIVE', version: 4 }]);
    expect(b.state.version).toBe(4);
  });

  it('clears an optional field given as undefined', () => {
    const b = Business.fromState(stateIn('PENDING_REVIEW'));
    b.updateProfile({ tradeName: undefined }, staff, later);
    expect(b.state.tradeName).toBeUndefined();
    expect(b.events[0]).toMatchObject({ changedFields: ['tradeName'] });
  });

  it('raises nothing when nothing changed', () => {
    const b = Business.fromState(stateIn('ACTIVE'));
    b.updateProfile({ legalName: profile.legalName }, staff, later);
    expect(b.changed).toBe(false);
    expect(b.state.version).toBe(3);
  });

  it.each(['REJECTED', 'DISSOLVED'] as const)('refuses edits of a %s business', (status) => {
    const b = Business.fromState(stateIn(status));
    const err = caught(() => b.updateProfile({ tradeName: 'x' }, staff, later));
    expect(err.kind).toBe('failed_precondition');
    expect(err.code).toBe('BUSINESS_NOT_EDITABLE');
  });

  it('keeps the invariants', () => {
    const b = Business.fromState(stateIn('ACTIVE'));
    const err = caught(() => b.updateProfile({ industries: [{ edition: '2025', code: '10', name: 'x', main: false }] }, staff, later));
    expect(err.errors).toEqual([expect.objectContaining({ field: 'industries', code: 'MAIN_INDUSTRY_COUNT' })]);
    expect(b.state.version).toBe(3);
  });
});

describe('issue 12: squatting and unreviewed renames', () => {
  const owner = { subject: 'owner-1' };

  it('rejecting, withdrawing or dissolving a never-public registration releases its tax code; a once-listed one keeps it', () => {
    const rejected = Business.fromState(stateIn('PENDING_REVIEW'));
    rejected.reject('Không phải chủ doanh nghiệp', staff, later);
    expect(rejected.holdsTaxCode).toBe(false);
    const withdrawn = Business.fromState(stateIn('PENDING_REVIEW'));
    withdrawn.withdraw(owner, later);
    expect([withdrawn.status, withdrawn.holdsTaxCode]).toEqual(['DISSOLVED', false]);
    const dissolved = Business.fromState(stateIn('ACTIVE'));
    dissolved.dissolve('Giải thể', staff, later);
    expect(dissolved.holdsTaxCode).toBe(true);
    expect(() => Business.fromState(stateIn('ACTIVE')).withdraw(owner, later)).toThrow(AppError);
  });

  it('a transfer of a disputed registration is audited and raises no event', () => {
    const b = Business.fromState({ ...stateIn('PENDING_REVIEW'), ownerSubject: 'squatter' });
    b.transferOwnership('rightful', 'Giấy chứng nhận ĐKKD', staff, later);
    expect(b.state.ownerSubject).toBe('rightful');
    expect(b.state.audit).toEqual([{ action: 'ownership_transferred', actor: 'staff-1', time: later, reason: 'Giấy chứng nhận ĐKKD', from: 'squatter', to: 'rightful' }]);
    expect(b.events).toEqual([]);
    expect(b.changed).toBe(true);
  });

  it("an owner's rename of a listed business waits for staff; contact details apply at once", () => {
    const b = Business.fromState(stateIn('ACTIVE'));
    b.requestProfileChange({ legalName: 'Công ty TNHH Kẹo Dừa Chính Hãng', contact: { email: 'moi@example.vn' } }, owner, later);
    expect(b.state.legalName).toBe(profile.legalName);
    expect(b.state.contact).toEqual({ email: 'moi@example.vn' });
    expect(b.state.pendingChange?.changes).toEqual({ legalName: 'Công ty TNHH Kẹo Dừa Chính Hãng' });
    expect(b.events.map((e) => e.kind)).toEqual(['profile_updated']);
    b.approveChange(staff, later);
    expect(b.state.legalName).toBe('Công ty TNHH Kẹo Dừa Chính Hãng');
    expect(b.state.pendingChange).toBeUndefined();
    expect(() => b.rejectChange('x', staff, later)).toThrow(/no change request/);
  });
});
