// Export to XLSX with exceljs in the browser (loaded only when staff export): the applications and the allocation.
import type { AllocationOutcome, BoothApplication } from '../types';
import { explain } from './explain';

export async function downloadXlsx(fileName: string, applications: readonly BoothApplication[], allocation?: AllocationOutcome): Promise<void> {
  const { Workbook } = await import('exceljs');
  const book = new Workbook();
  const apps = book.addWorksheet('Hồ sơ');
  apps.columns = [
    { header: 'Mã hồ sơ', key: 'id', width: 38 },
    { header: 'Doanh nghiệp', key: 'business', width: 36 },
    { header: 'Trạng thái', key: 'status', width: 14 },
    { header: 'Số gian', key: 'wanted', width: 9 },
    { header: 'Khu ưu tiên', key: 'zone', width: 11 },
    { header: 'Gian góc', key: 'corner', width: 9 },
    { header: 'Gian được phân', key: 'booths', width: 16 },
    { header: 'Thứ tự chờ', key: 'waitlist', width: 11 },
    { header: 'Hạn xác nhận (UTC)', key: 'deadline', width: 22 },
    { header: 'Hỗ trợ (₫)', key: 'support', width: 14 },
    { header: 'Nộp lúc (UTC)', key: 'submitted', width: 22 },
  ];
  apps.getRow(1).font = { bold: true };
  for (const a of applications) {
    apps.addRow({
      id: a.id, business: a.businessName, status: a.status, wanted: a.boothsWanted, zone: a.preferredZone ?? '', corner: a.wantsCorner ? 'có' : '',
      booths: a.booths.join(', '), waitlist: a.waitlistPosition ?? '', deadline: a.offerDeadline ?? '', support: a.support?.amountVnd ?? '', submitted: a.submitTime,
    });
  }
  if (allocation) {
    const byId = new Map(applications.map((a) => [a.id, a]));
    const run = book.addWorksheet('Phân bổ');
    run.columns = [
      { header: 'Hạng', key: 'rank', width: 7 },
      { header: 'Doanh nghiệp', key: 'business', width: 36 },
      { header: 'Điểm SP chứng nhận', key: 'certified', width: 18 },
      { header: 'Điểm DN địa phương', key: 'local', width: 18 },
      { header: 'Điểm lần đầu', key: 'first', width: 13 },
      { header: 'Kết quả', key: 'outcome', width: 12 },
      { header: 'Gian', key: 'booths', width: 16 },
      { header: 'Thứ tự chờ', key: 'waitlist', width: 11 },
      { header: 'Giải thích', key: 'message', width: 80 },
    ];
    run.getRow(1).font = { bold: true };
    for (const r of [...allocation.results].sort((a, b) => a.explanation.rank - b.explanation.rank)) {
      const e = r.explanation;
      run.addRow({
        rank: e.rank, business: byId.get(r.applicationId)?.businessName ?? r.businessId, certified: e.scores.certifiedProducts, local: e.scores.localEnterprise, first: e.scores.firstParticipation,
        outcome: e.outcome, booths: e.booths.map((b) => b.code).join(', '), waitlist: e.waitlistPosition ?? '', message: explain(e, 'vi', byId.get(r.applicationId)?.boothsWanted),
      });
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
