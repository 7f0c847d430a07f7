// Golden texts: every template in both languages, rendered as the enterprise or staff member receives it
// (subject, then the plain-text body), compared with the reviewed text under golden/. A wording change shows
// as a diff of these files; after reviewing it, `UPDATE_GOLDEN=1 npx jest <this file>` rewrites them.
// Besides the template-by-template texts, the certification notices are rendered from the events the
// certification service really publishes (no business name in an application event, no validity in a decision).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planNotices } from '../notification-plan';
import { renderTemplate, TEMPLATE_KEYS, type BusinessNoticeContext, type TemplateKey } from '.';

const GOLDEN = join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const context: BusinessNoticeContext = {
  businessName: 'HTX Kẹo dừa Thanh Long',
  taxCode: '1300123456',
  reason: 'Thiếu giấy chứng nhận vệ sinh an toàn thực phẩm',
  changedFields: ['address', 'industries'],
  facts: {
    productName: 'Kẹo dừa sáp',
    certificateNumber: 'OCOP-2026-000001-7',
    scheme: 'OCOP',
    stars: '4',
    total: '82.5',
    round: '1/2026',
    decisionNumber: '5445/QĐ-UBND',
    decisionDate: '01/12/2026',
    validUntil: '01/12/2029',
    daysLeft: '30',
    reportId: 'r-42',
    where: 'Chợ Bến Thành',
    fairName: 'Phiên chợ hàng Việt Vĩnh Long 2026',
    openingDay: '10/12/2026',
    closingDay: '14/12/2026',
    venueName: 'Quảng trường Vĩnh Long',
    boothsWanted: '2',
    boothCodes: 'A01, A02',
    waitlistPosition: '3',
    offerDeadline: '05/12/2026 17:00',
    setUpDay: '09/12/2026',
    setUpTime: '14:00',
    feeVnd: '3.000.000 ₫',
    supportVnd: '1.500.000 ₫',
    requestTitle: 'Mắm, tương đóng chai cho chuỗi siêu thị',
    buyerName: 'Siêu thị Lạng Sơn',
    industryCode: '1079',
    quantity: '500',
    unit: 'chai',
    neededBy: '20/01/2027',
    closingTime: '17:00 10/01/2027',
    reasonsVi: 'đúng ngành nghề, cơ sở sản xuất trong tỉnh, có chứng nhận theo yêu cầu',
    reasonsEn: 'its industry, a maker of the province, the certification asked for',
  },
};

const rendered = (key: TemplateKey, locale: 'vi' | 'en', c: BusinessNoticeContext) => {
  const m = renderTemplate(key, locale, c);
  return `${m.subject}\n\n${m.text}\n`;
};

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, `${name}.txt`);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file) ? readFileSync(file, 'utf8') : `(no golden file ${name}.txt)`).toBe(actual);
}

describe('golden texts of every template', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${key} (${locale})`, () => golden(`${key}.${locale}`, rendered(key, locale, context)));
    }
  }
});

describe('golden texts of certification notices from the events as published', () => {
  const staff = [{ email: 'secretariat@example.vn', locale: 'vi' as const }];
  const application = { id: 'app-1', businessId: 'b-1', productName: 'Kẹo dừa sáp', round: { year: 2026, number: 1 }, score: { total: 82.5, stars: 4 } };
  const certificate = {
    number: 'OCOP-2026-000001-7',
    businessId: 'b-1',
    businessName: 'HTX Kẹo dừa Thanh Long',
    productName: 'Kẹo dừa sáp',
    scheme: 'CERTIFICATION_SCHEME_OCOP',
    stars: 4,
    // Midnight in Vietnam on 7/12/2029.
    validUntil: '2029-12-06T17:00:00Z',
  };
  const events = [
    { type: 'hangviet.certification.application.submitted.v1', data: { application } },
    { type: 'hangviet.certification.application.decided.v1', data: { application, decisionNumber: '5445/QĐ-UBND', decisionTime: '2026-12-01T03:00:00Z', certificateNumber: certificate.number } },
    { type: 'hangviet.certification.certificate.issued.v1', data: { certificate } },
  ];
  for (const event of events) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${event.type} (${locale})`, () => {
        const notices = planNotices({ ...event, subject: 'x' }, staff);
        expect(notices.length).toBeGreaterThan(0);
        golden(`event.${event.type.replace('hangviet.certification.', '').replace(/\.v1$/, '')}.${locale}`, notices.map((n) => rendered(n.template, locale, n.context)).join('\n---\n\n'));
      });
    }
  }
});
