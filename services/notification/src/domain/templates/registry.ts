// Templates of the business-registry context (business.* events): the enterprise and, for a new
// registration, the staff who review it.
import type { Locale } from '@hangviet/vn/locale';
import { CENTRE, reasonLine, who, type BusinessNoticeContext, type TemplateTable } from './text';

const FIELD_NAMES: Record<Locale, Record<string, string>> = {
  vi: {
    legalName: 'tên doanh nghiệp',
    tradeName: 'tên thương mại',
    englishName: 'tên tiếng Anh',
    address: 'địa chỉ',
    industries: 'ngành nghề',
    contactEmail: 'thư điện tử liên hệ',
    contactPhone: 'số điện thoại liên hệ',
    website: 'trang web',
    description: 'giới thiệu',
    employeeRange: 'quy mô lao động',
  },
  en: {
    legalName: 'legal name',
    tradeName: 'trade name',
    englishName: 'English name',
    address: 'address',
    industries: 'industries',
    contactEmail: 'contact e-mail',
    contactPhone: 'contact phone',
    website: 'website',
    description: 'description',
    employeeRange: 'number of employees',
  },
};

export const registryTemplates = {
  'business.registered': {
    vi: {
      subject: (c) => `Đã tiếp nhận hồ sơ đăng ký của ${c.businessName}`,
      paragraphs: (c) => [
        `${CENTRE.vi} đã tiếp nhận hồ sơ đăng ký của ${who(c, 'vi')}.`,
        'Hồ sơ đang chờ xét duyệt. Chúng tôi sẽ thông báo kết quả cho quý doanh nghiệp qua thư điện tử và hộp thư trên hệ thống.',
      ],
    },
    en: {
      subject: (c) => `Registration received: ${c.businessName}`,
      paragraphs: (c) => [
        `The ${CENTRE.en} has received the registration of ${who(c, 'en')}.`,
        'It is now awaiting review. We will let you know the outcome by e-mail and in your inbox on the platform.',
      ],
    },
  },
  'business.registered.staff': {
    vi: {
      subject: (c) => `Hồ sơ mới cần xét duyệt: ${c.businessName}`,
      paragraphs: (c) => [`${who(c, 'vi')} vừa đăng ký và đang chờ xét duyệt.`],
    },
    en: {
      subject: (c) => `New registration to review: ${c.businessName}`,
      paragraphs: (c) => [`${who(c, 'en')} has registered and is awaiting review.`],
    },
  },
  'business.approved': {
    vi: {
      subject: (c) => `Hồ sơ của ${c.businessName} đã được phê duyệt`,
      paragraphs: (c) => [
        `Hồ sơ đăng ký của ${who(c, 'vi')} đã được phê duyệt.`,
        'Doanh nghiệp đã có mặt trong danh bạ hàng Việt Nam và có thể đăng ký sản phẩm, chứng nhận và gian hàng hội chợ.',
      ],
    },
    en: {
      subject: (c) => `${c.businessName} has been approved`,
      paragraphs: (c) => [
        `The registration of ${who(c, 'en')} has been approved.`,
        'Your business is now listed in the Vietnamese goods directory and can register products, apply for certification and book fair booths.',
      ],
    },
  },
  'business.rejected': {
    vi: {
      subject: (c) => `Hồ sơ của ${c.businessName} chưa được chấp thuận`,
      paragraphs: (c) => [
        `Hồ sơ đăng ký của ${who(c, 'vi')} chưa được chấp thuận.`,
        ...reasonLine('vi', c),
        'Quý doanh nghiệp có thể bổ sung thông tin và gửi lại hồ sơ.',
      ],
    },
    en: {
      subject: (c) => `The registration of ${c.businessName} was not approved`,
      paragraphs: (c) => [
        `The registration of ${who(c, 'en')} was not approved.`,
        ...reasonLine('en', c),
        'You may complete the information and submit the registration again.',
      ],
    },
  },
  'business.suspended': {
    vi: {
      subject: (c) => `${c.businessName} đã bị tạm đình chỉ trên hệ thống`,
      paragraphs: (c) => [
        `Hoạt động của ${who(c, 'vi')} trên hệ thống đã bị tạm đình chỉ; doanh nghiệp tạm thời không hiển thị trong danh bạ.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `${c.businessName} has been suspended`,
      paragraphs: (c) => [
        `${who(c, 'en')} has been suspended on the platform and is hidden from the directory for now.`,
        ...reasonLine('en', c),
      ],
    },
  },
  'business.reinstated': {
    vi: {
      subject: (c) => `${c.businessName} đã được khôi phục hoạt động`,
      paragraphs: (c) => [
        `${who(c, 'vi')} đã được khôi phục hoạt động và hiển thị lại trong danh bạ.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `${c.businessName} has been reinstated`,
      paragraphs: (c) => [
        `${who(c, 'en')} has been reinstated and is listed in the directory again.`,
        ...reasonLine('en', c),
      ],
    },
  },
  'business.dissolved': {
    vi: {
      subject: (c) => `${c.businessName} đã chấm dứt hoạt động trên hệ thống`,
      paragraphs: (c) => [
        `${who(c, 'vi')} đã được ghi nhận chấm dứt hoạt động trên hệ thống.`,
        ...reasonLine('vi', c),
      ],
    },
    en: {
      subject: (c) => `${c.businessName} has been dissolved`,
      paragraphs: (c) => [
        `${who(c, 'en')} has been recorded as dissolved on the platform.`,
        ...reasonLine('en', c),
      ],
    },
  },
  'business.profile_updated': {
    vi: {
      subject: (c) => `Thông tin của ${c.businessName} đã được cập nhật`,
      paragraphs: (c) => [
        `Thông tin doanh nghiệp của ${who(c, 'vi')} đã được cập nhật${fieldList('vi', c)}.`,
        'Nếu quý doanh nghiệp không thực hiện thay đổi này, vui lòng liên hệ Trung tâm.',
      ],
    },
    en: {
      subject: (c) => `The profile of ${c.businessName} was updated`,
      paragraphs: (c) => [
        `The profile of ${who(c, 'en')} was updated${fieldList('en', c)}.`,
        'If you did not make this change, please contact the Centre.',
      ],
    },
  },
} satisfies TemplateTable<string>;

function fieldList(locale: Locale, c: BusinessNoticeContext): string {
  if (!c.changedFields || c.changedFields.length === 0) return '';
  const names = c.changedFields.map((f) => FIELD_NAMES[locale][f] ?? f).join(', ');
  return ` (${names})`;
}
