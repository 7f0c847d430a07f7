// The closing report as an XLSX workbook (exceljs): a summary sheet with the figures campaign results
// counts, then one sheet per list (booth sales, contracts and MOUs, product shortfalls, commendations).
import ExcelJS from 'exceljs';
import type { ClosingReportView } from '../application/get-closing-report';
import { AGREEMENT_VI, SHORTFALL_VI, viDay } from './closing-report-labels';

const VND = '#,##0 "₫"';

export async function renderClosingReportXlsx({ fair, report, totals, businessNames }: ClosingReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hangviet';
  wb.created = report.fileTime ?? new Date(0);
  const name = (id: string) => businessNames[id] ?? id;

  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [{ header: 'Chỉ tiêu', key: 'what', width: 48 }, { header: 'Giá trị', key: 'value', width: 24 }];
  summary.addRows([
    { what: 'Hội chợ', value: fair.name },
    { what: 'Địa điểm', value: fair.venueName },
    { what: 'Thời gian', value: `${viDay(fair.days.openingDay)} – ${viDay(fair.days.closingDay)}` },
    { what: 'Lượt khách tham quan', value: report.visitors },
    { what: 'Doanh thu bán hàng (VNĐ)', value: report.salesRevenueVnd },
    { what: 'Số hợp đồng ký kết', value: totals.contracts },
    { what: 'Giá trị hợp đồng (VNĐ)', value: totals.contractsValueVnd },
    { what: 'Số biên bản ghi nhớ (MOU)', value: totals.mous },
    { what: 'Giá trị MOU (VNĐ)', value: totals.mousValueVnd },
    ...Object.entries(totals.shortfalls).map(([kind, count]) => ({ what: `Sản phẩm ${SHORTFALL_VI[kind as keyof typeof SHORTFALL_VI].toLowerCase()}`, value: count })),
    { what: 'Khen thưởng', value: totals.commendations },
  ]);
  for (const row of [6, 8, 10]) summary.getCell(`B${row}`).numFmt = VND;
  summary.getRow(1).font = { bold: true };

  const sheet = (title: string, columns: { header: string; key: string; width: number; money?: boolean }[], rows: Record<string, unknown>[]) => {
    const ws = wb.addWorksheet(title);
    ws.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
    ws.addRows(rows);
    ws.getRow(1).font = { bold: true };
    for (const c of columns) if (c.money) ws.getColumn(c.key).numFmt = VND;
  };
  sheet('Doanh thu gian hàng', [{ header: 'Gian hàng', key: 'booth', width: 12 }, { header: 'Doanh nghiệp', key: 'business', width: 40 }, { header: 'Doanh thu (VNĐ)', key: 'revenue', width: 20, money: true }],
    report.boothSales.map((b) => ({ booth: b.boothCode, business: name(b.businessId), revenue: b.revenueVnd })));
  sheet('Hợp đồng, MOU', [{ header: 'Loại', key: 'kind', width: 24 }, { header: 'Bên bán', key: 'seller', width: 40 }, { header: 'Bên mua', key: 'buyer', width: 32 }, { header: 'Giá trị (VNĐ)', key: 'value', width: 20, money: true }, { header: 'Ghi chú', key: 'note', width: 30 }],
    report.agreements.map((a) => ({ kind: AGREEMENT_VI[a.kind], seller: name(a.sellerBusinessId), buyer: a.buyerName, value: a.valueVnd, note: a.note ?? '' })));
  sheet('Sản phẩm chưa đạt', [{ header: 'Thiếu sót', key: 'kind', width: 40 }, { header: 'Doanh nghiệp', key: 'business', width: 40 }, { header: 'Sản phẩm', key: 'product', width: 30 }, { header: 'Gian hàng', key: 'booth', width: 12 }],
    report.shortfalls.map((s) => ({ kind: SHORTFALL_VI[s.kind], business: name(s.businessId), product: s.productName, booth: s.boothCode ?? '' })));
  sheet('Khen thưởng', [{ header: 'Doanh nghiệp', key: 'business', width: 40 }, { header: 'Danh hiệu', key: 'title', width: 40 }],
    report.commendations.map((c) => ({ business: c.businessName, title: c.title })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
