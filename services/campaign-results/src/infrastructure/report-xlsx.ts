// The yearly report as an XLSX workbook (exceljs, as trade-fair's closing report): a summary sheet with every
// figure beside the year before, then one sheet per section listing the records behind each figure (their ids
// and links), so every number leads to what it counts.
import ExcelJS from 'exceljs';
import type { CampaignReport } from '../application/build-report';
import { recordLink } from '../domain/record-links';
import { filterText, UNIT_VI } from './report-labels';

const NUMBER = '#,##0.##';

export async function renderReportXlsx(report: CampaignReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hangviet';
  wb.created = report.generatedAt;

  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Mã chỉ tiêu', key: 'code', width: 30 },
    { header: 'Chỉ tiêu', key: 'title', width: 48 },
    { header: 'Đơn vị', key: 'unit', width: 10 },
    { header: `Năm ${report.filter.year}`, key: 'value', width: 16 },
    { header: `Năm ${report.filter.year - 1}`, key: 'previous', width: 16 },
    { header: 'Tăng/giảm', key: 'change', width: 14 },
    { header: 'Số bản ghi', key: 'records', width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const section of report.sections) {
    const heading = summary.addRow({ code: section.titleVi });
    heading.font = { bold: true };
    for (const f of section.figures) summary.addRow({ code: f.code, title: f.titleVi, unit: UNIT_VI[f.unit], value: f.value, previous: f.previousYearValue, change: f.change, records: f.records });
  }
  for (const key of ['value', 'previous', 'change']) summary.getColumn(key).numFmt = NUMBER;
  summary.addRow({});
  summary.addRow({ code: 'Bộ lọc', title: filterText(report.filter) });

  for (const section of report.sections) {
    const ws = wb.addWorksheet(section.sheet);
    ws.columns = [
      { header: 'Mã chỉ tiêu', key: 'code', width: 28 },
      { header: 'Loại bản ghi', key: 'kind', width: 18 },
      { header: 'Mã bản ghi', key: 'id', width: 40 },
      { header: 'Tên', key: 'label', width: 44 },
      { header: 'Ngày', key: 'day', width: 12 },
      { header: 'Tỉnh', key: 'province', width: 8 },
      { header: 'Xã/phường', key: 'ward', width: 10 },
      { header: 'Ngành', key: 'section', width: 8 },
      { header: 'Giá trị', key: 'value', width: 16 },
      { header: 'Liên kết', key: 'link', width: 48 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const f of section.figures) {
      for (const r of report.records[f.code] ?? []) {
        ws.addRow({ code: f.code, kind: r.kind, id: r.sourceId, label: r.label, day: r.day || `${r.year}${r.quarter ? ` Q${r.quarter}` : ''}`, province: r.provinceCode, ward: r.wardCode, section: r.industrySection, value: r.value, link: recordLink(r) });
      }
      if (report.truncated.includes(f.code)) ws.addRow({ code: f.code, label: `… (chỉ liệt kê ${(report.records[f.code] ?? []).length} bản ghi đầu)` });
    }
    ws.getColumn('value').numFmt = NUMBER;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
