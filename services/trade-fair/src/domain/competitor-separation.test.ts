import { allocateBooths, type AllocationCandidate } from './allocation';
import { generateGrid } from './booth';
import { boothsNextToCompetitors, neighbourIndex, vsicGroup } from './competitor-separation';
import type { FairRules } from './fair';

const t0 = Date.parse('2027-01-01T00:00:00Z');
const candidate = (i: number, group: string | undefined): AllocationCandidate => ({
  applicationId: `app-${i}`, businessId: `biz-${i}`, boothsWanted: 1, preferredBooths: [], wantsCorner: false, submitTime: new Date(t0 + i * 1000),
  bestOcopStars: 0, certifiedProducts: 0, local: true, firstParticipation: true, ...(group ? { mainVsicGroup: group } : {}),
});
const rules = (separateCompetitors: boolean): FairRules => ({ eligibility: 'OPEN', maxBoothsPerBusiness: 2, certifiedProducts: 'NONE', separateCompetitors });

describe('keep competitors apart', () => {
  it('reads the main VSIC group from an industry code', () => {
    expect(vsicGroup('1079')).toBe('10');
    expect(vsicGroup('10790')).toBe('10');
    expect(vsicGroup('')).toBeUndefined();
    expect(vsicGroup(undefined)).toBeUndefined();
  });

  it('excludes the free side-by-side booths of a same-group holder, not those of another group or another row', () => {
    const booths = generateGrid({ rows: 2, columns: 4 }); // A01..A04, B01..B04
    const placed = new Map([['A02', '10'], ['B04', '11']]);
    const index = neighbourIndex(booths);
    expect([...boothsNextToCompetitors('10', placed, index)].sort()).toEqual(['A01', 'A03']);
    expect([...boothsNextToCompetitors('11', placed, index)]).toEqual(['B03']);
    expect(boothsNextToCompetitors(undefined, placed, index).size).toBe(0);
  });

  it('off: two food businesses side by side; on: never, and the explanation names the booths passed over', () => {
    const booths = generateGrid({ rows: 1, columns: 6 });
    const candidates = [candidate(1, '10'), candidate(2, '10'), candidate(3, '14'), candidate(4, '10')];
    const off = allocateBooths({ booths, rules: rules(false), candidates });
    expect(off.map((r) => r.explanation.booths.map((b) => b.code))).toEqual([['A02'], ['A03'], ['A04'], ['A05']]); // corners kept from those who did not ask

    const on = allocateBooths({ booths, rules: rules(true), candidates });
    const at = new Map(on.flatMap((r) => r.explanation.booths.map((b) => [Number(b.code.slice(1)), r.businessId] as const)));
    const group = (id: string) => candidates.find((c) => c.businessId === id)!.mainVsicGroup;
    for (const [column, holder] of at) {
      const right = at.get(column + 1);
      if (right) expect(group(right) === group(holder) && group(holder) !== undefined).toBe(false);
    }
    expect(on.every((r) => r.explanation.outcome === 'ALLOCATED')).toBe(true);
    const second = on.find((r) => r.businessId === 'biz-2')!.explanation;
    expect(second.keptApartFrom).toEqual(['A01', 'A03']);
    expect(second.message).toContain('Kept apart from competitors (VSIC 10): passed over A01, A03');
  });

  it('waitlists a business when only booths next to its competitors are left, and says so', () => {
    const booths = generateGrid({ rows: 1, columns: 3 });
    const on = allocateBooths({ booths, rules: rules(true), candidates: [candidate(1, '10'), candidate(2, '10')] });
    expect(on[0]!.explanation.booths.map((b) => b.code)).toEqual(['A02']);
    expect(on[1]!.explanation).toMatchObject({ outcome: 'WAITLISTED', reason: 'NOT_ENOUGH_BOOTHS', keptApartFrom: ['A01', 'A03'], waitlistPosition: 1 });
  });
});
