// Templates of the certification context (services/product-certification): the enterprise hears about
// its applications and certificates, staff about new applications and counterfeit reports. Facts come
// from the event (see the certification entries of notification-plan.ts), already formatted.
import { reasonLine, type BusinessNoticeContext, type TemplateTable } from './text';

const f = (c: BusinessNoticeContext, key: string): string => c.facts?.[key] ?? '';
// An enterprise-level title (HVNCLC) has no product: the business it was given to stands in its place.
const product = (c: BusinessNoticeContext): string => f(c, 'productName') || c.businessName || f(c, 'certificateNumber');
const stars = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string =>
  f(c, 'stars') ? (locale === 'vi' ? ` ${f(c, 'stars')} sao` : ` ${f(c, 'stars')}-star`) : '';
const scheme = (c: BusinessNoticeContext): string => f(c, 'scheme') || 'OCOP';
// The business's name when the event gave one: application events carry only the product, and the
// product's name in the business's place read "sản phẩm X của X".
const ofBusiness = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string => (c.businessName ? (locale === 'vi' ? ` của ${c.businessName}` : ` of ${c.businessName}`) : '');
const applicant = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string => c.businessName || (locale === 'vi' ? 'Một doanh nghiệp' : 'An enterprise');
// Only when the event states it: a decision's event has no validity (the certificate's own notice does).
const validity = (c: BusinessNoticeContext, locale: 'vi' | 'en'): string =>
  f(c, 'validUntil') ? (locale === 'vi' ? `, có hiệu lực đến ngày ${f(c, 'validUntil')}` : `, valid until ${f(c, 'validUntil')}`) : '';

export const certificationTemplates = {
  'certification.application.submitted': {
    vi: {
      subject: (c) => `Đã tiếp nhận hồ sơ đánh giá OCOP: ${product(c)}`,
      paragraphs: (c) => [
        `Hồ sơ đề nghị đánh giá, phân hạng OCOP cho sản phẩm ${product(c)}${ofBusiness(c, 'vi')} đã được tiếp nhận (kỳ ${f(c, 'round')}).`,
        'Hồ sơ sẽ được UBND cấp xã/phường xem xét trước khi trình Hội đồng cấp tỉnh.',
      ],
    },
    en: {
      subject: (c) => `OCOP application received: ${product(c)}`,
      paragraphs: (c) => [
        `The OCOP application for ${product(c)}${ofBusiness(c, 'en')} has been received (round ${f(c, 'round')}).`,
        'The commune/ward reviews it first, then the provincial council scores it.',
      ],
    },
  },
  'certification.application.submitted.staff': {
    vi: {
      subject: (c) => `Hồ sơ OCOP mới: ${product(c)}`,
      paragraphs: (c) => [
        `${applicant(c, 'vi')} vừa nộp hồ sơ đánh giá OCOP cho sản phẩm ${product(c)} (kỳ ${f(c, 'round')}).`,
      ],
    },
    en: {
      subject: (c) => `New OCOP application: ${product(c)}`,
      paragraphs: (c) => [
        `${applicant(c, 'en')} applied for OCOP evaluation of ${product(c)} (round ${f(c, 'round')}).`,
      ],
    },
  },
  'certification.application.scored': {
    vi: {
      subject: (c) => `Kết quả chấm điểm OCOP: ${product(c)}`,
      paragraphs: (c) => [
        `Hội đồng đánh giá cấp tỉnh đã chấm điểm sản phẩm ${product(c)}: ${f(c, 'total')}/100 điểm${f(c, 'stars') ? `, tương ứng hạng ${f(c, 'stars')} sao` : ', chưa đạt hạng sao'}.`,
        'Kết quả chính thức theo quyết định của UBND tỉnh.',
      ],
    },
    en: {
      subject: (c) => `OCOP score: ${product(c)}`,
      paragraphs: (c) => [
        `The provincial council scored ${product(c)}: ${f(c, 'total')}/100${f(c, 'stars') ? `, which corresponds to ${f(c, 'stars')} stars` : ', below the 3-star threshold'}.`,
        "The result becomes final with the Provincial People's Committee's decision.",
      ],
    },
  },
  'certification.application.national_pending': {
    vi: {
      subject: (c) => `Sản phẩm ${product(c)} được đề nghị đánh giá OCOP 5 sao cấp trung ương`,
      paragraphs: (c) => [
        `Với ${f(c, 'total')}/100 điểm, sản phẩm ${product(c)} được đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận hạng 5 sao.`,
      ],
    },
    en: {
      subject: (c) => `${product(c)} proposed for 5-star OCOP evaluation`,
      paragraphs: (c) => [
        `With ${f(c, 'total')}/100, ${product(c)} has been proposed to the Ministry of Agriculture and Environment for central (5-star) evaluation.`,
      ],
    },
  },
  'certification.application.decided': {
    vi: {
      subject: (c) => `Quyết định công nhận OCOP: ${product(c)}`,
      paragraphs: (c) => [
        f(c, 'certificateNumber')
          ? `Sản phẩm ${product(c)} đã được công nhận OCOP${stars(c, 'vi')} theo Quyết định số ${f(c, 'decisionNumber')} ngày ${f(c, 'decisionDate')}. Số giấy chứng nhận: ${f(c, 'certificateNumber')}${validity(c, 'vi')}.`
          : `Quyết định số ${f(c, 'decisionNumber')} ngày ${f(c, 'decisionDate')} đã được ghi nhận cho sản phẩm ${product(c)}; sản phẩm chưa đạt hạng để cấp giấy chứng nhận.`,
      ],
    },
    en: {
      subject: (c) => `OCOP decision: ${product(c)}`,
      paragraphs: (c) => [
        f(c, 'certificateNumber')
          ? `${product(c)} has been certified OCOP${stars(c, 'en')} by decision ${f(c, 'decisionNumber')} of ${f(c, 'decisionDate')}. Certificate number ${f(c, 'certificateNumber')}${validity(c, 'en')}.`
          : `Decision ${f(c, 'decisionNumber')} of ${f(c, 'decisionDate')} was recorded for ${product(c)}; its score does not qualify for a certificate.`,
      ],
    },
  },
  'certification.application.rejected': {
    vi: {
      subject: (c) => `Hồ sơ OCOP chưa được chấp thuận: ${product(c)}`,
      paragraphs: (c) => [
        `Hồ sơ đánh giá OCOP cho sản phẩm ${product(c)} chưa được chấp thuận.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `OCOP application not accepted: ${product(c)}`,
      paragraphs: (c) => [`The OCOP application for ${product(c)} was not accepted.`, ...reasonLine('en', c)],
    },
  },
  'certification.certificate.issued': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${scheme(c)} đã được ghi nhận: ${product(c)}`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} cho ${product(c)} đã được ghi nhận trên hệ thống${validity(c, 'vi')}.`,
      ],
    },
    en: {
      subject: (c) => `${scheme(c)} certificate recorded: ${product(c)}`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} for ${product(c)} has been recorded on the platform${validity(c, 'en')}.`,
      ],
    },
  },
  'certification.certificate.expiring': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${f(c, 'certificateNumber')} sắp hết hiệu lực`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} của sản phẩm ${product(c)} sẽ hết hiệu lực vào ngày ${f(c, 'validUntil')} (còn ${f(c, 'daysLeft')} ngày).`,
        'Quý doanh nghiệp vui lòng nộp hồ sơ đánh giá lại để duy trì chứng nhận.',
      ],
    },
    en: {
      subject: (c) => `Certificate ${f(c, 'certificateNumber')} expires soon`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} of ${product(c)} expires on ${f(c, 'validUntil')} (${f(c, 'daysLeft')} days left).`,
        'Please apply for re-evaluation to keep the certification.',
      ],
    },
  },
  'certification.certificate.expired': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${f(c, 'certificateNumber')} đã hết hiệu lực`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} của sản phẩm ${product(c)} đã hết hiệu lực từ ngày ${f(c, 'validUntil')}.`,
      ],
    },
    en: {
      subject: (c) => `Certificate ${f(c, 'certificateNumber')} has expired`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} of ${product(c)} expired on ${f(c, 'validUntil')}.`,
      ],
    },
  },
  'certification.certificate.suspended': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${f(c, 'certificateNumber')} bị tạm đình chỉ`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} của sản phẩm ${product(c)} bị tạm đình chỉ.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `Certificate ${f(c, 'certificateNumber')} suspended`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} of ${product(c)} has been suspended.`,
        ...reasonLine('en', c),
      ],
    },
  },
  'certification.certificate.restored': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${f(c, 'certificateNumber')} đã được khôi phục`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} của sản phẩm ${product(c)} đã được khôi phục hiệu lực.`,
      ],
    },
    en: {
      subject: (c) => `Certificate ${f(c, 'certificateNumber')} restored`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} of ${product(c)} is in force again.`,
      ],
    },
  },
  'certification.certificate.revoked': {
    vi: {
      subject: (c) => `Giấy chứng nhận ${f(c, 'certificateNumber')} đã bị thu hồi`,
      paragraphs: (c) => [
        `Giấy chứng nhận ${scheme(c)} số ${f(c, 'certificateNumber')} của sản phẩm ${product(c)} đã bị thu hồi.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `Certificate ${f(c, 'certificateNumber')} revoked`,
      paragraphs: (c) => [
        `The ${scheme(c)} certificate ${f(c, 'certificateNumber')} of ${product(c)} has been revoked.`,
        ...reasonLine('en', c),
      ],
    },
  },
  'certification.report.received.staff': {
    vi: {
      subject: (c) => `Phản ánh hàng giả mới: ${product(c) || f(c, 'reportId')}`,
      paragraphs: (c) => [
        `Một phản ánh nghi hàng giả, sử dụng sai chứng nhận vừa được gửi (mã ${f(c, 'reportId')})${product(c) ? ` về ${product(c)}` : ''}${f(c, 'where') ? `, nơi phát hiện: ${f(c, 'where')}` : ''}.`,
        'Vui lòng phân loại và chuyển cơ quan quản lý thị trường nếu cần.',
      ],
    },
    en: {
      subject: (c) => `New counterfeit report: ${product(c) || f(c, 'reportId')}`,
      paragraphs: (c) => [
        `A report of suspected counterfeit or misuse was filed (id ${f(c, 'reportId')})${product(c) ? ` about ${product(c)}` : ''}${f(c, 'where') ? `, seen at ${f(c, 'where')}` : ''}.`,
        'Please triage it and forward it to market surveillance when needed.',
      ],
    },
  },
} satisfies TemplateTable<string>;
