import { generateGrid } from './booth';
import { allocateBooths, nextOffer, pickBooths, scoreOf, type AllocationCandidate } from './allocation';
import type { FairRules } from './fair';

const rules: FairRules = { eligibility: 'OPEN', maxBoothsPerBusiness: 3, certifiedProducts: 'PREFERRED' };
const t0 = Date.parse('2026-11-01T00:00:00Z');
const candidate = (i: number, over: Partial<AllocationCandidate> = {}): AllocationCandidate => ({
  applicationId: `app-${String(i).padStart(3, '0')}`,
  businessId: `biz-${i}`,
  boothsWanted: 1,
  preferredBooths: [],
  wantsCorner: false,
  submitTime: new Date(t0 + i * 1000),
  bestOcopStars: 0,
  certifiedProducts: 0,
  local: false,
  firstParticipation: false,
  ...over,
});

describe('allocateBooths', () => {
  it('80 applications for 60 booths: 60 allocated, 20 waitlisted in rank order, no booth twice, each explained', () => {
    const booths = generateGrid({ rows: 6, columns: 10 });
    const candidates = Array.from({ length: 80 }, (_, i) => candidate(i, { bestOcopStars: i % 4 === 0 ? 4 : 0, certifiedProducts: i % 4 === 0 ? 1 : 0, local: i % 3 === 0 }));
    const results = allocateBooths({ booths, rules, candidates });
    const allocated = results.filter((r) => r.explanation.outcome === 'ALLOCATED');
    const waitlisted = results.filter((r) => r.explanation.outcome === 'WAITLISTED');
    expect(allocated).toHaveLength(60);
    expect(waitlisted).toHaveLength(20);
    const codes = allocated.flatMap((r) => r.explanation.booths.map((b) => b.code));
    expect(new Set(codes).size).toBe(60);
    expect(waitlisted.map((r) => r.explanation.waitlistPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(waitlisted.map((r) => r.explanation.rank)).toEqual(Array.from({ length: 20 }, (_, i) => 61 + i));
    expect(results.every((r) => r.explanation.message.length > 0 && r.explanation.rank > 0)).toBe(true);
    // every certified application ranks above every uncertified one
    const lastCertified = Math.max(...results.filter((r) => r.explanation.scores.certifiedProducts > 0).map((r) => r.explanation.rank));
    const firstUncertified = Math.min(...results.filter((r) => r.explanation.scores.certifiedProducts === 0).map((r) => r.explanation.rank));
    expect(lastCertified).toBeLessThan(firstUncertified);
  });

  it('is deterministic: the same input in another order gives the same result', () => {
    const booths = generateGrid({ rows: 2, columns: 5 });
    const candidates = Array.from({ length: 15 }, (_, i) => candidate(i, { local: i % 2 === 0, wantsCorner: i % 5 === 0 }));
    const a = allocateBooths({ booths, rules, candidates });
    const b = allocateBooths({ booths, rules, candidates: [...candidates].reverse() });
    expect(b).toEqual(a);
  });

  it('ranks by certified stars, then local, then first participation, then time, then id', () => {
    const booths = generateGrid({ rows: 1, columns: 10 });
    const same = new Date(t0);
    const results = allocateBooths({
      booths,
      rules,
      candidates: [
        candidate(1, { submitTime: same, applicationId: 'b' }),
        candidate(2, { submitTime: same, applicationId: 'a' }),
        candidate(3, { firstParticipation: true }),
        candidate(4, { local: true }),
        candidate(5, { certifiedProducts: 1, bestOcopStars: 3 }),
        candidate(6, { certifiedProducts: 1, bestOcopStars: 5 }),
        candidate(7, { submitTime: new Date(t0 - 5000) }),
      ],
    });
    expect(results.map((r) => r.applicationId)).toEqual(['app-006', 'app-005', 'app-004', 'app-003', 'app-007', 'a', 'b']);
    expect(results[0]!.explanation.scores).toEqual({ certifiedProducts: 60, localEnterprise: 0, firstParticipation: 0 });
  });

  it('ignores certification when the fair does', () => {
    expect(scoreOf(candidate(1, { certifiedProducts: 2, bestOcopStars: 5 }), { ...rules, certifiedProducts: 'NONE' }).certifiedProducts).toBe(0);
  });

  it('rejects, with the rule, applications the fair does not take', () => {
    const results = allocateBooths({
      booths: generateGrid({ rows: 1, columns: 3 }),
      rules: { ...rules, certifiedProducts: 'REQUIRED', eligibility: 'PROVINCE_ONLY' },
      candidates: [candidate(1, { local: true }), candidate(2, { certifiedProducts: 1 }), candidate(3, { certifiedProducts: 1, local: true })],
    });
    expect(results.map((r) => [r.applicationId, r.explanation.outcome, r.explanation.reason])).toEqual([
      ['app-003', 'ALLOCATED', undefined],
      ['app-002', 'REJECTED', 'NOT_LOCAL'],
      ['app-001', 'REJECTED', 'CERTIFIED_PRODUCTS_REQUIRED'],
    ]);
  });

  it('gives corner booths to the highest ranked who asked, and keeps them from those who did not', () => {
    const booths = generateGrid({ rows: 1, columns: 4 }); // A01 and A04 are corners
    const results = allocateBooths({
      booths,
      rules,
      candidates: [candidate(1), candidate(2, { wantsCorner: true }), candidate(3, { wantsCorner: true }), candidate(4, { wantsCorner: true })],
    });
    const byId = Object.fromEntries(results.map((r) => [r.applicationId, r.explanation]));
    expect(byId['app-001']!.booths).toEqual([{ code: 'A02', reason: 'NEXT_FREE' }]);
    expect(byId['app-002']!.booths).toEqual([{ code: 'A01', reason: 'CORNER_REQUESTED' }]);
    expect(byId['app-003']!.booths).toEqual([{ code: 'A04', reason: 'CORNER_REQUESTED' }]);
    expect(byId['app-004']!.booths).toEqual([{ code: 'A03', reason: 'NEXT_FREE' }]);
  });

  it('honours booth codes and zones where it can, and never gives a booth twice', () => {
    const booths = generateGrid({ rows: 3, columns: 3 });
    const results = allocateBooths({
      booths,
      rules,
      candidates: [
        candidate(1, { preferredBooths: ['B02'] }),
        candidate(2, { preferredBooths: ['B02', 'C03'] }),
        candidate(3, { preferredZone: 'C', boothsWanted: 2 }),
      ],
    });
    expect(results.map((r) => r.explanation.booths)).toEqual([
      [{ code: 'B02', reason: 'PREFERRED_BOOTH' }],
      [{ code: 'C03', reason: 'PREFERRED_BOOTH' }],
      [
        { code: 'C02', reason: 'PREFERRED_ZONE' },
        { code: 'C01', reason: 'PREFERRED_ZONE' },
      ],
    ]);
  });

  it('skips blocked and held booths, caps booths per business, and lets a smaller request past a larger one', () => {
    const booths = generateGrid({ rows: 1, columns: 4 }).map((b) => (b.code === 'A02' ? { ...b, blocked: true } : b));
    const results = allocateBooths({
      booths,
      held: new Set(['A03']),
      rules: { ...rules, maxBoothsPerBusiness: 1 },
      candidates: [candidate(1, { boothsWanted: 3 }), candidate(2), candidate(3)],
    });
    expect(results.map((r) => [r.explanation.outcome, r.explanation.booths.map((b) => b.code)])).toEqual([
      ['ALLOCATED', ['A01']],
      ['ALLOCATED', ['A04']],
      ['WAITLISTED', []],
    ]);
  });

  it('never allocates more booths than exist', () => {
    const booths = generateGrid({ rows: 1, columns: 5 });
    const results = allocateBooths({ booths, rules, candidates: Array.from({ length: 10 }, (_, i) => candidate(i, { boothsWanted: 2 })) });
    const codes = results.flatMap((r) => r.explanation.booths.map((b) => b.code));
    expect(codes.length).toBeLessThanOrEqual(5);
    expect(new Set(codes).size).toBe(codes.length);
    expect(results.filter((r) => r.explanation.outcome === 'ALLOCATED')).toHaveLength(2);
  });
});

describe('pickBooths and nextOffer', () => {
  const booths = generateGrid({ rows: 1, columns: 3 });
  it('answers undefined when too few are free', () => {
    expect(pickBooths({ boothsWanted: 4, preferredBooths: [], wantsCorner: false }, booths)).toBeUndefined();
  });
  it('offers to the best placed waitlisted application that fits', () => {
    const free = booths.slice(0, 1);
    const offer = nextOffer(
      [
        { id: 'x', waitlistPosition: 2, boothsWanted: 1, preferredBooths: [], wantsCorner: false },
        { id: 'y', waitlistPosition: 1, boothsWanted: 2, preferredBooths: [], wantsCorner: false },
        { id: 'z', waitlistPosition: 3, boothsWanted: 1, preferredBooths: [], wantsCorner: false },
      ],
      free,
    );
    expect(offer).toEqual({ application: expect.objectContaining({ id: 'x' }), booths: ['A01'] });
    expect(nextOffer([], free)).toBeUndefined();
  });
});
