// Which people the sourcing context's events concern (services/sourcing): on publication of a request, each
// supplier the matching told (`suppliers_matched`) hears of it — its inbox (its owner's), and by e-mail at the
// directory's contact address the event carries. Works on the event's JSON form (proto3 JSON, camelCase).
// Once per (request, supplier): a request is published once, its one event names each supplier once, and
// deliveries and inbox entries are keyed by the event and the recipient (application/ids.ts).
import { toLocale } from '@hangviet/vn/locale';
import { day, str, vietnamTime } from './notice-values';
import type { PlannedNotice } from './planned-notice';
import type { BusinessNoticeContext } from './templates';

const MATCHED = 'hangviet.sourcing.request.suppliers_matched.v1';

/** The match reasons' stable codes (services/sourcing domain/matching.ts) as people read them. */
const REASONS: Record<string, { vi: string; en: string }> = {
  INDUSTRY: { vi: 'đúng ngành nghề', en: 'its industry' },
  LOCAL: { vi: 'cơ sở sản xuất trong tỉnh', en: 'a maker of the province' },
  SAME_WARD: { vi: 'cùng xã, phường với người mua', en: "in the buyer's ward" },
  PRODUCT_GROUP: { vi: 'có sản phẩm thuộc nhóm được tìm', en: 'a listed product of the group asked for' },
  CERTIFIED: { vi: 'có chứng nhận theo yêu cầu', en: 'the certification asked for' },
  DOMESTIC_INPUTS: { vi: 'dùng nguyên liệu trong nước', en: 'Vietnamese inputs' },
};

export const notifiesAboutSourcing = (eventType: string): boolean => eventType === MATCHED;


interface MatchedSupplierJson {
  businessId?: unknown;
  name?: unknown;
  reasons?: unknown;
  contactEmail?: unknown;
  preferredLocale?: unknown;
}

export function planSourcingNotices(event: { type: string; subject: string; data: unknown }): PlannedNotice[] {
  if (event.type !== MATCHED) return [];
  const data = (event.data ?? {}) as { request?: Record<string, unknown>; suppliers?: MatchedSupplierJson[] };
  const r = data.request ?? {};
  const facts: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) facts[key] = value;
  };
  put('requestTitle', str(r.title));
  put('buyerName', str(r.buyerName));
  put('industryCode', str(r.industryCode));
  put('quantity', r.quantity === undefined ? undefined : Number(r.quantity).toLocaleString('vi-VN'));
  put('unit', str(r.unit));
  put('neededBy', day(r.neededBy));
  put('closingTime', vietnamTime(r.closingTime));
  const notices: PlannedNotice[] = [];
  const seen = new Set<string>();
  for (const s of Array.isArray(data.suppliers) ? data.suppliers : []) {
    const businessId = str(s.businessId);
    if (!businessId || seen.has(businessId)) continue;
    seen.add(businessId);
    const codes = Array.isArray(s.reasons) ? s.reasons.filter((c): c is string => typeof c === 'string' && c in REASONS) : [];
    const context: BusinessNoticeContext = {
      businessName: str(s.name) ?? businessId,
      taxCode: '',
      facts: { ...facts, reasonsVi: codes.map((c) => REASONS[c]!.vi).join(', '), reasonsEn: codes.map((c) => REASONS[c]!.en).join(', ') },
    };
    const email = str(s.contactEmail);
    notices.push({
      recipient: { kind: 'business', id: businessId, locale: toLocale(str(s.preferredLocale)), ...(email ? { email } : {}) },
      template: 'sourcing.request.matched',
      context,
    });
  }
  return notices;
}
