// What the journeys share: pages in Vietnamese, axe and screenshots on the desktop and at 390 × 844, sign-in
// through the identity's form, mailed links, the API for the set-up a journey does not click through.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { screenshot, seriousViolations } from './browser';
import type { Stack } from './stack';

/** The smallest file the registry takes as a PDF (it checks the bytes against the type). */
export const CERTIFICATE_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export class Journey {
  private readonly contexts: BrowserContext[] = [];
  constructor(
    readonly stack: Stack,
    readonly browser: Browser,
  ) {}

  async page(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
    // Many workspaces' tests run at once on a small machine: allow for load, not for a missing page.
    context.setDefaultTimeout(60_000);
    this.contexts.push(context);
    return context.newPage();
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
  }

  /** Axe (no serious or critical violation) and a screenshot, on the desktop and at 390 × 844 (no sideways scroll). */
  async check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await screenshot(page, name);
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
    const desktop = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await screenshot(page, `${name}-phone`);
    expect({ page: `${name}-phone`, violations: await seriousViolations(page) }).toEqual({ page: `${name}-phone`, violations: [] });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ page: `${name}-phone`, width: Math.min(width, 390) }).toEqual({ page: `${name}-phone`, width });
    await page.setViewportSize(desktop);
  }

  /** From any page: the header's sign-in, then the identity's form. */
  async signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByRole('button', { name: 'Đăng nhập' }).first().click();
    await page.waitForURL(/\/signin\/[^/]+$/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await page.getByRole('button', { name: /Đăng xuất/ }).waitFor();
  }

  /** The access token of the tab's session (oidc-client-ts keeps the user in sessionStorage). */
  async tokenOf(page: Page): Promise<string> {
    const raw = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.startsWith('oidc.user:'))?.[1]);
    return (JSON.parse(raw!) as { access_token: string }).access_token;
  }

  async mailLink(to: string, path: string): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const message = this.stack.mail.messages().find((m) => m.To.some((a) => a.Address === to) && m.Text.includes(path));
      if (message) return new RegExp(`https?://\\S+${path}\\S+`).exec(message.Text)![0];
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail with ${path} reached ${to}`);
  }

  async api<T = unknown>(method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (Buffer.isBuffer(body)) init.body = new Uint8Array(body);
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    if (method === 'POST' && !(init.headers as Record<string, string>)['idempotency-key']) (init.headers as Record<string, string>)['idempotency-key'] = randomUUID();
    // A kept-alive socket the loaded gateway closed fails the first try; the same Idempotency-Key makes the retry safe.
    const res = await fetch(`${this.stack.url}${path}`, init).catch(async () => {
      await new Promise((r) => setTimeout(r, 500));
      return fetch(`${this.stack.url}${path}`, init);
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Retries while the services catch up with each other's events (projections are eventually consistent). */
  async eventually<T>(what: string, fn: () => Promise<T>, tries = 150): Promise<T> {
    let last: unknown;
    for (let i = 0; i < tries; i++) {
      try {
        return await fn();
      } catch (err) {
        last = err;
        await new Promise((r) => setTimeout(r, 400));
      }
    }
    throw new Error(`${what}: ${String(last)}`);
  }

  /** An enterprise account through sign-up and the mailed verification (the identity's REST). */
  async enterpriseAccount(email: string, password: string, name: string): Promise<void> {
    await this.api('POST', '/identity/v1/accounts', undefined, { email, password, name, locale: 'vi' });
    const link = new URL(await this.mailLink(email, '/verify-email'));
    await this.api('POST', '/identity/v1/accounts:verifyEmail', undefined, { token: link.searchParams.get('token') });
  }

  /**
   * A listed business of the account behind `token` (its own registration, with the certificate, approved by
   * staff) and one product of it, once trade fairs know both.
   */
  async listedBusiness(token: string, businessId: string, taxCode: string, legalName: string, staffToken: string): Promise<{ productId: string }> {
    await this.api('POST', '/v1/businesses', token, {
      taxCode, type: 'COMPANY', legalName, address: { provinceCode: '86', wardCode: '28903', street: '1 Quốc lộ 60' },
      industries: [{ edition: '2025', code: '1073', main: true }],
    });
    await this.api('PUT', `/v1/businesses/${businessId}/evidence`, token, CERTIFICATE_PDF, { 'content-type': 'application/pdf' });
    await this.api('POST', `/v1/businesses/${businessId}:approve`, staffToken, {});
    const product = await this.api<{ id: string }>('POST', '/v1/products', token, { businessId, name: `Kẹo dừa ${legalName.slice(-4)}`, group: 'FOOD' });
    return { productId: product.id };
  }
}
