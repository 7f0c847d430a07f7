import { AppError } from '@hangviet/service-kit/errors';
import { SourcingRequest, TITLE_MAX } from './sourcing-request';

const now = new Date('2026-03-01T08:00:00Z');
const open = (overrides: Partial<Parameters<typeof SourcingRequest.open>[0]> = {}) =>
  SourcingRequest.open({ id: 'a-1', businessId: 'b-1', businessStatus: 'ACTIVE', title: '  Hội chợ  ', actor: { subject: 'staff-1' }, now, ...overrides });

function fieldErrors(fn: () => unknown): { field: string; code: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return (err.errors ?? []).map(({ field, code }) => ({ field, code }));
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('SourcingRequest.open', () => {
  it('opens an OPEN sourcing-request at version 1 with the title trimmed, raising exactly one created event', () => {
    const aggregate = open();
    expect(aggregate.state).toEqual({ id: 'a-1', businessId: 'b-1', title: 'Hội chợ', status: 'OPEN', createTime: now, version: 1 });
    expect(aggregate.loadedVersion).toBe(0);
    expect(aggregate.events).toEqual([{ kind: 'created', actor: { subject: 'staff-1' }, occurredAt: now }]);
  });

  it('refuses an empty or too long title, naming the field', () => {
    expect(fieldErrors(() => open({ title: '   ' }))).toEqual([{ field: 'title', code: 'REQUIRED' }]);
    expect(fieldErrors(() => open({ title: 'x'.repeat(TITLE_MAX + 1) }))).toEqual([{ field: 'title', code: 'TOO_LONG' }]);
    expect(open({ title: 'x'.repeat(TITLE_MAX) }).state.title).toHaveLength(TITLE_MAX);
  });

  it.each([['PENDING_REVIEW'], ['SUSPENDED'], ['DISSOLVED'], [undefined]])('refuses a business whose status is %s', (businessStatus) => {
    expect(fieldErrors(() => open({ businessStatus }))).toEqual([{ field: 'businessId', code: 'BUSINESS_NOT_ACTIVE' }]);
  });
});

describe('SourcingRequest.fromState', () => {
  it('keeps the stored version as the one to write against, with no events', () => {
    const loaded = SourcingRequest.fromState({ ...open().state, version: 4 });
    expect(loaded.loadedVersion).toBe(4);
    expect(loaded.events).toEqual([]);
  });
});
