// Which people the tradefair context's events concern (services/trade-fair): the enterprise of the
// application, found by its businessId (its inbox, and the channels its preferences add), and the staff in
// STAFF_EMAILS for new applications. Works on the event's JSON form (proto3 JSON, camelCase).
import { toLocale } from '@hangviet/vn/locale';
import { day, str, vietnamTime } from './notice-values';
import type { PlannedNotice, StaffMember } from './planned-notice';
import type { BusinessNoticeContext, TemplateKey } from './templates';

const P = 'hangviet.tradefair.booth_application.';
const TEMPLATES: Record<string, { business: TemplateKey; staff?: TemplateKey }> = {
  [`${P}submitted.v1`]: { business: 'tradefair.application.submitted', staff: 'tradefair.application.submitted.staff' },
  [`${P}allocated.v1`]: { business: 'tradefair.application.allocated' },
  [`${P}waitlisted.v1`]: { business: 'tradefair.application.waitlisted' },
  [`${P}offered.v1`]: { business: 'tradefair.application.offered' },
  [`${P}confirmed.v1`]: { business: 'tradefair.application.confirmed' },
  [`${P}rejected.v1`]: { business: 'tradefair.application.rejected' },
  [`${P}withdrawn.v1`]: { business: 'tradefair.application.withdrawn' },
  [`${P}cancelled.v1`]: { business: 'tradefair.application.cancelled' },
  [`${P}lapsed.v1`]: { business: 'tradefair.application.lapsed' },
  [`${P}set_up_reminded.v1`]: { business: 'tradefair.application.set_up_reminder' },
};

/** Stable reason codes as people read them. */
const REASONS: Record<string, { vi: string; en: string }> = {
  OFFER_EXPIRED: { vi: 'hết hạn xác nhận gian hàng được mời', en: 'the offer was not confirmed in time' },
  BUSINESS_SUSPENDED: { vi: 'doanh nghiệp bị tạm ngừng trong danh bạ', en: 'the business is suspended in the directory' },
  BUSINESS_DISSOLVED: { vi: 'doanh nghiệp đã giải thể', en: 'the business was dissolved' },
  FAIR_CANCELLED: { vi: 'hội chợ bị huỷ', en: 'the fair was cancelled' },
  CERTIFIED_PRODUCTS_REQUIRED: { vi: 'hội chợ yêu cầu sản phẩm đã được chứng nhận', en: 'the fair requires certified products' },
  NOT_LOCAL: { vi: 'hội chợ chỉ dành cho doanh nghiệp trong tỉnh', en: 'the fair takes only enterprises of its province' },
};

export const notifiesAboutTradeFairs = (eventType: string): boolean => eventType in TEMPLATES;

const vnd = (v: unknown): string | undefined => (v === undefined ? undefined : `${Number(v).toLocaleString('vi-VN')} ₫`);

export function planTradeFairNotices(event: { type: string; subject: string; data: unknown }, staff: readonly StaffMember[]): PlannedNotice[] {
  const templates = TEMPLATES[event.type];
  if (!templates) return [];
  const a = ((event.data ?? {}) as { application?: Record<string, unknown> }).application ?? {};
  const facts: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) facts[key] = value;
  };
  put('fairName', str(a.fairName));
  put('venueName', str(a.venueName));
  put('openingDay', day(a.openingDay));
  put('closingDay', day(a.closingDay));
  put('setUpDay', day(a.setUpDay));
  put('setUpTime', str(a.setUpTime));
  put('boothsWanted', String(a.boothsWanted ?? 1));
  put('boothCodes', Array.isArray(a.boothCodes) ? a.boothCodes.join(', ') : undefined);
  put('waitlistPosition', a.waitlistPosition ? String(a.waitlistPosition) : undefined);
  put('offerDeadline', vietnamTime(a.offerDeadline));
  put('supportVnd', vnd(a.supportVnd ?? 0));
  put('feeVnd', vnd(a.feeVnd ?? 0));
  const context: BusinessNoticeContext = { businessName: str(a.businessName) ?? event.subject, taxCode: '', facts };
  const notices: PlannedNotice[] = [];
  const businessId = str(a.businessId);
  const reason = str(a.reason);
  if (businessId) {
    const locale = toLocale(undefined);
    const withReason = reason ? { ...context, reason: REASONS[reason]?.[locale] ?? reason } : context;
    notices.push({ recipient: { kind: 'business', id: businessId, locale }, template: templates.business, context: withReason });
  }
  for (const member of templates.staff ? staff : []) {
    notices.push({ recipient: { kind: 'staff', id: member.email.toLowerCase(), email: member.email, locale: member.locale }, template: templates.staff!, context });
  }
  return notices;
}
