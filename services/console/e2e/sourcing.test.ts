// The supply–demand connection page (issue 26) in headless Chromium against the real services: staff sign in,
// find a sourcing request filed for an outside buyer waiting for review, publish it from the page, and see it
// among the open requests. Axe on the page, screenshots on desktop and phone.
import type { Browser } from 'playwright-core';
import { launch, screenshot, seriousViolations } from './browser';
import { Journey } from './journey-kit';
import { startStack, type Stack } from './stack';

jest.setTimeout(300_000);

let stack: Stack;
let browser: Browser;
let j: Journey;
const run = String(Date.now()).slice(-5);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ sourcing: true }), launch()]);
  j = new Journey(stack, browser);
});

afterAll(async () => {
  await j?.close();
  await browser?.close();
  await stack?.stop();
});

describe('the sourcing page', () => {
  it('lets staff publish a request waiting for review, which then shows among the open ones', async () => {
    const page = await j.page();
    await page.goto(`${stack.url}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/signin\/[^/]+$/);
    await page.getByLabel('E-mail').fill(stack.staff.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(stack.staff.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.waitForURL(`${stack.url}/staff/reviews`);
    const token = await j.tokenOf(page);

    const title = `Rau sạch cho bếp ăn công nghiệp ${run}`;
    const closing = new Date(Date.now() + 20 * 86_400_000);
    const filed = await fetch(`${stack.url}/v1/sourcing-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        buyerName: 'Bếp ăn Khu công nghiệp Đồng Bành', provinceCode: '20', title, description: '200 kg rau mỗi ngày, có VietGAP.', industry: { edition: '2018', code: '0118' },
        requiredCertifications: [{ scheme: 'VIETGAP' }], quantity: 200, unit: 'kg/ngày', neededBy: closing.toISOString().slice(0, 10), originPreference: 'PROVINCE', responseCap: 5,
        closingTime: closing.toISOString(),
      }),
    });
    expect(filed.status).toBe(201);

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết nối cung cầu' }).click();
    await page.getByRole('heading', { name: 'Kết nối cung cầu', level: 1 }).waitFor();
    const review = page.getByRole('region', { name: 'Chờ duyệt' });
    const card = review.getByRole('article', { name: title });
    await card.waitFor();
    await screenshot(page, 'sourcing-staff');
    expect({ page: 'sourcing-staff', violations: await seriousViolations(page) }).toEqual({ page: 'sourcing-staff', violations: [] });

    await card.getByRole('button', { name: 'Duyệt và đăng' }).click();
    await page.getByRole('region', { name: 'Yêu cầu đang mở' }).getByRole('article', { name: title }).waitFor();
    // The two lists are two queries refetched after the action: the review list may answer a moment after the open one.
    await review.getByRole('article', { name: title }).waitFor({ state: 'detached' });

    const phone = await j.page({ width: 390, height: 844 });
    await phone.goto(`${stack.url}/sourcing`);
    await phone.getByRole('region', { name: 'Yêu cầu đang mở' }).getByRole('article', { name: title }).waitFor();
    await screenshot(phone, 'sourcing-public-phone');
    expect({ page: 'sourcing-public-phone', violations: await seriousViolations(phone) }).toEqual({ page: 'sourcing-public-phone', violations: [] });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
