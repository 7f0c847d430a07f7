import { starsFor, summarise, type Criterion } from './score-sheet';

const criteria: Criterion[] = [
  { code: 'A1', part: 'A', title: { vi: 'a1', en: 'a1' }, max: 40 },
  { code: 'B1', part: 'B', title: { vi: 'b1', en: 'b1' }, max: 25 },
  { code: 'C1', part: 'C', title: { vi: 'c1', en: 'c1' }, max: 20 },
  { code: 'C2', part: 'C', title: { vi: 'c2', en: 'c2' }, max: 15 },
];

describe('the score sheet summary', () => {
  it('keeps running part totals and the total while scores are typed', () => {
    const s = summarise(criteria, { A1: '30', B1: '12,5', C1: '' });
    expect(s.parts).toEqual({ A: 30, B: 12.5, C: 0 });
    expect(s.total).toBe(42.5);
    expect(s.missing).toEqual(['C1', 'C2']);
    expect(s.stars).toBe(0);
  });

  it('derives the stars from the total at the thresholds', () => {
    expect([49.5, 50, 69.5, 70, 89.5, 90, 100].map(starsFor)).toEqual([0, 3, 3, 4, 4, 5, 5]);
    expect(summarise(criteria, { A1: '40', B1: '25', C1: '20', C2: '5' })).toMatchObject({ total: 90, stars: 5, missing: [], invalid: [] });
  });

  it('leaves out and names points above the maximum, negative or not in half steps', () => {
    const s = summarise(criteria, { A1: '41', B1: '-1', C1: '3.3', C2: '15' });
    expect(s.invalid).toEqual(['A1', 'B1', 'C1']);
    expect(s.total).toBe(15);
  });
});
