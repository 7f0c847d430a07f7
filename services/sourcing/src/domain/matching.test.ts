import { rankSuppliers, matchSupplier, WEIGHTS, type MatchQuery } from './matching';
import type { Supplier } from './supplier';
import { industryKeys } from './supplier';

const query = (overrides: Partial<MatchQuery> = {}): MatchQuery => ({
  industry: { edition: '2018', code: '1079' },
  requiredCertifications: [],
  originPreference: 'ANY',
  provinceCode: '20',
  buyerBusinessId: 'buyer',
  ...overrides,
});

const supplier = (id: string, overrides: Partial<Supplier> = {}): Supplier => ({
  id,
  name: `Cơ sở ${id}`,
  status: 'ACTIVE',
  provinceCode: '20',
  wardCode: '06001',
  industries: [{ edition: '2018', code: '10790' }],
  products: [],
  certificates: [],
  ...overrides,
});

const ocop = (stars: number, valid = true) => ({ number: `OCOP-${stars}`, scheme: 'OCOP', stars, productId: 'p1', productName: 'Mắm tôm', valid });
const codes = (m: { reasons: { code: string }[] } | undefined) => m?.reasons.map((r) => r.code);

describe('matchSupplier', () => {
  it('matches a supplier whose industry lies under the requested VSIC prefix, and explains it', () => {
    const m = matchSupplier(query(), supplier('a', { provinceCode: '79' }));
    expect(m).toMatchObject({ businessId: 'a', local: false, certified: true, score: WEIGHTS.INDUSTRY });
    expect(m!.reasons).toEqual([{ code: 'INDUSTRY', message: 'VSIC 2018 10790 is under the requested 1079' }]);
  });

  it('matches a secondary industry too, and says it is one', () => {
    const m = matchSupplier(query(), supplier('b', { industries: [{ edition: '2018', code: '4632' }, { edition: '2018', code: '10791' }] }));
    expect(m?.reasons[0]).toEqual({ code: 'INDUSTRY', message: 'VSIC 2018 10791 (a secondary industry) is under the requested 1079' });
    expect(matchSupplier(query({ industry: { edition: '2018', code: '4632' } }), supplier('b', { industries: [{ edition: '2018', code: '4632' }, { edition: '2018', code: '10791' }] }))?.reasons[0]?.message).toBe('VSIC 2018 4632 is under the requested 4632');
  });

  it.each([
    ['another industry', supplier('x', { industries: [{ edition: '2018', code: '1080' }] })],
    ['a broader code than requested', supplier('x', { industries: [{ edition: '2018', code: '107' }] })],
    ['the same code of the other edition', supplier('x', { industries: [{ edition: '2025', code: '10790' }] })],
    ['a suspended business', supplier('x', { status: 'SUSPENDED' })],
    ['the buyer itself', supplier('buyer')],
  ])('leaves out %s', (_, s) => {
    expect(matchSupplier(query(), s)).toBeUndefined();
  });

  it('counts local makers, the ward, the product group, valid certificates and Vietnamese inputs, each as a reason', () => {
    const s = supplier('a', {
      products: [
        { id: 'p1', name: 'Mắm tôm', group: 'FOOD', status: 'LISTED', domesticPercent: 90 },
        { id: 'p2', name: 'Rượu', group: 'BEVERAGE', status: 'LISTED', domesticPercent: 100 },
        { id: 'p3', name: 'Nháp', group: 'FOOD', status: 'DRAFT', domesticPercent: 100 },
      ],
      certificates: [ocop(4)],
    });
    const m = matchSupplier(query({ productGroup: 'FOOD', originPreference: 'PROVINCE', wardCode: '06001' }), s)!;
    expect(codes(m)).toEqual(['INDUSTRY', 'LOCAL', 'SAME_WARD', 'PRODUCT_GROUP', 'CERTIFIED', 'DOMESTIC_INPUTS']);
    expect(m.score).toBe(40 + 25 + 5 + 15 + 20 + 10);
    expect(m.products).toEqual([{ id: 'p1', name: 'Mắm tôm' }]);
    expect(m.reasons.find((r) => r.code === 'CERTIFIED')!.message).toBe('OCOP 4★ for Mắm tôm (OCOP-4)');
    expect(m.reasons.find((r) => r.code === 'DOMESTIC_INPUTS')!.message).toBe('Mắm tôm 90% of Vietnamese inputs');
  });

  it('requires every required certification: OCOP by its stars, only valid certificates count', () => {
    const required = query({ requiredCertifications: [{ scheme: 'OCOP', minStars: 4 }] });
    expect(matchSupplier(required, supplier('a', { certificates: [ocop(3)] }))!.certified).toBe(false);
    expect(matchSupplier(required, supplier('a', { certificates: [ocop(5, false)] }))!.certified).toBe(false);
    expect(matchSupplier(required, supplier('a', { certificates: [ocop(4)] }))!.certified).toBe(true);
    const both = query({ requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }, { scheme: 'VIETGAP' }] });
    expect(matchSupplier(both, supplier('a', { certificates: [ocop(4)] }))!.certified).toBe(false);
  });
});

describe('rankSuppliers', () => {
  const far = supplier('far', { provinceCode: '79', certificates: [ocop(5)] });
  const local = supplier('local');
  const localCertified = supplier('local-certified', { certificates: [ocop(3)] });

  it('puts the province’s makers first when the buyer asks for them, whatever the score', () => {
    expect(rankSuppliers(query({ originPreference: 'PROVINCE' }), [far, local]).map((m) => m.businessId)).toEqual(['local', 'far']);
  });

  it('ranks by score alone when origin does not matter', () => {
    const farBetter = supplier('far', { provinceCode: '79', certificates: [ocop(5)], products: [{ id: 'p', name: 'Bánh', group: 'FOOD', status: 'LISTED', domesticPercent: 0 }] });
    expect(rankSuppliers(query({ originPreference: 'ANY', productGroup: 'FOOD' }), [local, farBetter]).map((m) => m.businessId)).toEqual(['far', 'local']);
  });

  it('puts suppliers holding the required certifications first, then local ones', () => {
    const ranked = rankSuppliers(query({ originPreference: 'PROVINCE', requiredCertifications: [{ scheme: 'OCOP', minStars: 3 }] }), [local, far, localCertified]);
    expect(ranked.map((m) => [m.businessId, m.certified, m.local])).toEqual([
      ['local-certified', true, true],
      ['far', true, false],
      ['local', false, true],
    ]);
  });
});

describe('industryKeys', () => {
  it('lists every prefix of every code, per edition', () => {
    expect(industryKeys([{ edition: '2018', code: '1079' }, { edition: '2025', code: '10' }])).toEqual(['2018:1', '2018:10', '2018:107', '2018:1079', '2025:1', '2025:10']);
  });
});
