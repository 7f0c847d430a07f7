import type { Explanation } from '../types';
import { explain } from './explain';

const base = {
  scores: { certifiedProducts: 40, localEnterprise: 1, firstParticipation: 0 },
  facts: { bestOcopStars: 3, certifiedProducts: 2, local: true, firstParticipation: false },
  message: 'Rank 1: booth(s) A01 (CORNER_REQUESTED).',
};

describe('the allocation explained in words', () => {
  it('says why a business got its booths, in Vietnamese and in English', () => {
    const e: Explanation = { ...base, rank: 1, outcome: 'ALLOCATED', booths: [{ code: 'A01', reason: 'CORNER_REQUESTED' }, { code: 'A02', reason: 'NEXT_FREE' }] };
    expect(explain(e, 'vi')).toBe(
      'Hạng 1 (điểm sản phẩm chứng nhận 40 (OCOP 3★), doanh nghiệp trong tỉnh, đã từng tham gia): được phân gian A01 (gian góc theo yêu cầu), A02 (gian trống kế tiếp).',
    );
    expect(explain(e, 'en')).toBe('Rank 1 (certified products score 40 (OCOP 3★), in the province, has taken part before): booth(s) A01 (a corner, as asked), A02 (the next free booth).');
  });

  it('gives the waitlist place and the booths asked for, and the refusal of an ineligible business', () => {
    const noStars = { ...base, facts: { ...base.facts, bestOcopStars: 0, local: false, firstParticipation: true }, scores: { certifiedProducts: 0, localEnterprise: 0, firstParticipation: 1 } };
    expect(explain({ ...noStars, rank: 12, outcome: 'WAITLISTED', booths: [], waitlistPosition: 1, reason: 'NOT_ENOUGH_BOOTHS' }, 'vi', 5)).toBe(
      'Hạng 12 (điểm sản phẩm chứng nhận 0, doanh nghiệp ngoài tỉnh, lần đầu tham gia): không còn đủ gian trống cho 5 gian xin; xếp thứ 1 trong danh sách chờ.',
    );
    expect(explain({ ...noStars, rank: 3, outcome: 'REJECTED', booths: [], reason: 'NOT_LOCAL' }, 'vi')).toMatch(/: hội chợ chỉ nhận doanh nghiệp trong tỉnh\.$/);
  });

  it('names the booths passed over to keep competitors apart', () => {
    const e = { ...base, rank: 2, outcome: 'ALLOCATED' as const, booths: [{ code: 'B03', reason: 'NEXT_FREE' }], keptApartFrom: ['B01', 'B02'] };
    expect(explain(e, 'vi')).toMatch(/B03 \(gian trống kế tiếp\)\. Bỏ qua gian B01, B02 để không cạnh doanh nghiệp cùng ngành\.$/);
  });
});
