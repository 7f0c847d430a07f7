// The campaign's indicator catalogue, as data: what each figure of the yearly report is, in Vietnamese and
// English, its unit, how it is counted and where it comes from. The projection (projection.ts) emits facts
// under these codes; submissions may only name the codes whose source includes 'submissions'; the report and
// the console read the same table. Pure: no I/O.

export type IndicatorSource = 'events' | 'submissions';
export type IndicatorUnit = 'count' | 'vnd' | 'percent';
/** How facts of one period and filter become one figure. */
export type IndicatorAggregate = 'sum' | 'mean' | 'ratio';
export type ReportSection = 'enterprises' | 'certification' | 'fairs' | 'market' | 'consumers' | 'connection';

export interface Indicator {
  code: string;
  titleVi: string;
  titleEn: string;
  unit: IndicatorUnit;
  /** How the figure is counted, in words (shown in the report and the API). */
  counting: string;
  /** Counted from the platform's events, submitted by the units that know it, or both. */
  sources: readonly IndicatorSource[];
  aggregate: IndicatorAggregate;
  section: ReportSection;
  /** `ratio`: 100 × the sum of `numerator` over the sum of `denominator` (two hidden fact codes). */
  ratio?: { numerator: string; denominator: string };
}

const events = ['events'] as const;
const submissions = ['submissions'] as const;
const both = ['events', 'submissions'] as const;

export const INDICATORS: readonly Indicator[] = [
  { code: 'businesses.registered', section: 'enterprises', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Doanh nghiệp đăng ký vào danh bạ', titleEn: 'Businesses registered in the directory', counting: 'Businesses whose registration (business.registered) falls in the period, by their address and main industry.' },
  { code: 'businesses.approved', section: 'enterprises', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Doanh nghiệp được duyệt', titleEn: 'Businesses approved', counting: 'Businesses approved by staff (business.approved) in the period.' },
  { code: 'products.listed', section: 'enterprises', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Sản phẩm được niêm yết', titleEn: 'Products listed', counting: 'Products listed (product.listed) in the period and still listed: a withdrawn product no longer counts.' },
  { code: 'certificates.issued', section: 'certification', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Giấy chứng nhận được cấp (còn hiệu lực)', titleEn: 'Certificates issued (not revoked)', counting: 'Certificates issued in the period (certificate.issued) by scheme and stars, less those revoked since: a revocation moves the figure back.' },
  { code: 'certificates.expired', section: 'certification', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Giấy chứng nhận hết hiệu lực', titleEn: 'Certificates expired', counting: 'Certificates that reached the end of their validity (certificate.expired) in the period.' },
  { code: 'certificates.revoked', section: 'certification', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Giấy chứng nhận bị thu hồi', titleEn: 'Certificates revoked', counting: 'Certificates revoked (certificate.revoked) in the period.' },
  { code: 'fairs.held', section: 'fairs', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Hội chợ, triển lãm đã tổ chức', titleEn: 'Fairs and exhibitions held', counting: 'Trade fairs and exhibitions that opened (RUNNING or CLOSED, not cancelled), by opening day and the venue\'s province.' },
  { code: 'fairs.market_sessions', section: 'fairs', unit: 'count', aggregate: 'sum', sources: both, titleVi: 'Phiên chợ hàng Việt đã tổ chức', titleEn: 'Vietnamese-goods market sessions held', counting: 'Market sessions run on the platform that opened, plus sessions units submit.' },
  { code: 'booths.allocated', section: 'fairs', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Gian hàng đã bố trí', titleEn: 'Booths allocated', counting: 'Booths held by allocated applications (allocated or confirmed offers, not withdrawn or cancelled), by the fair\'s opening day and province.' },
  { code: 'fairs.participants', section: 'fairs', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Lượt doanh nghiệp tham gia', titleEn: 'Business participations', counting: 'Allocated applications: one per business and fair.' },
  { code: 'fairs.local_share', section: 'fairs', unit: 'percent', aggregate: 'ratio', sources: events, ratio: { numerator: 'fairs.participants.local', denominator: 'fairs.participants' }, titleVi: 'Tỷ lệ doanh nghiệp trong tỉnh tham gia', titleEn: 'Share of local participants', counting: '100 × participations of businesses whose address is in the fair\'s province, over all participations.' },
  { code: 'support.vnd', section: 'fairs', unit: 'vnd', aggregate: 'sum', sources: events, titleVi: 'Kinh phí hỗ trợ gian hàng', titleEn: 'Booth support granted', counting: 'Support (VND) granted to allocated applications from the fairs\' funding policies.' },
  { code: 'fairs.visitors', section: 'fairs', unit: 'count', aggregate: 'sum', sources: both, titleVi: 'Lượt khách tham quan', titleEn: 'Visitors', counting: 'Visitors in the closing reports of the platform\'s fairs, plus visitors units submit for events the platform does not run.' },
  { code: 'fairs.revenue_vnd', section: 'fairs', unit: 'vnd', aggregate: 'sum', sources: both, titleVi: 'Doanh thu bán hàng tại hội chợ, phiên chợ', titleEn: 'Sales at fairs and market sessions', counting: 'Sales in the closing reports of the platform\'s fairs, plus sales units submit.' },
  { code: 'reports.received', section: 'market', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Phản ánh hàng giả, gian lận nhận được', titleEn: 'Counterfeit reports received', counting: 'Public reports received (report.received) in the period, by the place reported.' },
  { code: 'reports.forwarded', section: 'market', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Phản ánh chuyển cơ quan chức năng', titleEn: 'Reports forwarded', counting: 'Reports forwarded to a partner such as market surveillance (report.forwarded) in the period.' },
  { code: 'reports.closed', section: 'market', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Phản ánh đã xử lý xong', titleEn: 'Reports closed', counting: 'Reports closed with a resolution (report.closed) in the period.' },
  { code: 'inspections.count', section: 'market', unit: 'count', aggregate: 'sum', sources: submissions, titleVi: 'Cuộc kiểm tra thị trường', titleEn: 'Market inspections', counting: 'Inspections submitted by market surveillance and the wards, as approved by the centre.' },
  { code: 'violations.count', section: 'market', unit: 'count', aggregate: 'sum', sources: submissions, titleVi: 'Vụ vi phạm đã xử lý', titleEn: 'Violations handled', counting: 'Violations handled, as submitted and approved.' },
  { code: 'fines.vnd', section: 'market', unit: 'vnd', aggregate: 'sum', sources: submissions, titleVi: 'Tiền phạt', titleEn: 'Fines', counting: 'Fines imposed (VND), as submitted and approved.' },
  { code: 'contracts.signed', section: 'connection', unit: 'count', aggregate: 'sum', sources: events, titleVi: 'Hợp đồng ký kết', titleEn: 'Contracts signed', counting: 'Contracts (not MOUs) recorded by buyer–supplier connection (sourcing outcomes) and in fairs\' closing reports, by signing day and the supplier\'s province.' },
  { code: 'contracts.value_vnd', section: 'connection', unit: 'vnd', aggregate: 'sum', sources: events, titleVi: 'Giá trị hợp đồng ký kết', titleEn: 'Value of contracts signed', counting: 'The value (VND) of the contracts counted by contracts.signed.' },
  { code: 'survey.prefer_vietnamese_pct', section: 'consumers', unit: 'percent', aggregate: 'mean', sources: submissions, titleVi: 'Tỷ lệ người tiêu dùng ưu tiên hàng Việt', titleEn: 'Consumers preferring Vietnamese goods', counting: 'The mean of the approved survey results submitted for the period and place.' },
  { code: 'outlets.count', section: 'consumers', unit: 'count', aggregate: 'sum', sources: submissions, titleVi: 'Điểm bán hàng Việt', titleEn: 'Vietnamese-goods outlets', counting: 'Outlets opened, as submitted and approved.' },
  { code: 'propaganda.events', section: 'consumers', unit: 'count', aggregate: 'sum', sources: submissions, titleVi: 'Hoạt động tuyên truyền', titleEn: 'Propaganda activities', counting: 'Propaganda activities (conferences, broadcasts, banners) submitted and approved.' },
];

/** Fact codes no figure shows directly (a ratio's parts). */
export const HIDDEN_FACT_CODES: readonly string[] = ['fairs.participants.local'];

/** Each report section's title, and its sheet's name in the workbook (at most 31 characters, Excel's limit). */
export const SECTION_TITLES: Record<ReportSection, { vi: string; en: string; sheet: string }> = {
  enterprises: { vi: 'Doanh nghiệp và sản phẩm', en: 'Enterprises and products', sheet: 'Doanh nghiệp, sản phẩm' },
  certification: { vi: 'Chứng nhận sản phẩm', en: 'Product certification', sheet: 'Chứng nhận' },
  fairs: { vi: 'Hội chợ, phiên chợ hàng Việt', en: 'Fairs and market sessions', sheet: 'Hội chợ, phiên chợ' },
  market: { vi: 'Quản lý thị trường, bảo vệ người tiêu dùng', en: 'Market surveillance and consumer protection', sheet: 'Quản lý thị trường' },
  connection: { vi: 'Kết nối cung cầu', en: 'Supply–demand connection', sheet: 'Kết nối cung cầu' },
  consumers: { vi: 'Tuyên truyền và người tiêu dùng', en: 'Propaganda and consumers', sheet: 'Tuyên truyền, người tiêu dùng' },
};

const byCode = new Map(INDICATORS.map((i) => [i.code, i]));

export function indicator(code: string): Indicator | undefined {
  return byCode.get(code);
}

export const INDICATOR_CODES: readonly string[] = INDICATORS.map((i) => i.code);
export const SUBMITTABLE_CODES: readonly string[] = INDICATORS.filter((i) => i.sources.includes('submissions')).map((i) => i.code);
/** Every code a fact may carry: each figure's own (a ratio has none of its own) and the hidden ones. */
export const FACT_CODES: readonly string[] = [...INDICATORS.filter((i) => i.aggregate !== 'ratio').map((i) => i.code), ...HIDDEN_FACT_CODES];
