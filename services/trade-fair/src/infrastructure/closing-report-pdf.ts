// The closing report as a PDF: A4, Vietnamese with its diacritics (DejaVu Sans embedded from the
// dejavu-fonts-ttf package, as certification's certificate does), the figures, then each list.
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ClosingReportView } from '../application/get-closing-report';
import { AGREEMENT_VI, SHORTFALL_VI, vnd, viDay } from './closing-report-labels';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export async function renderClosingReportPdf({ fair, report, totals, businessNames }: ClosingReportView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Báo cáo kết quả ${fair.name}`, Author: 'hangviet' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const name = (id: string) => businessNames[id] ?? id;

  doc.font('bold').fontSize(16).text('BÁO CÁO KẾT QUẢ HỘI CHỢ', { align: 'center' });
  doc.font('regular').fontSize(12).text(fair.name, { align: 'center' });
  doc.fontSize(10).text(`${fair.venueName}, từ ${viDay(fair.days.openingDay)} đến ${viDay(fair.days.closingDay)}`, { align: 'center' });
  doc.moveDown(1.2);

  const row = (label: string, value: string) => {
    doc.font('regular').fontSize(11).text(`${label}: `, { continued: true }).font('bold').text(value);
  };
  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(12).text(text);
    doc.moveDown(0.2);
  };
  const line = (text: string) => doc.font('regular').fontSize(10).text(`• ${text}`, { indent: 10 });

  heading('1. Số liệu chung');
  row('Lượt khách tham quan', report.visitors.toLocaleString('vi-VN'));
  row('Doanh thu bán hàng', vnd(report.salesRevenueVnd));
  row('Hợp đồng ký kết', `${totals.contracts} (${vnd(totals.contractsValueVnd)})`);
  row('Biên bản ghi nhớ (MOU)', `${totals.mous} (${vnd(totals.mousValueVnd)})`);

  heading('2. Doanh thu theo gian hàng');
  if (report.boothSales.length === 0) line('Không ghi nhận theo gian hàng.');
  for (const b of report.boothSales) line(`${b.boothCode} — ${name(b.businessId)}: ${vnd(b.revenueVnd)}`);

  heading('3. Hợp đồng và biên bản ghi nhớ');
  if (report.agreements.length === 0) line('Không có.');
  for (const a of report.agreements) line(`${AGREEMENT_VI[a.kind]}: ${name(a.sellerBusinessId)} — ${a.buyerName}, ${vnd(a.valueVnd)}${a.note ? ` (${a.note})` : ''}`);

  heading('4. Sản phẩm chưa đạt yêu cầu');
  if (report.shortfalls.length === 0) line('Không phát hiện.');
  for (const s of report.shortfalls) line(`${SHORTFALL_VI[s.kind]}: ${s.productName} — ${name(s.businessId)}${s.boothCode ? `, gian ${s.boothCode}` : ''}`);

  heading('5. Khen thưởng');
  if (report.commendations.length === 0) line('Không có.');
  for (const c of report.commendations) line(`${c.businessName}: ${c.title}`);

  if (report.fileTime) {
    doc.moveDown(1.5).font('regular').fontSize(9).fillColor('#555').text(`Lập ngày ${viDay(new Date(report.fileTime.getTime() + 7 * 3600_000).toISOString().slice(0, 10))}`, { align: 'right' });
  }
  doc.end();
  return done;
}
