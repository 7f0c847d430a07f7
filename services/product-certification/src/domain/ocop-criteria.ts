// The OCOP score sheet's criteria catalogue, as data. Source: Decision 148/QĐ-TTg of 24 February 2023
// (Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP), Appendix I, as applied by the provincial councils
// after Decision 1489/QĐ-TTg of 6 July 2025. The appendix weights criteria differently per product group;
// this catalogue holds the common structure (the three parts and their criteria with maxima) that every
// group's sheet shares. Part maxima are fixed by the decision: A 40, B 25, C 35 (total 100).
export type OcopPart = 'A' | 'B' | 'C';

export interface OcopCriterion {
  code: string;
  part: OcopPart;
  title: { vi: string; en: string };
  max: number;
}

export const OCOP_CRITERIA_SOURCE = 'Quyết định 148/QĐ-TTg ngày 24/02/2023, Phụ lục I; sửa đổi theo Quyết định 1489/QĐ-TTg ngày 06/07/2025';

export const PART_MAXIMA: Readonly<Record<OcopPart, number>> = { A: 40, B: 25, C: 35 };

export const PART_TITLES: Readonly<Record<OcopPart, { vi: string; en: string }>> = {
  A: { vi: 'Phần A: Sản xuất và phát triển cộng đồng', en: 'Part A: Production and community development' },
  B: { vi: 'Phần B: Tiếp thị', en: 'Part B: Marketing' },
  C: { vi: 'Phần C: Chất lượng sản phẩm', en: 'Part C: Product quality' },
};

export const OCOP_CRITERIA: readonly OcopCriterion[] = [
  { code: 'A1', part: 'A', title: { vi: 'Nguồn nguyên liệu', en: 'Raw material source' }, max: 5 },
  { code: 'A2', part: 'A', title: { vi: 'Sử dụng lao động địa phương', en: 'Local labour' }, max: 3 },
  { code: 'A3', part: 'A', title: { vi: 'Liên kết sản xuất', en: 'Production linkage' }, max: 5 },
  { code: 'A4', part: 'A', title: { vi: 'Bảo vệ môi trường trong sản xuất', en: 'Environmental protection' }, max: 5 },
  { code: 'A5', part: 'A', title: { vi: 'Tổ chức sản xuất và quản trị', en: 'Organisation and management' }, max: 7 },
  { code: 'A6', part: 'A', title: { vi: 'Tổ chức kinh doanh', en: 'Business organisation' }, max: 5 },
  { code: 'A7', part: 'A', title: { vi: 'Loại hình tổ chức và sự tham gia của cộng đồng', en: 'Organisation type and community participation' }, max: 5 },
  { code: 'A8', part: 'A', title: { vi: 'Tính sáng tạo, nguồn gốc ý tưởng sản phẩm', en: 'Innovation and origin of the product idea' }, max: 5 },
  { code: 'B1', part: 'B', title: { vi: 'Bao bì và ghi nhãn', en: 'Packaging and labelling' }, max: 5 },
  { code: 'B2', part: 'B', title: { vi: 'Quảng bá sản phẩm', en: 'Promotion' }, max: 5 },
  { code: 'B3', part: 'B', title: { vi: 'Kênh phân phối và quy mô thị trường', en: 'Distribution channels and market size' }, max: 8 },
  { code: 'B4', part: 'B', title: { vi: 'Câu chuyện sản phẩm', en: 'Product story' }, max: 4 },
  { code: 'B5', part: 'B', title: { vi: 'Sở hữu trí tuệ', en: 'Intellectual property' }, max: 3 },
  { code: 'C1', part: 'C', title: { vi: 'Chất lượng cảm quan', en: 'Sensory quality' }, max: 10 },
  { code: 'C2', part: 'C', title: { vi: 'Tiêu chuẩn và công bố chất lượng', en: 'Standards and quality declaration' }, max: 8 },
  { code: 'C3', part: 'C', title: { vi: 'An toàn thực phẩm và truy xuất nguồn gốc', en: 'Food safety and traceability' }, max: 10 },
  { code: 'C4', part: 'C', title: { vi: 'Tiềm năng thị trường và xuất khẩu', en: 'Market and export potential' }, max: 7 },
];

export const criterionByCode: ReadonlyMap<string, OcopCriterion> = new Map(OCOP_CRITERIA.map((c) => [c.code, c]));
