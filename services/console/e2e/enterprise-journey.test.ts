// The console in a real browser against the real services: an enterprise signs up (e-mail verification
// through the mail sink), signs in through the OIDC provider, registers its business with the tax code
// checked as it types and its registration certificate attached (a wrong file refused first, then the PDF);
// staff sign in, see the certificate and approve it from the review queue; the enterprise sees it active,
// the public finds it in the directory. Every page passes axe-core without serious violations, and a
// screenshot of each is saved under .local/screenshots/ (desktop, and the directory on a phone).
import { generateTaxCode } from '@hangviet/vn';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, seriousViolations } from './browser';
import { startStack, type Stack } from './stack';

jest.setTimeout(240_000);

/** The smallest file the registry takes as a PDF (it checks the bytes against the type). */
const CERTIFICATE_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await stack?.stop();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  // npm test runs every workspace's tests at once on a small machine: allow for load, not for a missing page.
  context.setDefaultTimeout(60_000);
  contexts.push(context);
  return context.newPage();
}

/** Axe and a screenshot of a main page. */
async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}

async function mailLink(to: string, path: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const message = stack.mail.messages().find((m) => m.To.some((a) => a.Address === to) && m.Text.includes(path));
    if (message) return new RegExp(`https?://\\S+${path}\\S+`).exec(message.Text)![0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail with ${path} reached ${to}`);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForURL(/\/signin\/[^/]+$/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
}

describe('an enterprise and the centre in the console', () => {
  const email = `owner.${Date.now()}@example.vn`;
  const password = 'Keo-dua-Mo-Cay-2026';
  const taxCode = generateTaxCode(700_000 + Math.floor(Math.random() * 200_000), '86');
  const legalName = `Công ty TNHH Kẹo dừa Thử nghiệm ${taxCode.slice(-4)}`;
  let owner: Page;

  it('shows the public directory, in Vietnamese first and in English on request, on a desktop and a phone', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await expect(page.getByRole('heading', { name: 'Danh bạ doanh nghiệp' }).isVisible()).resolves.toBe(true);
    await page.locator('.card').first().waitFor();
    await check(page, 'directory');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Business directory' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${stack.url}/`);
    await phone.locator('.card').first().waitFor();
    await check(phone, 'directory-phone');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('lets an enterprise sign up, confirm its e-mail and sign in', async () => {
    owner = await newPage();
    await owner.goto(`${stack.url}/signup`);
    await owner.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await owner.getByLabel('E-mail').fill(email);
    await owner.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(password);
    await check(owner, 'signup');
    await owner.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await owner.getByText(`Đã gửi thư xác nhận tới ${email}`).waitFor();

    await owner.goto(await mailLink(email, '/verify-email'));
    await owner.getByText('Đã xác nhận e-mail').waitFor();
    await owner.getByRole('button', { name: 'Tiếp tục đăng nhập' }).click();
    await owner.waitForURL(/\/signin\//);
    await check(owner, 'signin');
    await signIn(owner, email, 'wrong-password-1');
    await owner.getByText('E-mail hoặc mật khẩu không đúng.').waitFor();
    await owner.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await owner.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await owner.waitForURL(`${stack.url}/my`);
    await owner.getByText('Bạn chưa đăng ký doanh nghiệp.').waitFor();
    await check(owner, 'my-business-empty');
  });

  it('registers the business with the tax code checked while it is typed', async () => {
    await owner.getByRole('link', { name: 'Đăng ký doanh nghiệp' }).click();
    const tax = owner.getByLabel('Mã số thuế', { exact: true });
    await tax.pressSequentially(taxCode.slice(0, 5));
    await owner.getByText('Đang nhập…').waitFor();
    await tax.fill(`${taxCode.slice(0, 9)}${(Number(taxCode[9]) + 1) % 10}`);
    await owner.getByText('Mã số thuế không hợp lệ (sai số kiểm tra).').waitFor();
    await tax.fill(taxCode);
    await owner.getByText('Mã số thuế hợp lệ, chưa được đăng ký.').waitFor();
    await owner.getByLabel('Tên doanh nghiệp').fill(legalName);
    // Province, ward and industry only by the pickers: names typed without diacritics, options picked.
    await owner.getByRole('combobox', { name: 'Tỉnh/thành' }).fill('vinh long');
    await owner.getByRole('option', { name: /^Vĩnh Long/ }).click();
    await owner.getByRole('combobox', { name: 'Phường/xã' }).fill('mo cay');
    await owner.getByRole('option', { name: /^Xã Mỏ Cày · 28903/ }).click();
    await owner.getByLabel('Số nhà, đường').fill('12 Quốc lộ 60');
    await owner.getByRole('combobox', { name: 'Ngành nghề chính (VSIC)' }).pressSequentially('keo');
    await owner.getByRole('option', { name: /Sản xuất ca cao, sôcôla và mứt kẹo · VSIC 2018 · 1073/ }).click();
    // The certificate is required: without it nothing is sent; a file that is no PDF/PNG/JPEG is refused.
    await owner.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const certificate = owner.getByLabel('Giấy chứng nhận đăng ký doanh nghiệp');
    await owner.getByText('Hãy đính kèm giấy chứng nhận đăng ký doanh nghiệp.').waitFor();
    expect(await certificate.getAttribute('aria-invalid')).toBe('true');
    expect(await certificate.getAttribute('aria-describedby')).toContain('evidence-error');
    await certificate.setInputFiles({ name: 'giay-chung-nhan.docx', mimeType: 'application/msword', buffer: Buffer.from('not a pdf') });
    await owner.getByText('Chỉ nhận tệp PDF, PNG hoặc JPEG.').waitFor();
    await certificate.setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf') });
    await owner.getByText('Nội dung tệp không phải PDF, PNG hoặc JPEG').waitFor();
    await certificate.setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE_PDF });
    await owner.locator('#evidence-error').waitFor({ state: 'detached' });
    await check(owner, 'register-business');
    await owner.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await owner.getByText('Hồ sơ đang chờ Trung tâm duyệt.').waitFor();
    await owner.getByText('Đã đính kèm giấy chứng nhận.').waitFor();
    await check(owner, 'my-business-pending');
  });

  it('lets staff approve it from the review queue', async () => {
    const staff = await newPage();
    await staff.goto(`${stack.url}/staff/reviews`);
    await staff.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await signIn(staff, stack.staff.email, stack.staff.password);
    await staff.waitForURL(`${stack.url}/staff/reviews`);
    const card = staff.locator('.card', { hasText: legalName });
    await card.waitFor();
    // The certificate is checked once its card is on screen (not one HEAD per registration on load).
    await card.scrollIntoViewIfNeeded();
    await card.getByText('Có giấy chứng nhận đăng ký').waitFor();
    await check(staff, 'staff-reviews');
    // Opened from an object URL of what staff fetched with their token: the very bytes uploaded.
    const opened = staff.context().waitForEvent('page');
    await card.getByRole('button', { name: `Xem giấy chứng nhận của ${legalName}` }).click();
    await (await opened).close();
    // Beside it, the same object URL as a download (the console's CSP keeps fetch() off blob: URLs).
    const downloaded = staff.waitForEvent('download');
    await card.getByRole('link', { name: 'Tải về' }).click();
    const chunks: Buffer[] = [];
    for await (const chunk of await (await downloaded).createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(CERTIFICATE_PDF)).toBe(true);
    await card.getByRole('button', { name: 'Duyệt' }).click();
    await staff.getByText(`Đã duyệt ${legalName}.`).waitFor();
    // The queue reloads without it.
    await staff.locator('.card', { hasText: legalName }).waitFor({ state: 'detached' });
  });

  it('shows the enterprise its business active, and the public finds it with its page', async () => {
    await owner.reload();
    await owner.getByText('Doanh nghiệp đã được duyệt và hiển thị trong danh bạ.').waitFor();
    await owner.getByRole('link', { name: 'Tùy chọn thông báo' }).click();
    await owner.getByRole('checkbox', { name: 'SMS' }).waitFor();
    await check(owner, 'preferences');
    await owner.getByRole('checkbox', { name: 'SMS' }).uncheck();
    await owner.getByRole('button', { name: 'Lưu' }).click();
    await owner.getByText('Đã lưu.').waitFor();
    await owner.reload();
    await owner.getByRole('checkbox', { name: 'SMS' }).waitFor();
    expect(await owner.getByRole('checkbox', { name: 'SMS' }).isChecked()).toBe(false);
    await owner.goto(`${stack.url}/my/inbox`);
    await owner.getByRole('heading', { name: 'Hộp thư' }).waitFor();
    await check(owner, 'inbox');

    const visitor = await newPage();
    await visitor.goto(`${stack.url}/`);
    await visitor.getByLabel('Tìm theo tên').fill(`Kẹo dừa Thử nghiệm ${taxCode.slice(-4)}`);
    await visitor.getByRole('button', { name: 'Tìm' }).click();
    await visitor.getByRole('link', { name: legalName }).click();
    await visitor.getByRole('heading', { name: legalName }).waitFor();
    await visitor.getByText('Đang hoạt động').waitFor();
    await check(visitor, 'business-page');
  });

  it('registers a product and applies for OCOP; staff review, score and decide; the enterprise sees its certificate', async () => {
    const product = `Kẹo dừa sữa ${taxCode.slice(-4)}`;
    await owner.goto(`${stack.url}/my/products`);
    await owner.getByLabel('Tên sản phẩm').fill(product);
    await owner.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    await owner.locator('.card', { hasText: product }).getByRole('button', { name: 'Đăng ký đánh giá OCOP' }).click();
    await owner.locator('.card', { hasText: product }).filter({ hasText: 'Đã nộp' }).waitFor();
    await check(owner, 'products');

    const staff = await newPage();
    await staff.goto(`${stack.url}/staff/applications`);
    await staff.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await signIn(staff, stack.staff.email, stack.staff.password);
    await staff.waitForURL(`${stack.url}/staff/applications`);
    const reviewCard = staff.locator('.card', { hasText: product });
    await reviewCard.getByRole('button', { name: 'Ghi kết quả xem xét của xã' }).click();
    // The reviewing commune is proposed from the business's ward; each finding is chosen.
    // (proposed once the business has loaded: waited for, not read at once)
    await staff.waitForFunction(() => (document.querySelector('input[name="reviewer"]') as HTMLInputElement | null)?.value === 'UBND Xã Mỏ Cày');
    for (const finding of ['Nguồn gốc nguyên liệu tại địa phương', 'Sử dụng lao động địa phương', 'Nguồn gốc ý tưởng sản phẩm tại địa phương']) {
      await reviewCard.getByRole('group', { name: finding }).getByLabel('Đạt', { exact: true }).check();
    }
    await reviewCard.getByRole('button', { name: 'Ghi nhận và chuyển Hội đồng tỉnh' }).click();
    await reviewCard.waitFor({ state: 'detached' });
    await staff.getByLabel('Trạng thái').selectOption('COMMUNE_REVIEWED');
    await staff.locator('.card', { hasText: product }).getByRole('button', { name: 'Chấm điểm' }).click();
    const criteria: { code: string; max: number; title: { vi: string } }[] = (await (await fetch(`${stack.url}/v1/ocop-criteria`)).json()).items;
    expect(criteria.length).toBeGreaterThan(0);
    // Three quarters of every maximum, in half points: a total between 70 and 90, four stars.
    let total = 0;
    for (const c of criteria) {
      const points = Math.floor(c.max * 0.75 * 2) / 2;
      total += points;
      await staff.getByLabel(`${c.code} ${c.title.vi}`, { exact: true }).fill(String(points));
    }
    expect(total).toBeGreaterThanOrEqual(70);
    expect(total).toBeLessThan(90);
    await staff.getByText(`Tổng ${total} · ★★★★`).waitFor();
    await staff.getByLabel('Người chấm').fill('Hội đồng tỉnh');
    await check(staff, 'score-sheet');
    await staff.getByRole('button', { name: 'Lưu phiếu chấm' }).click();
    // Scored, it leaves the commune-reviewed list.
    await staff.locator('.card', { hasText: product }).waitFor({ state: 'detached' });
    await staff.getByLabel('Trạng thái').selectOption('PROVINCIAL_SCORED');
    await staff.locator('.card', { hasText: product }).getByLabel('Số quyết định').fill(`${1000 + Math.floor(Math.random() * 8999)}/QĐ-UBND`);
    await staff.locator('.card', { hasText: product }).getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await staff.locator('.card', { hasText: product }).waitFor({ state: 'detached' });

    await owner.reload();
    await owner.locator('.card', { hasText: product }).filter({ hasText: 'Đã có quyết định' }).waitFor();
    const certificate = owner.locator('.card', { hasText: `${product} — OCOP ★★★★` });
    await certificate.waitFor();
    const pdf = await fetch(`${stack.url}${await certificate.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await check(owner, 'certificates');
  });

  it('shows the public fair calendar with its .ics feed, and refuses a forged certificate QR link', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/fairs`);
    await page.getByRole('heading', { name: 'Lịch hội chợ' }).waitFor();
    const ics = await fetch(`${stack.url}${await page.getByRole('link', { name: 'Thêm vào lịch (.ics)' }).getAttribute('href')}`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR/);
    await check(page, 'fairs');
    await page.goto(`${stack.url}/verify?token=eyJhbGciOiJFUzI1NiJ9.eyJudW1iZXIiOiJmYWtlIn0.Zm9yZ2Vk`);
    await page.getByText('Mã QR không hợp lệ hoặc đã bị sửa').waitFor();
    await check(page, 'verify-forged');
  });

  it('serves the API documentation and the event catalogue from the same origin', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/docs/business-registry`);
    await page.getByText('/v1/businesses').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'api-docs', false);
    const events = await (await fetch(`${stack.url}/docs/events.json`)).json();
    expect(events.asyncapi).toBe('3.0.0');
  });
});
