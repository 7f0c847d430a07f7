// Vietnamese labels of the closing report, shared by its XLSX and PDF exports.
import type { AgreementKind, ShortfallKind } from '../domain/closing-report';

export const AGREEMENT_VI: Record<AgreementKind, string> = { CONTRACT: 'Hợp đồng', MOU: 'Biên bản ghi nhớ (MOU)' };
export const SHORTFALL_VI: Record<ShortfallKind, string> = {
  MISSING_LABEL: 'Thiếu nhãn hàng hoá',
  MISSING_BARCODE: 'Thiếu mã vạch',
  MISSING_FOOD_SAFETY_CERTIFICATE: 'Thiếu giấy chứng nhận an toàn thực phẩm',
};
export const vnd = (n: number): string => `${n.toLocaleString('vi-VN')} ₫`;
/** YYYY-MM-DD → DD/MM/YYYY. */
export const viDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
