// Issue 22, journeys a and b in headless Chromium against the real services: staff create a venue with a
// 6 × 10 grid (one booth blocked) and a fair and open it; twelve enterprises apply (one through the console,
// the rest through the API, each with its own listed business and product); staff dry-run the allocation,
// read the explanations, export XLSX, commit and publish, and the plan shows the allocated booths. Then an
// allocated enterprise withdraws in the console; the first waitlisted one finds the offer in its inbox,
// confirms it in the console before the deadline and sees its booths highlighted. Every page: axe (no serious
// or critical violation) and screenshots on the desktop and at 390 × 844 under .local/screenshots/.
import { randomUUID } from 'node:crypto';
import { generateTaxCode } from '@hangviet/vn';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { Journey } from './journey-kit';
import { startStack, type Stack } from './stack';

jest.setTimeout(600_000);

let stack: Stack;
let browser: Browser;
let j: Journey;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
  j = new Journey(stack, browser);
});

afterAll(async () => {
  await j?.close();
  await browser?.close();
  await stack?.stop();
});

const run = randomUUID().slice(0, 6);
const day = (offset: number) => {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return { iso: d.toISOString().slice(0, 10), typed: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}` };
};
const taxCode = (n: number) => generateTaxCode(300_000 + Math.floor(Math.random() * 600_000) + n, '86');
const fairName = `Hội chợ hàng Việt thử nghiệm ${run}`;

describe('staff schedule a fair and allocate booths; enterprises apply, withdraw and take an offer', () => {
  let staff: Page;
  let staffToken: string;
  let venueId: string;
  let fairId: string;
  const first = { email: `e1.${run}@example.vn`, password: 'Gian-hang-1-2026', name: 'Trần Văn Một' };
  const waitlisted = { email: `e2.${run}@example.vn`, password: 'Gian-hang-2-2026', name: 'Lê Thị Hai' };
  let firstPage: Page;
  let firstBusiness: string;

  it('a: staff create a venue with a 6 × 10 grid through the province and ward pickers, and block a booth on the plan', async () => {
    staff = await j.page();
    await staff.goto(`${stack.url}/staff/venues`);
    await j.signIn(staff, stack.staff.email, stack.staff.password);
    await staff.getByRole('heading', { name: 'Địa điểm tổ chức' }).waitFor();
    staffToken = await j.tokenOf(staff);
    await staff.getByLabel('Tên địa điểm').fill(`Nhà văn hóa tỉnh ${run}`);
    await staff.getByRole('combobox', { name: 'Tỉnh/thành phố' }).click();
    await staff.getByRole('combobox', { name: 'Tỉnh/thành phố' }).fill('Vĩnh Long');
    await staff.getByRole('option', { name: 'Vĩnh Long' }).click();
    await staff.getByRole('combobox', { name: 'Phường/xã' }).click();
    await staff.getByRole('combobox', { name: 'Phường/xã' }).fill('Mỏ Cày');
    await staff.getByRole('option', { name: 'Xã Mỏ Cày' }).click();
    await staff.getByLabel('Số hàng gian').fill('6');
    await staff.getByLabel('Số cột gian').fill('10');
    await j.check(staff, 'staff-venues');
    await staff.getByRole('button', { name: 'Tạo địa điểm và sơ đồ gian' }).click();
    await staff.waitForURL(/\/staff\/venues\/[^/]+$/);
    venueId = staff.url().split('/').pop()!;
    await staff.getByText('60 gian').waitFor();
    const booths = staff.locator('[data-booth]');
    await booths.nth(59).waitFor();
    await expect(booths.count()).resolves.toBe(60);
    // Corner booths (the grid marks each row's ends) are marked on the plan, as many as the venue has.
    const venue = await j.api<{ booths: { corner: boolean }[] }>('GET', `/v1/venues/${venueId}`, undefined);
    const corners = venue.booths.filter((b) => b.corner).length;
    expect(corners).toBeGreaterThan(0);
    await expect(staff.locator('[data-booth][aria-label*="gian góc"]').count()).resolves.toBe(corners);
    const middle = booths.nth(25);
    const code = (await middle.getAttribute('data-booth'))!;
    await middle.click();
    await staff.getByTestId('booth-details').getByText(`${code}: Còn trống`).waitFor();
    await staff.getByRole('button', { name: `Khóa gian ${code}` }).click();
    await staff.locator(`[data-booth="${code}"][data-state="BLOCKED"]`).waitFor();
    await j.check(staff, 'staff-venue-plan');
  });

  it('a: staff create the fair with dates in Vietnam time, fees, rules and support, and open it', async () => {
    await staff.goto(`${stack.url}/staff/fairs?venueId=${venueId}`);
    await staff.getByRole('heading', { name: 'Tạo hội chợ' }).waitFor();
    await staff.getByLabel('Tên hội chợ').fill(fairName);
    const typeDay = async (label: string, offset: number) => {
      const input = staff.getByLabel(label);
      await input.fill(day(offset).typed);
      await input.press('Tab');
    };
    await typeDay('Ngày dựng gian', 30);
    await typeDay('Ngày khai mạc', 31);
    await typeDay('Ngày bế mạc', 33);
    await typeDay('Ngày tháo dỡ', 34);
    await typeDay('Ngày mở nhận hồ sơ', -1);
    await typeDay('Ngày hết hạn nộp hồ sơ', 20);
    await staff.getByLabel('Số gian tối đa mỗi doanh nghiệp').fill('5');
    await j.check(staff, 'staff-fair-create');
    await staff.getByRole('button', { name: 'Tạo hội chợ (nháp)' }).click();
    await staff.waitForURL(/\/staff\/fairs\/[^/]+$/);
    fairId = staff.url().split('/').pop()!;
    await staff.getByRole('heading', { name: fairName }).waitFor();
    const fair = await j.api<{ days: { openingDay: string }; applicationOpenTime: string; rules: { maxBoothsPerBusiness: number } }>('GET', `/v1/fairs/${fairId}`, staffToken);
    expect(fair.days.openingDay).toBe(day(31).iso);
    // Typed as 08:00 Vietnam time: 01:00 UTC.
    expect(fair.applicationOpenTime).toBe(`${day(-1).iso}T01:00:00.000Z`);
    expect(fair.rules.maxBoothsPerBusiness).toBe(5);
    await staff.getByRole('button', { name: 'Mở nhận hồ sơ' }).click();
    await staff.getByText('Đang nhận hồ sơ').first().waitFor();
  });

  it('a: twelve enterprises apply — ten through the API, one through the console, then the last through the API', async () => {
    const apiEnterprises = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const businessId = randomUUID();
        const token = await stack.token({ role: 'enterprise', businessId });
        const { productId } = await j.listedBusiness(token, businessId, taxCode(i), `Công ty TNHH Đặc sản ${run} số ${String(i + 1).padStart(2, '0')}`, staffToken);
        return { businessId, token, productId };
      }),
    );
    for (const e of apiEnterprises) {
      await j.eventually('an API application', () =>
        j.api('POST', `/v1/fairs/${fairId}/applications`, e.token, { businessId: e.businessId, boothsWanted: 5, productIds: [e.productId], catalogueEntry: 'Kẹo dừa, bánh tráng.' }),
      );
    }

    // The first console enterprise: its own account, business and product; it applies in the console.
    await j.enterpriseAccount(first.email, first.password, first.name);
    firstPage = await j.page();
    await firstPage.goto(`${stack.url}/fairs`);
    await j.signIn(firstPage, first.email, first.password);
    const firstToken = await j.tokenOf(firstPage);
    firstBusiness = JSON.parse(Buffer.from(firstToken.split('.')[1]!, 'base64url').toString()).business_id;
    await j.listedBusiness(firstToken, firstBusiness, taxCode(20), `Công ty TNHH Mứt dừa ${run}`, staffToken);
    // From the calendar to the fair's page.
    await firstPage.goto(`${stack.url}/fairs`);
    await firstPage.getByRole('link', { name: fairName }).click();
    await firstPage.getByRole('heading', { name: fairName }).waitFor();
    await j.eventually('the product reaches trade fairs', async () => {
      await firstPage.reload();
      await firstPage.getByRole('heading', { name: 'Đăng ký gian hàng' }).waitFor({ timeout: 5000 });
    });
    // The pills field sits over the input: the click goes to the field, as a user's would.
    await firstPage.getByRole('combobox', { name: 'Sản phẩm trưng bày' }).click({ force: true });
    await firstPage.getByRole('option', { name: /Kẹo dừa/ }).click();
    await firstPage.keyboard.press('Escape');
    await firstPage.getByLabel('Giới thiệu trong danh mục hội chợ').fill('Mứt dừa Bến Tre, làm thủ công.');
    await firstPage.getByLabel('Số gian').fill('5');
    await firstPage.getByLabel('Muốn gian góc').check();
    await j.check(firstPage, 'fair-apply');
    await firstPage.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await firstPage.getByTestId('my-status').getByText('Đã nộp').waitFor();

    // The twelfth applies last: with 59 booths it will not fit and goes to the waitlist.
    await j.enterpriseAccount(waitlisted.email, waitlisted.password, waitlisted.name);
    const secondPage = await j.page();
    await secondPage.goto(`${stack.url}/fairs/${fairId}`);
    await j.signIn(secondPage, waitlisted.email, waitlisted.password);
    const secondToken = await j.tokenOf(secondPage);
    const secondBusiness = JSON.parse(Buffer.from(secondToken.split('.')[1]!, 'base64url').toString()).business_id as string;
    const { productId } = await j.listedBusiness(secondToken, secondBusiness, taxCode(21), `Hợp tác xã Dừa ${run}`, staffToken);
    await j.eventually('the last application', () =>
      j.api('POST', `/v1/fairs/${fairId}/applications`, secondToken, { businessId: secondBusiness, boothsWanted: 5, productIds: [productId], catalogueEntry: 'Dầu dừa.' }),
    );
    await secondPage.close();
  });

  it('a: staff dry-run the allocation, read the explanations, export XLSX, commit and publish; the plan shows the booths', async () => {
    await staff.reload();
    await staff.getByRole('heading', { name: 'Hồ sơ đăng ký gian hàng (12)' }).waitFor();
    await expect(staff.getByTestId('applications').locator('tbody tr').count()).resolves.toBe(12);
    await staff.getByRole('button', { name: 'Chạy thử phân bổ' }).click();
    await staff.getByRole('heading', { name: 'Kết quả chạy thử (chưa lưu)' }).waitFor();
    const rows = staff.getByTestId('allocation').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(12);
    // Rank 12 does not fit into what is left and is first on the waitlist; each row says why.
    await expect(rows.nth(11).innerText()).resolves.toMatch(/Danh sách chờ #1/);
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Được phân gian/);
    // The explanation is a sentence in Vietnamese: the rank, the rule scores and the booths or the waitlist place.
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Hạng 1 \(điểm sản phẩm chứng nhận 0, .*\): được phân gian [A-F]\d\d \(/);
    await expect(rows.nth(11).innerText()).resolves.toMatch(/Hạng 12 .*không còn đủ gian trống cho 5 gian xin; xếp thứ 1 trong danh sách chờ\./);
    for (const text of await rows.allInnerTexts()) expect(text.split('\t').pop()!.trim().length).toBeGreaterThan(10);
    // Nothing is written by a dry run.
    await expect(j.api('GET', `/v1/fairs/${fairId}/applications?pageSize=100`, staffToken).then((p) => (p as { items: { status: string }[] }).items.every((a) => a.status === 'SUBMITTED'))).resolves.toBe(true);
    await j.check(staff, 'staff-allocation-dry-run');
    const download = staff.waitForEvent('download');
    await staff.getByRole('button', { name: 'Xuất Excel (hồ sơ và phân bổ)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`hoi-cho-${fairId}.xlsx`);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    // An XLSX is a zip with the workbook in it.
    const xlsx = Buffer.concat(chunks);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.includes(Buffer.from('xl/worksheets/sheet2.xml'))).toBe(true);

    await staff.getByRole('button', { name: 'Xác nhận phân bổ' }).click();
    await staff.getByRole('heading', { name: 'Kết quả phân bổ' }).waitFor();
    await staff.getByRole('button', { name: 'Công bố kết quả' }).click();
    await staff.getByText('Đã công bố').first().waitFor();
    await staff.locator('[data-booth][data-state="ALLOCATED"]').nth(54).waitFor();
    await expect(staff.locator('[data-booth][data-state="ALLOCATED"]').count()).resolves.toBe(55);
    await expect(staff.locator('[data-booth][data-state="BLOCKED"]').count()).resolves.toBe(1);
    await staff.getByText('55 đã phân / 60').waitFor();
    await staff.locator('[data-booth][data-state="ALLOCATED"]').nth(54).waitFor();
    await j.check(staff, 'staff-fair-published');
  });

  it('b: an allocated enterprise withdraws in the console; the first waitlisted finds the offer in its inbox and confirms it', async () => {
    await firstPage.reload();
    await firstPage.getByTestId('my-status').getByText('Đã được phân gian').waitFor();
    await firstPage.locator('[data-booth][aria-label*="gian của bạn"]').nth(4).waitFor();
    await expect(firstPage.locator('[data-booth][aria-label*="gian của bạn"]').count()).resolves.toBe(5);
    await firstPage.getByText(/^Hạng \d+$/).waitFor();
    await j.check(firstPage, 'fair-allocated');
    await firstPage.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await firstPage.getByTestId('my-status').getByText('Đã rút').waitFor();

    const second = await j.page();
    await second.goto(`${stack.url}/my/inbox`);
    await j.signIn(second, waitlisted.email, waitlisted.password);
    await j.eventually('the offer in the inbox', async () => {
      await second.reload();
      await second.getByText(/Mời nhận gian hàng .* xác nhận trước/).first().waitFor({ timeout: 3000 });
    });
    await j.check(second, 'inbox-offer');
    await second.goto(`${stack.url}/fairs/${fairId}`);
    const offer = second.getByText(/Bạn được mời nhận gian .* Hãy xác nhận trước .*\(GMT\+7\)/);
    await offer.waitFor();
    await j.check(second, 'fair-offer');
    await second.getByRole('button', { name: 'Nhận gian' }).click();
    await second.getByTestId('my-status').getByText('Đã được phân gian').waitFor();
    await second.locator('[data-booth][aria-label*="gian của bạn"]').nth(4).waitFor();
    await expect(second.locator('[data-booth][aria-label*="gian của bạn"]').count()).resolves.toBe(5);
    await j.check(second, 'fair-confirmed');
  });
});
