// The console's existing pages as the public, staff and enterprises use them, in headless Chromium against
// the real services (issue #21): staff land on their work; a review queue of 120 pages; the commune review
// with its three findings beside the dossier; a score of 90 or more and the central (5★) decision, whose
// malformed number is refused in Vietnamese at its field; the public certificate check of a valid, an
// expiring, a revoked, a forged and an unknown certificate (on a phone); public business pages with the full
// address, industry names, listed products and badges that open the check; fair cards that open; the
// compact phone header; compression at the gateway. Axe on every page, screenshots on desktop and phone.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { generateTaxCode } from '@hangviet/vn';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshot, seriousViolations } from './browser';
import { startStack, type Stack } from './stack';

jest.setTimeout(300_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const run = String(Date.now()).slice(-5);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await stack?.stop();
});

async function newPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  context.setDefaultTimeout(60_000);
  contexts.push(context);
  return context.newPage();
}

/** Axe (no serious or critical violation) and a screenshot of the page as it is. */
async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}

/** The same address on a phone: axe and a screenshot there too. */
async function checkOnPhone(url: string, name: string, ready: (page: Page) => Promise<unknown>, session?: StoredSession): Promise<Page> {
  const phone = await newPage(PHONE);
  if (session) await phone.addInitScript((s) => sessionStorage.setItem(s.key, s.value), session);
  await phone.goto(url);
  await ready(phone);
  await check(phone, `${name}-phone`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  return phone;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForURL(/\/signin\/[^/]+$/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
}

let staff: Page;
/** The signed-in user as the OIDC client keeps it in sessionStorage (`oidc.user:<authority>:<client>`). */
interface StoredSession {
  key: string;
  value: string;
}
let staffSession: StoredSession;
let token: string;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Certificate {
  number: string;
  productId?: string;
  businessId: string;
  scheme: string;
  stars: number;
  validFrom: string;
  validUntil: string;
  status: string;
  issuer: string;
}

/** The token a certificate's QR code carries, signed with the service's key as the service signs it (ES256 compact JWS). */
function qrToken(c: Certificate): string {
  const jwk = JSON.parse(readFileSync(stack.qrKeyFile, 'utf8')) as { kid?: string };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'ES256', kid: jwk.kid ?? 'qr', typ: 'hangviet-cert+jws' })}.${b64({ number: c.number, productId: c.productId ?? '', businessId: c.businessId, scheme: c.scheme, stars: c.stars, validFrom: c.validFrom, validUntil: c.validUntil })}`;
  const signature = sign('sha256', Buffer.from(input), { key: createPrivateKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

const dayOf = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe('the console pages of the public, staff and enterprises', () => {
  let businessId: string;
  const product = `Mật ong hoa nhãn ${run}`;
  let fiveStar: Certificate;

  it('lands staff on their work after signing in from the front page, and keeps the API docs out of the public menu', async () => {
    staff = await newPage();
    await staff.goto(`${stack.url}/`);
    const nav = staff.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Danh bạ' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Tài liệu API' }).count()).toBe(0);
    await nav.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn(staff, stack.staff.email, stack.staff.password);
    await staff.waitForURL(`${stack.url}/staff/reviews`);
    await staff.getByRole('heading', { name: 'Hồ sơ chờ duyệt' }).waitFor();
    staffSession = await staff.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      return { key, value: sessionStorage.getItem(key)! };
    });
    token = (JSON.parse(staffSession.value) as { access_token: string }).access_token;
    // Staff who open an enterprise page are pointed to their work, not asked to sign in again.
    await staff.goto(`${stack.url}/my`);
    await staff.getByText('Trang này dành cho doanh nghiệp.').waitFor();
    expect(await staff.getByText('Hãy đăng nhập để tiếp tục.').count()).toBe(0);
  });

  it('pages a review queue of 120 registrations, filtered by a province picked by name', async () => {
    const wards = await call<{ items: { code: string }[] }>('GET', '/v1/provinces/20/wards');
    const names: string[] = [];
    const base = 300_000 + Math.floor(Math.random() * 400_000);
    for (let i = 0; i < 120; i++) {
      const legalName = `Cơ sở Thử phân trang ${run} số ${i + 1}`;
      names.push(legalName);
      await call('POST', '/v1/businesses', {
        taxCode: generateTaxCode(base + i, '20'),
        type: 'HOUSEHOLD',
        legalName,
        address: { provinceCode: '20', wardCode: wards.items[i % wards.items.length]!.code, street: `${i + 1} Đường Bắc Sơn` },
        industries: [{ edition: '2018', code: '1073', main: true }],
      });
    }
    await staff.goto(`${stack.url}/staff/reviews`);
    const province = staff.getByRole('combobox', { name: 'Lọc theo tỉnh/thành' });
    await province.fill('lang son');
    await staff.getByRole('option', { name: /^Lạng Sơn/ }).click();
    expect(await province.inputValue()).toBe('Lạng Sơn');
    // Every card shown is in Lạng Sơn once the filter applies.
    const onlyLangSon = () =>
      staff.waitForFunction(() => {
        const lines = [...document.querySelectorAll('.cards > .card > p.muted:first-of-type')].map((p) => p.textContent ?? '');
        return lines.length > 0 && lines.every((line) => line.endsWith('Lạng Sơn'));
      });
    await onlyLangSon();
    const firstTitle = () => staff.locator('.cards > .card h2').first().innerText();
    const seen = new Set<string>();
    for (let pageNo = 1; ; pageNo++) {
      await staff.getByText(`Trang ${pageNo} ·`).waitFor();
      const titles = await staff.locator('.cards > .card h2').allInnerTexts();
      expect(titles.length).toBeLessThanOrEqual(20);
      for (const title of titles) seen.add(title);
      if (pageNo === 2) await check(staff, 'staff-reviews-paged');
      const next = staff.getByRole('button', { name: 'Trang sau' });
      if (await next.isDisabled()) break;
      const before = await firstTitle();
      await next.click();
      await staff.waitForFunction((prev) => {
        const first = document.querySelector('.cards > .card h2')?.textContent;
        return !first || first !== prev;
      }, before);
      await onlyLangSon().catch(() => undefined);
      expect(pageNo).toBeLessThan(10);
    }
    for (const name of names) expect(seen.has(name)).toBe(true);
    await staff.getByRole('button', { name: 'Trang trước' }).click();
    await staff.getByText(/^Trang \d+ ·/).waitFor();
    await checkOnPhone(`${stack.url}/staff/reviews`, 'staff-reviews', (p) => p.locator('.cards > .card').first().waitFor(), staffSession);
  });

  it('records the commune review with its three findings beside the dossier, the score sheet and the central 5★ decision', async () => {
    const directory = await call<{ items: { id: string; status: string }[] }>('GET', '/v1/businesses?pageSize=5');
    businessId = directory.items.find((b) => b.status === 'ACTIVE')!.id;
    const created = await call<{ id: string }>('POST', '/v1/products', { businessId, name: product, group: 'FOOD', description: 'Mật ong nuôi ong trong vườn nhãn của xã.' });
    await call('POST', `/v1/products/${created.id}:list`, {});
    const application = await call<{ id: string }>('POST', '/v1/certification-applications', {
      productId: created.id,
      scheme: 'OCOP',
      round: { year: new Date().getFullYear(), number: 1 },
      dossier: `Thuyết minh ${run}: ong nuôi tại vườn nhãn của hợp tác xã, 12 lao động địa phương.`,
    });

    await staff.goto(`${stack.url}/staff/applications`);
    const card = staff.locator('.cards > .card', { hasText: product });
    await card.getByRole('button', { name: 'Ghi kết quả xem xét của xã' }).click();
    // The dossier beside the form: the enterprise's note and the product as registered.
    const dossier = card.getByRole('region', { name: 'Hồ sơ' });
    await dossier.getByText(`Thuyết minh ${run}`).waitFor();
    await dossier.getByText('Mật ong nuôi ong trong vườn nhãn của xã.').waitFor();
    const submit = card.getByRole('button', { name: 'Ghi nhận và chuyển Hội đồng tỉnh' });
    expect(await submit.isDisabled()).toBe(true);
    await card.getByLabel('Cơ quan xem xét (UBND xã/phường)').fill(`UBND xã Thử ${run}`);
    const finding = (name: string) => card.getByRole('group', { name });
    await finding('Nguồn gốc nguyên liệu tại địa phương').getByLabel('Đạt', { exact: true }).check();
    await finding('Sử dụng lao động địa phương').getByLabel('Đạt', { exact: true }).check();
    expect(await submit.isDisabled()).toBe(true);
    await finding('Nguồn gốc ý tưởng sản phẩm tại địa phương').getByLabel('Không đạt', { exact: true }).check();
    await finding('Nguồn gốc ý tưởng sản phẩm tại địa phương').getByLabel('Ghi chú').fill('Công thức mua lại từ tỉnh khác');
    await check(staff, 'commune-review');
    await submit.click();
    await card.waitFor({ state: 'detached' });
    const reviewed = await call<{ status: string; communeReview: { reviewer: string; localRawMaterial: boolean; localLabour: boolean; localIdea: boolean; note: string } }>(
      'GET',
      `/v1/certification-applications/${application.id}`,
    );
    expect(reviewed.status).toBe('COMMUNE_REVIEWED');
    expect(reviewed.communeReview).toMatchObject({ reviewer: `UBND xã Thử ${run}`, localRawMaterial: true, localLabour: true, localIdea: false });
    expect(reviewed.communeReview.note).toContain('Công thức mua lại từ tỉnh khác');

    // The score sheet beside the same dossier, now with the commune's findings; every criterion at its maximum.
    await staff.getByLabel('Trạng thái').selectOption('COMMUNE_REVIEWED');
    await card.getByRole('button', { name: 'Chấm điểm' }).click();
    await dossier.getByText('Nguồn gốc ý tưởng sản phẩm tại địa phương: Không đạt').waitFor();
    const criteria: { code: string; max: number; title: { vi: string } }[] = (await (await fetch(`${stack.url}/v1/ocop-criteria`)).json()).items;
    for (const c of criteria) await card.getByLabel(`${c.code} ${c.title.vi}`, { exact: true }).fill(String(c.max));
    await card.getByText('Tổng 100 · ★★★★★').waitFor();
    await card.getByLabel('Người chấm').fill('Hội đồng OCOP tỉnh');
    await check(staff, 'score-sheet-beside-dossier');
    await card.getByRole('button', { name: 'Lưu phiếu chấm' }).click();
    await card.waitFor({ state: 'detached' });

    // 100 points: proposed centrally; staff record the Ministry's decision. A malformed number is refused at its field.
    await staff.getByLabel('Trạng thái').selectOption('NATIONAL_PENDING');
    await card.getByRole('heading', { name: /Quyết định công nhận 5 sao của Trung ương/ }).waitFor();
    const number = card.getByLabel('Số quyết định');
    await number.fill('12 QD BNN');
    await card.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await card.getByText('Số quyết định có dạng 5445/QĐ-UBND.').waitFor();
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await number.getAttribute('aria-describedby')).toMatch(/number-error/);
    expect(await staff.getByText('VALIDATION_FAILED').count()).toBe(0);
    await check(staff, 'central-decision-error');
    await number.fill(`${run}/QĐ-BNNMT`);
    await card.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await staff.getByText(`Đã ghi nhận quyết định ${run}/QĐ-BNNMT cho ${product}.`).waitFor();
    const decided = await call<{ status: string; decision: { number: string; certificateNumber: string } }>('GET', `/v1/certification-applications/${application.id}`);
    expect(decided.status).toBe('DECIDED');
    fiveStar = await call<Certificate>('GET', `/v1/certificates/${decided.decision.certificateNumber}`);
    expect(fiveStar).toMatchObject({ stars: 5, status: 'VALID', issuer: 'Bộ Nông nghiệp và Môi trường' });
    await staff.getByLabel('Trạng thái').selectOption('DECIDED');
    await card.getByRole('link', { name: fiveStar.number }).waitFor();
  });

  it('checks certificates on a phone: valid and expiring as genuine, revoked and unknown plainly, a forged QR refused', async () => {
    const page = await newPage(PHONE);
    // Valid: the QR of the 5★ certificate.
    await page.goto(`${stack.url}/verify?token=${qrToken(fiveStar)}`);
    const verdict = page.locator('.verdict');
    await verdict.getByRole('heading', { name: 'Giấy chứng nhận thật, còn hiệu lực' }).waitFor();
    await verdict.getByText(product).waitFor();
    await verdict.getByText('★★★★★ (5 sao)').waitFor();
    await verdict.getByText(dayOf(fiveStar.validUntil), { exact: true }).waitFor();
    expect(await verdict.innerText()).not.toMatch(/VALID|T00:00|Z\b/);
    await check(page, 'verify-valid-phone');

    // Expiring: a VietGAP certificate with 15 days left.
    const from = new Date(Date.now() - 705 * 86_400_000);
    const until = new Date(from.getTime() + 720 * 86_400_000);
    const expiring = await call<Certificate>('POST', '/v1/certificates', {
      scheme: 'VIETGAP',
      businessId,
      productId: fiveStar.productId,
      decisionNumber: `${run}/QĐ-SNN`,
      decisionDate: isoDay(from),
      issuer: 'Sở Nông nghiệp và Môi trường',
      validFrom: isoDay(from),
      validUntil: isoDay(until),
    });
    await page.goto(`${stack.url}/verify?token=${qrToken(expiring)}`);
    await verdict.getByRole('heading', { name: /Giấy chứng nhận thật, còn hiệu lực nhưng sắp hết hạn \(1[45] ngày nữa\)/ }).waitFor();
    await verdict.getByText('Sắp hết hạn', { exact: true }).waitFor();
    await check(page, 'verify-expiring-phone');

    // Revoked: typed by its number, as printed on a package.
    const revoked = await call<Certificate>('POST', '/v1/certificates', {
      scheme: 'VIETGAP',
      businessId,
      productId: fiveStar.productId,
      decisionNumber: `${Number(run) + 1}/QĐ-SNN`,
      decisionDate: isoDay(new Date(Date.now() - 10 * 86_400_000)),
      issuer: 'Sở Nông nghiệp và Môi trường',
      validUntil: isoDay(new Date(Date.now() + 300 * 86_400_000)),
    });
    await call('POST', `/v1/certificates/${revoked.number}:revoke`, { reason: 'Cơ sở không còn đạt VietGAP' });
    await page.goto(`${stack.url}/verify`);
    // Without a token or a number the page asks for one; it does not call anything "not genuine".
    expect(await page.locator('.verdict').count()).toBe(0);
    await page.getByLabel('Số giấy chứng nhận').fill(revoked.number.toLowerCase());
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await verdict.getByRole('heading', { name: 'Giấy chứng nhận đã bị thu hồi' }).waitFor();
    // The reason staff typed is theirs (issue 20, finding 3: reasons are `internal-reasons`): the public is told
    // plainly that the certificate was revoked, not why.
    expect(await verdict.getByText('Cơ sở không còn đạt VietGAP').count()).toBe(0);
    await check(page, 'verify-revoked-phone');

    // Forged: the 5★ certificate's token with its claims changed (the signature no longer holds).
    const [header, , signature] = qrToken(fiveStar).split('.');
    const altered = Buffer.from(JSON.stringify({ number: fiveStar.number, productId: 'another', businessId, scheme: 'OCOP', stars: 5, validFrom: fiveStar.validFrom, validUntil: '2099-01-01T00:00:00.000Z' })).toString('base64url');
    await page.goto(`${stack.url}/verify?token=${header}.${altered}.${signature}`);
    await page.getByRole('heading', { name: 'Mã QR không hợp lệ hoặc đã bị sửa: đây không phải giấy chứng nhận thật.' }).waitFor();
    await check(page, 'verify-forged-phone');

    await page.getByLabel('Số giấy chứng nhận').fill('OCOP-2026-999999-0');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Không có giấy chứng nhận số OCOP-2026-999999-0 trong hệ thống.' }).waitFor();
    const desktop = await newPage();
    await desktop.goto(`${stack.url}/verify?number=${fiveStar.number}`);
    await desktop.getByRole('heading', { name: 'Giấy chứng nhận thật, còn hiệu lực' }).waitFor();
    await check(desktop, 'verify-valid');
  });

  it('shows a business page with its full address, industry names, listed products and badges that open the check', async () => {
    const business = await call<{ legalName: string; tradeName?: string; address: { street: string; wardName: string; provinceName: string }; industries: { code: string; name: string }[] }>(
      'GET',
      `/v1/businesses/${businessId}`,
    );
    const page = await newPage();
    // The badge arrives with the registry's copy of the certificate events.
    let badge = page.getByRole('link', { name: new RegExp(`^Kiểm tra giấy chứng nhận .*${fiveStar.number}`) });
    for (let i = 0; i < 60; i++) {
      await page.goto(`${stack.url}/businesses/${businessId}`);
      await page.getByRole('heading', { name: 'Sản phẩm' }).waitFor();
      if ((await badge.count()) > 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await page.getByText(`${business.address.street}, ${business.address.wardName}, ${business.address.provinceName}`).waitFor();
    await page.locator('dd li', { hasText: business.industries[0]!.name }).first().waitFor();
    const listed = page.locator('.cards > .card', { hasText: product });
    await listed.waitFor();
    badge = listed.getByRole('link', { name: new RegExp(`^Kiểm tra giấy chứng nhận .*${fiveStar.number}`) });
    expect(await badge.innerText()).toContain(product);
    expect(await badge.innerText()).toContain('OCOP ★★★★★');
    await check(page, 'business-page-full');
    await badge.click();
    await page.waitForURL(/\/verify\?number=/);
    await page.getByRole('heading', { name: 'Giấy chứng nhận thật, còn hiệu lực' }).waitFor();
    await checkOnPhone(`${stack.url}/businesses/${businessId}`, 'business-page', (p) => p.locator('.cards > .card', { hasText: product }).waitFor());
  });

  it('shows the directory with names and the first result above the fold of a 390×844 phone, and filters by names typed in full', async () => {
    const phone = await checkOnPhone(`${stack.url}/`, 'directory-compact', (p) => p.locator('.cards > .card').first().waitFor());
    const header = await phone.locator('header.top').boundingBox();
    expect(header!.height).toBeLessThan(120);
    // The first result's name and first lines are on the first screen.
    const first = await phone.locator('.cards > .card').first().boundingBox();
    expect(first!.y + Math.min(first!.height, 90)).toBeLessThanOrEqual(PHONE.height);
    expect(await phone.getByRole('link', { name: 'Tài liệu API' }).count()).toBe(0);

    const page = await newPage();
    await page.goto(`${stack.url}/`);
    const province = page.getByRole('combobox', { name: 'Tỉnh/thành' });
    await province.pressSequentially('Vĩnh Long');
    await page.getByRole('option', { name: /^Vĩnh Long/ }).click();
    expect(await province.inputValue()).toBe('Vĩnh Long');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/province=86/);
    expect(await page.getByRole('combobox', { name: 'Tỉnh/thành' }).inputValue()).toBe('Vĩnh Long');
    await page.locator('.cards > .card').first().waitFor();
    const addresses = await page.locator('.cards > .card > p:not(.muted)').allInnerTexts();
    expect(addresses.some((a) => a.endsWith(', Vĩnh Long'))).toBe(true);
    await check(page, 'directory-filtered');
  });

  it('opens a fair card to its details, with statuses and dates in Vietnamese', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/fairs`);
    const card = page.locator('.cards > .card').first();
    await card.waitFor();
    expect(await card.innerText()).not.toMatch(/\b(OPEN|DRAFT|PUBLISHED|ALLOCATING)\b|\d{4}-\d{2}-\d{2}/);
    await card.getByRole('button', { name: 'Xem chi tiết' }).click();
    await card.getByText('Phí gian hàng').waitFor();
    await card.getByText('Nhận đăng ký', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Thu gọn' }).getAttribute('aria-expanded')).toBe('true');
    await check(page, 'fair-details');
    await checkOnPhone(`${stack.url}/fairs`, 'fairs', (p) => p.locator('.cards > .card').first().waitFor());
  });

  it('shows a weak password refused at its field, in Vietnamese', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${stack.url}/signup`);
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await page.getByLabel('E-mail').fill(`binh.${run}@example.vn`);
    await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('ngan');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Mật khẩu cần ít nhất 10 ký tự.').waitFor();
    const password = page.getByLabel('Mật khẩu (ít nhất 10 ký tự)');
    expect(await password.getAttribute('aria-describedby')).toBe('password-error');
    expect(await page.getByText(/invalid fields|VALIDATION_FAILED/).count()).toBe(0);
    await check(page, 'signup-error-phone');
  });

  it('sends the console script and JSON compressed through the gateway', async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const encodingOf = (path: string) =>
      new Promise<{ encoding?: string; type?: string }>((resolve, reject) => {
        const req = request(`${stack.url}${path}`, { headers: { 'accept-encoding': 'gzip, br', accept: 'application/json, */*' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], type: res.headers['content-type'] }));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await encodingOf(script)).toMatchObject({ encoding: 'br' });
    expect(await encodingOf('/v1/provinces')).toMatchObject({ encoding: 'br', type: expect.stringMatching(/^application\/json/) });
  });
});
