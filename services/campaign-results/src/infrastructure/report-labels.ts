// Vietnamese labels of the report's units and filters, shared by the XLSX and PDF renderers.
import type { FigureFilter } from '../application/ports';
import type { IndicatorUnit } from '../domain/indicators';

export const UNIT_VI: Record<IndicatorUnit, string> = { count: 'số', vnd: 'VNĐ', percent: '%' };

export function formatValue(value: number, unit: IndicatorUnit): string {
  const text = value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return unit === 'vnd' ? `${text} ₫` : unit === 'percent' ? `${text}%` : text;
}

export function filterText(filter: FigureFilter): string {
  const parts = [`năm ${filter.year}`];
  if (filter.quarter) parts.push(`quý ${filter.quarter}`);
  if (filter.provinceCode) parts.push(`tỉnh ${filter.provinceCode}`);
  if (filter.wardCode) parts.push(`xã/phường ${filter.wardCode}`);
  if (filter.industrySection) parts.push(`ngành ${filter.industrySection}`);
  if (filter.scheme) parts.push(`chứng nhận ${filter.scheme}`);
  return parts.join(', ');
}
