// Done when (issue 23, items 3, 4, 6 and 7) against the real Kafka and database, with the service's clock
// moved by the test: a published fair is reminded the day before set-up, runs from its opening day and
// closes after its closing day, each when the Vietnam calendar (UTC+7) crosses midnight and not before;
// venue days claimed for a fair never written are released by the sweeper; the closing report is
// published with its figures and exported; "keep competitors apart" in an allocation through the API.
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { bearer, eventually } from '@hangviet/service-testing';
import { apply, createVenue, fairBody, fairDays, knownBusinesses, openFair, staffToken, startTradeFair, type Harness, type TestBusiness } from './support/fixtures';

let h: Harness;
let staff: string;
let venueId: string;
let fairId: string;
let days: ReturnType<typeof fairDays> & { setUpTime: string };
let businesses: TestBusiness[];

/** The instant of a Vietnam-local day and clock time (UTC+7, no daylight saving). */
const vietnam = (day: string, clock: string) => new Date(`${day}T${clock}+07:00`);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** Sets the service's clock to `at` (it then runs on with real time). */
const setClock = (at: Date) => {
  h.clock.offsetMs = at.getTime() - Date.now();
};
const fairStatus = async () => (await h.http.get(`/v1/fairs/${fairId}`)).body.status as string;
const jobRuns = async (name: string) => ((await h.service.host.db.collection<{ _id: string; runs: number }>('job_leases').findOne({ _id: name }))?.runs ?? 0);

/** Waits for a run of the calendar job that started after now, while the clock is still before `midnight`. */
async function aRunBefore(midnight: Date): Promise<void> {
  const before = await jobRuns('fair-calendar');
  await eventually(async () => { const n = await jobRuns('fair-calendar'); return (n >= before + 2) && n; }, 'n >= before + 2'); // +2: one that started after the clock moved
  expect(h.clock.now().getTime()).toBeLessThan(midnight.getTime());
}

beforeAll(async () => {
  h = await startTradeFair('tradefair_life', { FAIR_CALENDAR_EVERY: '1s', DAY_CLAIM_SWEEP_EVERY: '1s', DAY_CLAIM_GRACE_MS: '60000' });
  await h.listen('hangviet.tradefair.fair');
  await h.listen('hangviet.tradefair.booth_application');
  staff = await staffToken(h);
  venueId = (await createVenue(h, 1, 3)).id;
  days = { ...fairDays(), setUpTime: '06:30' };
  fairId = (await openFair(h, venueId, { days })).id;
  businesses = await knownBusinesses(h, 3);
  for (const b of businesses) expect((await apply(h, fairId, b)).status).toBe(201);
  expect((await h.http.post(`/v1/fairs/${fairId}:allocate`).set(bearer(staff)).send({})).status).toBe(200);
  expect((await h.http.post(`/v1/fairs/${fairId}:publish`).set(bearer(staff)).send()).status).toBe(200);
}, 300_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

describe('a fair by the Vietnam calendar', () => {
  it('reminds the allocated the day before set-up, with booth, set-up day and time; not on the day before that', async () => {
    const midnight = vietnam(dayBefore(days.setUpDay), '00:00');
    setClock(new Date(midnight.getTime() - 8000));
    await aRunBefore(midnight);
    expect(h.received.filter((e) => e.type.endsWith('.set_up_reminded.v1'))).toHaveLength(0);

    const reminded = await eventually(async () => { const l = await h.received.filter((e) => e.type.endsWith('.set_up_reminded.v1')); return (l.length >= 3) && l; }, 'l.length >= 3');
    const allocated = (await h.http.get(`/v1/fairs/${fairId}/applications`).set(bearer(staff))).body.items.filter((a: { status: string }) => a.status === 'ALLOCATED');
    expect(reminded.map((e) => e.subject).sort()).toEqual(allocated.map((a: { id: string }) => a.id).sort());
    expect(reminded[0]!.data).toMatchObject({ application: { setUpDay: days.setUpDay, setUpTime: '06:30', status: 'BOOTH_APPLICATION_STATUS_ALLOCATED' } });
    expect((reminded[0]!.data as { application: { boothCodes: string[] } }).application.boothCodes).toHaveLength(1);
    // Once each: later runs of the job send no more.
    await aRunBefore(new Date(midnight.getTime() + 86_400_000));
    expect(h.received.filter((e) => e.type.endsWith('.set_up_reminded.v1'))).toHaveLength(3);
  }, 120_000);

  it('PUBLISHED → RUNNING when the opening day starts in Vietnam, not at 23:59 the day before', async () => {
    const midnight = vietnam(days.openingDay, '00:00');
    setClock(new Date(midnight.getTime() - 8000));
    await aRunBefore(midnight);
    expect(await fairStatus()).toBe('PUBLISHED');
    await eventually(async () => { const s = await fairStatus(); return (s === 'RUNNING') && s; }, 's === \'RUNNING\'');
    const running = await eventually(async () => { const l = await h.received.filter((e) => e.subject === fairId && e.type === 'hangviet.tradefair.fair.running.v1'); return (l.length > 0) && l; }, 'l.length > 0');
    expect(running[0]!.data).toMatchObject({ actorSubject: 'system:fair-calendar', fair: { status: 'FAIR_STATUS_RUNNING' } });
  }, 120_000);

  it('RUNNING → CLOSED only once the closing day is over in Vietnam', async () => {
    const endOfClosingDay = new Date(vietnam(days.closingDay, '00:00').getTime() + 86_400_000);
    setClock(new Date(endOfClosingDay.getTime() - 8000));
    await aRunBefore(endOfClosingDay);
    expect(await fairStatus()).toBe('RUNNING');
    await eventually(async () => { const s = await fairStatus(); return (s === 'CLOSED') && s; }, 's === \'CLOSED\'');
    await eventually(async () => { const l = await h.received.filter((e) => e.subject === fairId && e.type === 'hangviet.tradefair.fair.closed.v1'); return (l.length === 1) && l; }, 'l.length === 1');
  }, 120_000);
});

describe('the closing report', () => {
  it('is refused for a fair not closed, checked against the allocation, published with its figures, exported as XLSX and PDF', async () => {
    const apps = (await h.http.get(`/v1/fairs/${fairId}/applications`).set(bearer(staff))).body.items as { businessId: string; businessName: string; status: string; booths: string[] }[];
    const holders = apps.filter((a) => a.status === 'ALLOCATED');
    const [a, b] = holders;
    const report = {
      visitors: 12_500,
      salesRevenueVnd: 850_000_000,
      boothSales: [{ boothCode: a!.booths[0], businessId: a!.businessId, revenueVnd: 120_000_000 }],
      agreements: [
        { kind: 'CONTRACT', sellerBusinessId: a!.businessId, buyerName: 'Co.opmart Vĩnh Long', valueVnd: 300_000_000 },
        { kind: 'MOU', sellerBusinessId: b!.businessId, buyerName: 'Khách sạn Sài Gòn – Bến Tre', valueVnd: 50_000_000, note: 'cung ứng kẹo dừa' },
      ],
      shortfalls: [{ kind: 'MISSING_FOOD_SAFETY_CERTIFICATE', businessId: b!.businessId, productName: 'Bánh tráng Mỹ Lồng', boothCode: b!.booths[0] }],
      commendations: [{ businessId: a!.businessId, businessName: a!.businessName, title: 'Gian hàng đẹp nhất' }],
    };
    const wrong = await h.http.post(`/v1/fairs/${fairId}/report`).set(bearer(staff)).send({ ...report, boothSales: [{ boothCode: a!.booths[0], businessId: b!.businessId, revenueVnd: 1 }] });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'boothSales[0].businessId', code: 'NOT_THE_HOLDER' })]);
    const enterprise = await h.http.post(`/v1/fairs/${fairId}/report`).set(bearer(businesses[0]!.token)).send(report);
    expect(enterprise.status).toBe(403);

    const filed = await h.http.post(`/v1/fairs/${fairId}/report`).set(bearer(staff)).send(report);
    expect(filed.status).toBe(200);
    expect(filed.body.report).toMatchObject({ visitors: 12_500, salesRevenueVnd: 850_000_000 });
    const event = await eventually(async () => { const l = await h.received.filter((e) => e.subject === fairId && e.type === 'hangviet.tradefair.fair.report_filed.v1'); return (l.length > 0) && l; }, 'l.length > 0');
    expect(event[0]!.data).toMatchObject({
      report: {
        visitors: '12500', salesRevenueVnd: '850000000',
        agreements: [{ kind: 'FAIR_AGREEMENT_KIND_CONTRACT', valueVnd: '300000000' }, { kind: 'FAIR_AGREEMENT_KIND_MOU', valueVnd: '50000000' }],
        shortfalls: [{ kind: 'SHORTFALL_KIND_MISSING_FOOD_SAFETY_CERTIFICATE', productName: 'Bánh tráng Mỹ Lồng' }],
        commendations: [{ title: 'Gian hàng đẹp nhất' }],
      },
    });

    const xlsx = await h.http.get(`/v1/fairs/${fairId}/report.xlsx`).set(bearer(staff)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Lượt khách tham quan')).toBe(12_500);
    expect(values.get('Giá trị hợp đồng (VNĐ)')).toBe(300_000_000);
    expect(values.get('Số biên bản ghi nhớ (MOU)')).toBe(1);
    expect(wb.getWorksheet('Sản phẩm chưa đạt')!.getRow(2).getCell(1).value).toBe('Thiếu giấy chứng nhận an toàn thực phẩm');

    const pdf = await h.http.get(`/v1/fairs/${fairId}/report.pdf`).set(bearer(staff)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'closing-report-'));
    writeFileSync(join(dir, 'report.pdf'), pdf.body as Buffer);
    // The Vietnamese text is extractable as written (the font embeds its glyphs), and renders to an image.
    const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-']).toString();
    expect(text).toContain('BÁO CÁO KẾT QUẢ HỘI CHỢ');
    expect(text).toContain('Thiếu giấy chứng nhận an toàn thực phẩm: Bánh tráng Mỹ Lồng');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', join(dir, 'report.pdf'), join(dir, 'report')]);
    expect(readFileSync(join(dir, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);
});

describe('day claims left by a crash', () => {
  it('are released by the sweeper once older than the grace, and the venue takes a fair on those days again', async () => {
    const orphan = randomUUID();
    const d = fairDays();
    const claimed = [d.setUpDay, d.openingDay, d.closingDay, d.tearDownDay];
    // The clock back to now first: the test before left it days ahead, and the sweeper (every second) would find
    // claims made now already older than the grace.
    setClock(new Date());
    // What a process that died between the claim and the fair's insert leaves: days held by a fair that does not exist.
    await h.service.host.db.collection('venue_days').insertMany(claimed.map((day) => ({ _id: `${venueId}:${day}`, venueId, day, fairId: orphan, fairName: 'Hội chợ chưa ghi', claimTime: new Date() })) as never[]);
    expect((await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days: d }))).status).toBe(409);
    const runs = await jobRuns('release-stale-day-claims');
    await eventually(async () => { const n = await jobRuns('release-stale-day-claims'); return (n >= runs + 2) && n; }, 'n >= runs + 2');
    expect(await h.service.host.db.collection('venue_days').countDocuments({ fairId: orphan })).toBe(4); // within the grace: kept
    setClock(new Date(Date.now() + 120_000));
    await eventually(async () => { const n = await h.service.host.db.collection('venue_days').countDocuments({ fairId: orphan }); return (n === 0) && n; }, 'n === 0');
    expect((await h.http.post('/v1/fairs').set(bearer(staff)).send(fairBody(venueId, { days: d }))).status).toBe(201);
  }, 120_000);
});

describe('keep competitors apart', () => {
  it('gives two food businesses no side-by-side booths, and says so in the explanation', async () => {
    setClock(new Date());
    const venue = (await createVenue(h, 1, 5)).id; // A01 … A05, corners A01 and A05
    const fair = (await openFair(h, venue, { rules: { eligibility: 'OPEN', maxBoothsPerBusiness: 1, certifiedProducts: 'NONE', separateCompetitors: true } })).id;
    const industries = ['1079', '1075', '1410']; // food, food, clothing
    const list = await knownBusinesses(h, 3, { mainIndustryCode: (i) => industries[i]! });
    for (const b of list) expect((await apply(h, fair, b)).status).toBe(201);
    const run = await h.http.post(`/v1/fairs/${fair}:allocate`).set(bearer(staff)).send({});
    expect(run.status).toBe(200);
    const boothOf = (b: TestBusiness) => run.body.results.find((r: { businessId: string }) => r.businessId === b.id).explanation;
    const [food1, food2] = [boothOf(list[0]!), boothOf(list[1]!)];
    const column = (e: { booths: { code: string }[] }) => Number(e.booths[0]!.code.slice(1));
    expect(Math.abs(column(food1) - column(food2))).toBeGreaterThan(1);
    expect(food2.facts.mainVsicGroup).toBe('10');
    expect(food2.keptApartFrom.length).toBeGreaterThan(0);
    expect(food2.message).toContain('Kept apart from competitors (VSIC 10)');
  }, 120_000);
});
