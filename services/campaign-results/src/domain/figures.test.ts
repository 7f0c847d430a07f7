import { figuresOf } from './figures';
import { INDICATORS, SUBMITTABLE_CODES } from './indicators';

const ISSUE_CODES = [
  'businesses.registered', 'businesses.approved', 'products.listed', 'certificates.issued', 'certificates.expired', 'certificates.revoked',
  'fairs.held', 'fairs.market_sessions', 'booths.allocated', 'fairs.participants', 'fairs.local_share', 'support.vnd', 'reports.received',
  'reports.forwarded', 'reports.closed', 'contracts.signed', 'contracts.value_vnd', 'fairs.visitors', 'fairs.revenue_vnd', 'inspections.count',
  'violations.count', 'fines.vnd', 'survey.prefer_vietnamese_pct', 'outlets.count', 'propaganda.events',
];

describe('the indicator catalogue', () => {
  it('has every code issue 25 lists, once, each with Vietnamese and English titles, a unit and how it is counted', () => {
    expect(INDICATORS.map((i) => i.code).sort()).toEqual([...ISSUE_CODES].sort());
    for (const i of INDICATORS) expect(i.titleVi && i.titleEn && i.counting && i.sources.length > 0).toBeTruthy();
  });

  it('lets units submit exactly what the platform cannot see (and the markets and fairs it does not run)', () => {
    expect([...SUBMITTABLE_CODES].sort()).toEqual(['fairs.market_sessions', 'fairs.revenue_vnd', 'fairs.visitors', 'fines.vnd', 'inspections.count', 'outlets.count', 'propaganda.events', 'survey.prefer_vietnamese_pct', 'violations.count']);
  });
});

describe('figuresOf', () => {
  it('sums, averages survey results, divides a ratio, and puts the year before beside each', () => {
    const now = new Map([
      ['certificates.issued', { sum: 3, count: 3 }],
      ['survey.prefer_vietnamese_pct', { sum: 146, count: 2 }],
      ['fairs.participants', { sum: 3, count: 3 }],
      ['fairs.participants.local', { sum: 2, count: 2 }],
    ]);
    const before = new Map([['certificates.issued', { sum: 5, count: 5 }]]);
    const byCode = Object.fromEntries(figuresOf(now, before).map((f) => [f.code, f]));
    expect(byCode['certificates.issued']).toMatchObject({ value: 3, previousYearValue: 5, change: -2, records: 3 });
    expect(byCode['survey.prefer_vietnamese_pct']).toMatchObject({ value: 73, unit: 'percent' });
    expect(byCode['fairs.local_share']).toMatchObject({ value: 66.67, previousYearValue: 0, records: 3 });
    expect(byCode['fines.vnd']).toMatchObject({ value: 0, records: 0 });
  });
});
