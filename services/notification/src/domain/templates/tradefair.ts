// Templates of the tradefair context (services/trade-fair): the enterprise learns its booth codes and
// days, its waitlist place, an offer and its deadline, a rejection or cancellation; staff learn of new
// applications. Facts come from the event (tradefair-notices.ts), already formatted.
import { reasonLine, type BusinessNoticeContext, type TemplateTable } from './text';

const f = (c: BusinessNoticeContext, key: string): string => c.facts?.[key] ?? '';
const fair = (c: BusinessNoticeContext): string => f(c, 'fairName');
const when = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string =>
  locale === 'vi' ? `từ ${f(c, 'openingDay')} đến ${f(c, 'closingDay')} tại ${f(c, 'venueName')}` : `from ${f(c, 'openingDay')} to ${f(c, 'closingDay')} at ${f(c, 'venueName')}`;
const support = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string[] =>
  f(c, 'supportVnd') && f(c, 'supportVnd') !== '0 ₫'
    ? [locale === 'vi' ? `Chương trình hỗ trợ ${f(c, 'supportVnd')} trên phí gian hàng ${f(c, 'feeVnd')}.` : `The programme pays ${f(c, 'supportVnd')} of the booth fee of ${f(c, 'feeVnd')}.`]
    : [];

type Key =
  | 'tradefair.application.submitted'
  | 'tradefair.application.submitted.staff'
  | 'tradefair.application.allocated'
  | 'tradefair.application.waitlisted'
  | 'tradefair.application.offered'
  | 'tradefair.application.confirmed'
  | 'tradefair.application.rejected'
  | 'tradefair.application.withdrawn'
  | 'tradefair.application.cancelled'
  | 'tradefair.application.lapsed'
  | 'tradefair.application.set_up_reminder';

export const tradefairTemplates: TemplateTable<Key> = {
  'tradefair.application.submitted': {
    vi: { subject: (c) => `Đã nhận đăng ký gian hàng: ${fair(c)}`, paragraphs: (c) => [`Đăng ký ${f(c, 'boothsWanted')} gian hàng của ${c.businessName} tại ${fair(c)} (${when(c, 'vi')}) đã được tiếp nhận.`, 'Kết quả phân bổ gian hàng sẽ được thông báo sau khi hết hạn đăng ký.'] },
    en: { subject: (c) => `Booth application received: ${fair(c)}`, paragraphs: (c) => [`The application of ${c.businessName} for ${f(c, 'boothsWanted')} booth(s) at ${fair(c)} (${when(c, 'en')}) has been received.`, 'You will hear about the allocation after the application window closes.'] },
  },
  'tradefair.application.submitted.staff': {
    vi: { subject: (c) => `Đăng ký gian hàng mới: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} đăng ký ${f(c, 'boothsWanted')} gian hàng tại ${fair(c)}.`] },
    en: { subject: (c) => `New booth application: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} applied for ${f(c, 'boothsWanted')} booth(s) at ${fair(c)}.`] },
  },
  'tradefair.application.allocated': {
    vi: { subject: (c) => `Gian hàng ${f(c, 'boothCodes')} tại ${fair(c)}`, paragraphs: (c) => [`${c.businessName} được bố trí gian hàng ${f(c, 'boothCodes')} tại ${fair(c)}, ${when(c, 'vi')}.`, ...support(c, 'vi')] },
    en: { subject: (c) => `Booth ${f(c, 'boothCodes')} at ${fair(c)}`, paragraphs: (c) => [`${c.businessName} has booth ${f(c, 'boothCodes')} at ${fair(c)}, ${when(c, 'en')}.`, ...support(c, 'en')] },
  },
  'tradefair.application.waitlisted': {
    vi: { subject: (c) => `Danh sách chờ ${fair(c)}: vị trí ${f(c, 'waitlistPosition')}`, paragraphs: (c) => [`Hiện chưa còn gian hàng phù hợp cho ${c.businessName} tại ${fair(c)}. Doanh nghiệp đứng thứ ${f(c, 'waitlistPosition')} trong danh sách chờ và sẽ được mời khi có gian hàng trống.`] },
    en: { subject: (c) => `Waitlist for ${fair(c)}: place ${f(c, 'waitlistPosition')}`, paragraphs: (c) => [`No suitable booth is left for ${c.businessName} at ${fair(c)} yet. You are number ${f(c, 'waitlistPosition')} on the waitlist and will be offered a booth when one is freed.`] },
  },
  'tradefair.application.offered': {
    vi: { subject: (c) => `Mời nhận gian hàng ${f(c, 'boothCodes')} — xác nhận trước ${f(c, 'offerDeadline')}`, paragraphs: (c) => [`Gian hàng ${f(c, 'boothCodes')} tại ${fair(c)} (${when(c, 'vi')}) đang được giữ cho ${c.businessName}.`, `Vui lòng xác nhận trước ${f(c, 'offerDeadline')} (giờ Việt Nam); sau thời hạn này gian hàng sẽ được mời doanh nghiệp tiếp theo.`] },
    en: { subject: (c) => `Booth ${f(c, 'boothCodes')} offered — confirm by ${f(c, 'offerDeadline')}`, paragraphs: (c) => [`Booth ${f(c, 'boothCodes')} at ${fair(c)} (${when(c, 'en')}) is held for ${c.businessName}.`, `Please confirm by ${f(c, 'offerDeadline')} (Vietnam time); after that it is offered to the next enterprise.`] },
  },
  'tradefair.application.confirmed': {
    vi: { subject: (c) => `Đã xác nhận gian hàng ${f(c, 'boothCodes')} tại ${fair(c)}`, paragraphs: (c) => [`${c.businessName} đã xác nhận gian hàng ${f(c, 'boothCodes')} tại ${fair(c)}, ${when(c, 'vi')}.`, ...support(c, 'vi')] },
    en: { subject: (c) => `Booth ${f(c, 'boothCodes')} confirmed at ${fair(c)}`, paragraphs: (c) => [`${c.businessName} confirmed booth ${f(c, 'boothCodes')} at ${fair(c)}, ${when(c, 'en')}.`, ...support(c, 'en')] },
  },
  'tradefair.application.rejected': {
    vi: { subject: (c) => `Đăng ký gian hàng chưa được chấp thuận: ${fair(c)}`, paragraphs: (c) => [`Đăng ký gian hàng của ${c.businessName} tại ${fair(c)} chưa được chấp thuận.`, ...reasonLine('vi', c)] },
    en: { subject: (c) => `Booth application not accepted: ${fair(c)}`, paragraphs: (c) => [`The booth application of ${c.businessName} at ${fair(c)} was not accepted.`, ...reasonLine('en', c)] },
  },
  'tradefair.application.withdrawn': {
    vi: { subject: (c) => `Đã rút đăng ký gian hàng: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} đã rút đăng ký gian hàng tại ${fair(c)}.`] },
    en: { subject: (c) => `Booth application withdrawn: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} withdrew its booth application at ${fair(c)}.`] },
  },
  'tradefair.application.cancelled': {
    vi: { subject: (c) => `Đăng ký gian hàng đã bị huỷ: ${fair(c)}`, paragraphs: (c) => [`Đăng ký gian hàng của ${c.businessName} tại ${fair(c)} đã bị huỷ.`, ...reasonLine('vi', c)] },
    en: { subject: (c) => `Booth application cancelled: ${fair(c)}`, paragraphs: (c) => [`The booth application of ${c.businessName} at ${fair(c)} was cancelled.`, ...reasonLine('en', c)] },
  },
  'tradefair.application.lapsed': {
    vi: { subject: (c) => `Lời mời nhận gian hàng đã hết hạn: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} chưa xác nhận gian hàng được mời tại ${fair(c)} trước ${f(c, 'offerDeadline')} (giờ Việt Nam), nên gian hàng đã được mời doanh nghiệp tiếp theo trong danh sách chờ.`] },
    en: { subject: (c) => `Booth offer lapsed: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} did not confirm the booth offered at ${fair(c)} by ${f(c, 'offerDeadline')} (Vietnam time), so it has been offered to the next enterprise on the waitlist.`] },
  },
  'tradefair.application.set_up_reminder': {
    vi: { subject: (c) => `Nhắc lịch dàn dựng gian hàng ${f(c, 'boothCodes')}: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} dàn dựng gian hàng ${f(c, 'boothCodes')} tại ${f(c, 'venueName')} từ ${f(c, 'setUpTime')} ngày ${f(c, 'setUpDay')}.`, `${fair(c)} mở cửa ${when(c, 'vi')}.`] },
    en: { subject: (c) => `Set-up reminder, booth ${f(c, 'boothCodes')}: ${fair(c)}`, paragraphs: (c) => [`${c.businessName} sets up booth ${f(c, 'boothCodes')} at ${f(c, 'venueName')} from ${f(c, 'setUpTime')} on ${f(c, 'setUpDay')}.`, `${fair(c)} is open ${when(c, 'en')}.`] },
  },
};
