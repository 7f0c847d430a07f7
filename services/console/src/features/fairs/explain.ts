// The allocation's explanation as a sentence in the reader's language. trade-fair answers each result with
// structured facts (rank, rule scores, each booth with why it was picked, the waitlist place, the refusal) and
// an English sentence for API clients; staff and enterprises read the console in Vietnamese, so the sentence
// is made here from the facts, not translated from the service's text.
import type { Explanation } from '../types';

type Lang = 'vi' | 'en';

const BOOTH_REASON: Record<Lang, Record<string, string>> = {
  vi: { PREFERRED_BOOTH: 'gian đã chọn', PREFERRED_ZONE: 'trong khu mong muốn', CORNER_REQUESTED: 'gian góc theo yêu cầu', NEXT_FREE: 'gian trống kế tiếp' },
  en: { PREFERRED_BOOTH: 'the booth asked for', PREFERRED_ZONE: 'in the zone asked for', CORNER_REQUESTED: 'a corner, as asked', NEXT_FREE: 'the next free booth' },
};

const TEXT = {
  vi: {
    rank: (rank: number) => `Hạng ${rank}`,
    why: (e: Explanation) =>
      `điểm sản phẩm chứng nhận ${e.scores.certifiedProducts}${e.facts.bestOcopStars > 0 ? ` (OCOP ${e.facts.bestOcopStars}★)` : ''}, ${e.facts.local ? 'doanh nghiệp trong tỉnh' : 'doanh nghiệp ngoài tỉnh'}, ${e.facts.firstParticipation ? 'lần đầu tham gia' : 'đã từng tham gia'}`,
    allocated: (booths: string) => `được phân gian ${booths}.`,
    waitlisted: (wanted: number | undefined, place: number | undefined) =>
      `không còn đủ gian trống${wanted ? ` cho ${wanted} gian xin` : ''}; xếp thứ ${place ?? '–'} trong danh sách chờ.`,
    NOT_LOCAL: 'hội chợ chỉ nhận doanh nghiệp trong tỉnh.',
    CERTIFIED_PRODUCTS_REQUIRED: 'hội chợ bắt buộc có sản phẩm chứng nhận OCOP; không sản phẩm nào đăng ký có chứng nhận.',
    apart: (codes: string) => ` Bỏ qua gian ${codes} để không cạnh doanh nghiệp cùng ngành.`,
  },
  en: {
    rank: (rank: number) => `Rank ${rank}`,
    why: (e: Explanation) =>
      `certified products score ${e.scores.certifiedProducts}${e.facts.bestOcopStars > 0 ? ` (OCOP ${e.facts.bestOcopStars}★)` : ''}, ${e.facts.local ? 'in the province' : 'outside the province'}, ${e.facts.firstParticipation ? 'first participation' : 'has taken part before'}`,
    allocated: (booths: string) => `booth(s) ${booths}.`,
    waitlisted: (wanted: number | undefined, place: number | undefined) => `too few booths were left${wanted ? ` for the ${wanted} wanted` : ''}; waitlist place ${place ?? '–'}.`,
    NOT_LOCAL: 'this fair takes only enterprises of its province.',
    CERTIFIED_PRODUCTS_REQUIRED: 'this fair requires certified products; none of those shown is certified.',
    apart: (codes: string) => ` Passed over ${codes} to keep apart from a business of the same trade.`,
  },
};

/** "Hạng 3 (…scores…): được phân gian A01 (gian góc theo yêu cầu), …" — `wanted` is the booths the application asked for. */
export function explain(e: Explanation & { keptApartFrom?: string[] }, language: string, wanted?: number): string {
  const lang: Lang = language === 'en' ? 'en' : 'vi';
  const t = TEXT[lang];
  const head = `${t.rank(e.rank)} (${t.why(e)}): `;
  let body: string;
  if (e.outcome === 'ALLOCATED') body = t.allocated(e.booths.map((b) => `${b.code} (${BOOTH_REASON[lang][b.reason] ?? b.reason})`).join(', '));
  else if (e.outcome === 'WAITLISTED') body = t.waitlisted(wanted, e.waitlistPosition);
  else body = e.reason === 'NOT_LOCAL' || e.reason === 'CERTIFIED_PRODUCTS_REQUIRED' ? t[e.reason] : e.message;
  return head + body + (e.keptApartFrom?.length ? t.apart(e.keptApartFrom.join(', ')) : '');
}
