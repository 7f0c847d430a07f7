// The yearly report as a PDF: A4, Vietnamese with its diacritics (DejaVu Sans from the dejavu-fonts-ttf
// package, as trade-fair's closing report and certification's certificate), each section's figures in a
// table beside the year before, and a bar chart per section comparing the two years (drawn with pdfkit's
// rectangles: each figure scaled to its own larger value, since counts and amounts in VND share no axis).
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { CampaignReport } from '../application/build-report';
import { filterText, formatValue } from './report-labels';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const NOW_COLOUR = '#c0392b';
const BEFORE_COLOUR = '#95a5a6';

export async function renderReportPdf(report: CampaignReport): Promise<Buffer> {
  const year = report.filter.year;
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Kết quả thực hiện Cuộc vận động năm ${year}`, Author: 'hangviet' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font('bold').fontSize(15).text('BÁO CÁO KẾT QUẢ THỰC HIỆN CUỘC VẬN ĐỘNG', { align: 'center' });
  doc.font('bold').fontSize(12).text('“Người Việt Nam ưu tiên dùng hàng Việt Nam”', { align: 'center' });
  doc.font('regular').fontSize(10).text(`Năm ${year} (so sánh với năm ${year - 1}); ${filterText(report.filter)}`, { align: 'center' });
  doc.moveDown(1);

  report.sections.forEach((section, n) => {
    room(60);
    doc.font('bold').fontSize(12).fillColor('black').text(`${n + 1}. ${section.titleVi}`, left);
    doc.moveDown(0.3);
    // The table: indicator, this year, the year before, change.
    const cols = [width * 0.5, width * 0.17, width * 0.17, width * 0.16];
    const row = (cells: string[], bold = false) => {
      room(18);
      const y = doc.y;
      let x = left;
      doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 4 }));
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y, { width: cols[i]! - 4, align: i === 0 ? 'left' : 'right' });
        x += cols[i]!;
      });
      doc.y = y + Math.max(...heights) + 3;
      doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.3).strokeColor('#cccccc').stroke();
    };
    row(['Chỉ tiêu', `Năm ${year}`, `Năm ${year - 1}`, 'Tăng/giảm'], true);
    for (const f of section.figures) {
      row([f.titleVi, formatValue(f.value, f.unit), formatValue(f.previousYearValue, f.unit), `${f.change > 0 ? '+' : ''}${formatValue(f.change, f.unit)}`]);
    }
    doc.moveDown(0.4);

    // The chart: one pair of bars per figure, this year over the year before.
    const barH = 6;
    const labelW = width * 0.42;
    const barW = width - labelW - 70;
    room(section.figures.length * (2 * barH + 8) + 20);
    for (const f of section.figures) {
      const max = Math.max(f.value, f.previousYearValue, 1e-9);
      const y = doc.y;
      doc.font('regular').fontSize(7).fillColor('black').text(f.titleVi, left, y, { width: labelW - 6, height: 2 * barH + 2, ellipsis: true });
      const x = left + labelW;
      doc.rect(x, y, (barW * f.value) / max || 0.5, barH).fill(NOW_COLOUR);
      doc.rect(x, y + barH + 1, (barW * f.previousYearValue) / max || 0.5, barH).fill(BEFORE_COLOUR);
      doc.fillColor('black').fontSize(6.5).text(formatValue(f.value, f.unit), x + barW + 4, y - 1, { width: 66 });
      doc.fillColor('#555555').text(formatValue(f.previousYearValue, f.unit), x + barW + 4, y + barH, { width: 66 });
      doc.y = y + 2 * barH + 8;
    }
    doc.fillColor('black');
    doc.moveDown(0.8);
  });

  room(40);
  doc.font('regular').fontSize(8).fillColor(NOW_COLOUR).text(`■ năm ${year}`, left, doc.y, { continued: true }).fillColor(BEFORE_COLOUR).text(`   ■ năm ${year - 1}`);
  doc.fillColor('#555555').fontSize(8).text(`Số liệu đếm từ sự kiện của nền tảng và số liệu đơn vị báo cáo đã được duyệt; danh sách bản ghi trong tệp Excel cùng kỳ. Lập lúc ${new Date(report.generatedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (giờ Việt Nam).`, left);
  doc.end();
  return done;
}
