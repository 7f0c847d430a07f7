// The campaign results page (issue 25) in headless Chromium against the real services, campaign-results among
// them behind the gateway: a unit's figure submitted and approved through the API shows on the staff dashboard
// beside the year before, opens the record it counts, and the yearly report downloads as PDF and XLSX.
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, seriousViolations } from './browser';
import { Journey } from './journey-kit';
import { startStack, type Stack } from './stack';

jest.setTimeout(300_000);

let stack: Stack;
let browser: Browser;
let j: Journey;
const year = new Date().getFullYear();

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ campaign: true }), launch()]);
  j = new Journey(stack, browser);
});

afterAll(async () => {
  await j?.close();
  await browser?.close();
  await stack?.stop();
});

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

describe('the campaign results page', () => {
  it('shows the figures of the year, opens the records of one, and downloads the report', async () => {
    const unit = await stack.token({ role: 'staff', subject: 'unit-qltt-2' });
    const centre = await stack.token({ role: 'staff', subject: 'centre-lan' });
    const submitted = await call<{ id: string }>(unit, 'POST', '/v1/submissions', {
      indicatorCode: 'inspections.count',
      value: 17,
      year,
      provinceCode: '86',
      unitName: 'Đội Quản lý thị trường số 2',
      evidence: [{ title: 'Báo cáo kết quả kiểm tra', documentNumber: '88/BC-QLTT' }],
    });
    await call(centre, 'POST', `/v1/submissions/${submitted.id}:approve`);

    const page: Page = await j.page();
    await page.goto(`${stack.url}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/signin\/[^/]+$/);
    await page.getByLabel('E-mail').fill(stack.staff.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(stack.staff.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.waitForURL(`${stack.url}/staff/reviews`);

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết quả cuộc vận động' }).click();
    await page.getByRole('heading', { name: /Kết quả Cuộc vận động/ }).waitFor();
    // The approved figure reaches the projection through its event: the page shows it once counted (reloading).
    const value = page.getByTestId('value-inspections.count');
    for (let i = 0; i < 60 && (await value.textContent()) !== '17'; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: /Kết quả Cuộc vận động/ }).waitFor();
    }
    expect(await value.textContent()).toBe('17');
    await screenshot(page, 'campaign-dashboard');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('tr[data-code="inspections.count"]').getByRole('button', { name: 'Xem bản ghi (1)' }).click();
    const records = page.getByRole('region', { name: /Bản ghi của “Cuộc kiểm tra thị trường”/ });
    await records.getByRole('link', { name: submitted.id }).waitFor();
    expect(await records.getByRole('link', { name: submitted.id }).getAttribute('href')).toBe(`/v1/submissions/${submitted.id}`);
    await screenshot(page, 'campaign-records');

    for (const [button, suffix, magic] of [['Tải báo cáo PDF', '.pdf', '%PDF-'], ['Tải báo cáo Excel', '.xlsx', 'PK']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(`ket-qua-${year}${suffix}`);
      const path = await download.path();
      const head = (await import('node:fs')).readFileSync(path!).subarray(0, magic.length).toString('latin1');
      expect(head).toBe(magic);
    }
  });
});
