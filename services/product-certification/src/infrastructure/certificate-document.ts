// The printable certificate: A4, Vietnamese with its diacritics (DejaVu Sans embedded, from the
// dejavu-fonts-ttf package; its licence travels with the package), the QR code drawn as vector modules,
// and the decision it was issued by.
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateState } from '../domain/certificate';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const SCHEME_TITLE: Record<CertificateState['scheme'], string> = {
  OCOP: 'Giấy chứng nhận sản phẩm OCOP',
  VIETGAP: 'Giấy chứng nhận VietGAP',
  HVNCLC: 'Giấy chứng nhận Hàng Việt Nam chất lượng cao',
};
const STATUS_VI: Record<CertificateState['status'], string> = {
  VALID: 'Còn hiệu lực',
  EXPIRING: 'Còn hiệu lực (sắp hết hạn)',
  EXPIRED: 'Hết hiệu lực',
  SUSPENDED: 'Tạm đình chỉ',
  REVOKED: 'Đã thu hồi',
};

const day = (d: Date): string => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

export async function renderCertificatePdf(cert: Readonly<CertificateState>, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${SCHEME_TITLE[cert.scheme]} ${cert.number}`, Author: 'hangviet' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const width = doc.page.width - 112;

  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('regular').fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.moveDown(2);
  doc.font('bold').fontSize(22).fillColor('#a31515').text(SCHEME_TITLE[cert.scheme], { align: 'center', width });
  if (cert.stars > 0) doc.moveDown(0.3).fontSize(28).text('★'.repeat(cert.stars), { align: 'center' });
  doc.fillColor('black').moveDown(1.5);

  const row = (label: string, value: string) => {
    doc.font('regular').fontSize(12).text(`${label}: `, { continued: true }).font('bold').text(value);
    doc.moveDown(0.4);
  };
  row('Số giấy chứng nhận', cert.number);
  if (cert.productName) row('Sản phẩm', cert.productName);
  row('Chủ thể', cert.businessName);
  if (cert.stars > 0) row('Hạng', `${cert.stars} sao`);
  row('Quyết định', `Số ${cert.decisionNumber} ngày ${day(cert.decisionDate)}`);
  row('Cơ quan cấp', cert.issuer);
  row('Hiệu lực', `Từ ngày ${day(cert.validFrom)} đến ngày ${day(cert.validUntil)}`);
  row('Tình trạng khi in', STATUS_VI[cert.status]);

  // The QR code as filled squares: sharp at any zoom, no image decoder needed.
  const qr = QRCode.create(verifyUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const box = 150;
  const cell = box / size;
  const x0 = (doc.page.width - box) / 2;
  const y0 = doc.y + 20;
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell);
  doc.fill('black');
  doc.y = y0 + box + 12;
  doc.font('regular').fontSize(10).text('Quét mã để kiểm tra giấy chứng nhận còn hiệu lực (Scan to verify this certificate).', 56, doc.y, { align: 'center', width });
  doc.end();
  return done;
}

/** The QR code of a verification URL as SVG. */
export function qrSvg(verifyUrl: string): Promise<string> {
  return QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
