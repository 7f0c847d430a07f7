// Templates of the sourcing context (services/sourcing): a supplier of the directory learns that a buyer's
// published sourcing request matches what it makes, why, and until when it may respond. Facts come from the
// event (sourcing-notices.ts), already formatted.
import type { BusinessNoticeContext, TemplateTable } from './text';

const f = (c: BusinessNoticeContext, key: string): string => c.facts?.[key] ?? '';

type Key = 'sourcing.request.matched';

export const sourcingTemplates: TemplateTable<Key> = {
  'sourcing.request.matched': {
    vi: {
      subject: (c) => `Nhu cầu mua hàng phù hợp với ${c.businessName}: ${f(c, 'requestTitle')}`,
      paragraphs: (c) => [
        `${f(c, 'buyerName')} cần ${f(c, 'quantity')} ${f(c, 'unit')} trước ngày ${f(c, 'neededBy')}: "${f(c, 'requestTitle')}" (ngành VSIC ${f(c, 'industryCode')}).`,
        `${c.businessName} được giới thiệu vì: ${f(c, 'reasonsVi')}.`,
        `Doanh nghiệp có thể gửi phản hồi và báo giá trên cổng kết nối cung cầu đến ${f(c, 'closingTime')} (giờ Việt Nam) hoặc đến khi đủ số phản hồi người mua nhận.`,
      ],
    },
    en: {
      subject: (c) => `A sourcing request matches ${c.businessName}: ${f(c, 'requestTitle')}`,
      paragraphs: (c) => [
        `${f(c, 'buyerName')} needs ${f(c, 'quantity')} ${f(c, 'unit')} by ${f(c, 'neededBy')}: "${f(c, 'requestTitle')}" (VSIC ${f(c, 'industryCode')}).`,
        `${c.businessName} was suggested because: ${f(c, 'reasonsEn')}.`,
        `You may respond with a message and a price on the supply–demand portal until ${f(c, 'closingTime')} (Vietnam time) or until the buyer has the responses it asked for.`,
      ],
    },
  },
};
