import { applyEvent, factsOf, vietnamDay, type ProjectedRecord, type SourceEvent } from './projection';

const at = (day: string) => new Date(`${day}T05:00:00Z`);
const ev = (over: Partial<SourceEvent> & Pick<SourceEvent, 'action' | 'version'>): SourceEvent => ({
  eventId: `${over.action}-${over.version}`,
  kind: 'certificate',
  sourceId: 'OCOP-2026-1',
  occurredAt: at('2026-04-01'),
  snapshot: {},
  ...over,
});
function fold(events: SourceEvent[]): ProjectedRecord | undefined {
  let record: ProjectedRecord | undefined;
  for (const e of events) {
    const r = applyEvent(record, e);
    if (r.outcome === 'applied') record = r.record;
  }
  return record;
}
const codes = (record: ProjectedRecord | undefined, context = {}) => (record ? factsOf(record, context).map((f) => `${f.code}@${f.day}=${f.value}`) : []);

describe('applyEvent', () => {
  const issued = ev({ action: 'issued', version: 1, snapshot: { status: 'VALID', businessId: 'b1', scheme: 'OCOP', stars: 4 } });
  const revoked = ev({ action: 'revoked', version: 2, occurredAt: at('2026-06-01'), snapshot: { status: 'REVOKED' } });

  it('applies an event once: the same id again is a duplicate, an older version stale', () => {
    const first = applyEvent(undefined, issued);
    expect(first.outcome).toBe('applied');
    const record = (first as { record: ProjectedRecord }).record;
    expect(applyEvent(record, issued)).toEqual({ outcome: 'duplicate' });
    const later = (applyEvent(record, revoked) as { record: ProjectedRecord }).record;
    expect(applyEvent(later, { ...issued, eventId: 'another-delivery' })).toEqual({ outcome: 'stale' });
    expect(later).toMatchObject({ version: 2, days: { issued: '2026-04-01', revoked: '2026-06-01' }, fields: { status: 'REVOKED', scheme: 'OCOP', stars: 4 } });
  });

  it('applies two different events of the same version (an event that does not move the version)', () => {
    const record = fold([issued, ev({ action: 'expiring', version: 1, eventId: 'expiring', snapshot: { status: 'EXPIRING' } })]);
    expect(record).toMatchObject({ version: 1, eventIds: ['issued-1', 'expiring'], fields: { status: 'EXPIRING' } });
  });

  it('gives the same record whatever duplicates are interleaved', () => {
    expect(fold([issued, issued, revoked, issued, revoked])).toEqual(fold([issued, revoked]));
  });
});

describe('factsOf', () => {
  const b1 = { provinceCode: '86', wardCode: '29299', industrySection: 'C' };

  it('counts a certificate issued until it is revoked, then counts its revocation', () => {
    const issued = fold([ev({ action: 'issued', version: 1, snapshot: { status: 'VALID', businessId: 'b1', scheme: 'OCOP', stars: 4 } })]);
    expect(factsOf(issued!, { business: b1 })).toEqual([
      expect.objectContaining({ code: 'certificates.issued', day: '2026-04-01', year: 2026, quarter: 2, provinceCode: '86', wardCode: '29299', industrySection: 'C', scheme: 'OCOP', stars: 4, value: 1 }),
    ]);
    const revoked = fold([ev({ action: 'issued', version: 1, snapshot: { status: 'VALID' } }), ev({ action: 'revoked', version: 2, occurredAt: at('2026-06-01'), snapshot: { status: 'REVOKED' } })]);
    expect(codes(revoked)).toEqual(['certificates.revoked@2026-06-01=1']);
  });

  it('counts allocated booths, participations, local ones and support under the fair, and nothing once withdrawn', () => {
    const app = (status: string, version: number) => ev({ kind: 'booth_application', sourceId: 'a1', action: status.toLowerCase(), version, snapshot: { status, businessId: 'b1', fairId: 'f1', booths: 2, supportVnd: 3_000_000, openingDay: '2026-09-10' } });
    const fair = { provinceCode: '86', status: 'CLOSED', openingDay: '2026-09-10' };
    expect(codes(fold([app('ALLOCATED', 2)]), { business: b1, fair })).toEqual([
      'booths.allocated@2026-09-10=2',
      'fairs.participants@2026-09-10=1',
      'fairs.participants.local@2026-09-10=1',
      'support.vnd@2026-09-10=3000000',
    ]);
    expect(codes(fold([app('ALLOCATED', 2)]), { business: { ...b1, provinceCode: '20' }, fair })).not.toContain('fairs.participants.local@2026-09-10=1');
    expect(codes(fold([app('ALLOCATED', 2), app('WITHDRAWN', 3)]), { business: b1, fair })).toEqual([]);
    expect(codes(fold([app('ALLOCATED', 2)]), { business: b1, fair: { ...fair, status: 'CANCELLED' } })).toEqual([]);
  });

  it('counts a fair held by its kind, and its closing report; a cancelled fair counts nothing', () => {
    const fair = (status: string, extra = {}) => fold([ev({ kind: 'fair', sourceId: 'f1', action: 'x', version: 1, snapshot: { status, fairKind: 'MARKET_SESSION', provinceCode: '86', openingDay: '2026-10-01', ...extra } })]);
    expect(codes(fair('RUNNING'))).toEqual(['fairs.market_sessions@2026-10-01=1']);
    expect(codes(fair('PUBLISHED'))).toEqual([]);
    expect(codes(fair('CLOSED', { visitors: 100, revenueVnd: 5, contracts: { count: 1, valueVnd: 7 } }))).toEqual([
      'fairs.market_sessions@2026-10-01=1', 'fairs.visitors@2026-10-01=100', 'fairs.revenue_vnd@2026-10-01=5', 'contracts.signed@2026-10-01=1', 'contracts.value_vnd@2026-10-01=7',
    ]);
    expect(codes(fair('CANCELLED', { visitors: 100 }))).toEqual([]);
  });

  it('counts an approved submission under its indicator, year and quarter only', () => {
    const sub = (status: string) => fold([ev({ kind: 'submission', sourceId: 's1', action: 'x', version: 1, snapshot: { status, indicatorCode: 'fines.vnd', value: 5_000_000, year: 2026, quarter: 0, provinceCode: '86' } })]);
    expect(factsOf(sub('APPROVED')!)).toEqual([expect.objectContaining({ code: 'fines.vnd', day: '', year: 2026, quarter: 0, value: 5_000_000, provinceCode: '86' })]);
    expect(factsOf(sub('SUBMITTED')!)).toEqual([]);
  });
});

describe('vietnamDay', () => {
  it('is the calendar day at UTC+7', () => {
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
