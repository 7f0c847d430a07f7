// `npm run bench:console`: for each main page of the console, what the browser transfers (JavaScript and CSS,
// as sent: compressed when the gateway compresses) and the time until the page's main heading is on screen,
// in headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium) against the gateway serving the built console
// on loopback. Each page loads 5 times in a fresh context (cold cache); the median is printed. The gateway
// runs alone (no upstream services): the pages' headings render before their data, so the figure is the
// console's own cost, not the services'.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureDevKeys } from '@hangviet/service-kit';

const root = join(import.meta.dirname, '..');
const RUNS = 5;
const PAGES = [
  ['directory (first page)', '/'],
  ['fair calendar', '/fairs'],
  ['sign-up', '/signup'],
  ['staff: venues', '/staff/venues'],
  ['staff: fairs', '/staff/fairs'],
  ['staff: counterfeit reports', '/staff/reports'],
];

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const keys = mkdtempSync(join(tmpdir(), 'bench-console-'));
await ensureDevKeys(keys);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const mongo = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
mongo.pathname = `/bench_console_${process.pid}`;
const gateway = spawn(process.execPath, ['dist/main.js'], {
  cwd: join(root, 'services', 'gateway'),
  env: {
    ...process.env, HTTP_PORT: String(port), PUBLIC_URL: url, AUTH_ISSUER: `${url}/oidc`, AUTH_JWKS_FILE: join(keys, 'jwks.json'),
    IDENTITY_PRIVATE_JWK_FILE: join(keys, 'private.jwk'), MONGO_URL: mongo.toString(), UPSTREAMS: '{}', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the gateway did not get ready in 60 s');
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows = [];
  for (const [name, path] of PAGES) {
    const js = [];
    const css = [];
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      const sizes = { script: 0, stylesheet: 0 };
      const pending = [];
      page.on('requestfinished', (request) => {
        const type = request.resourceType();
        if (type === 'script' || type === 'stylesheet') pending.push(request.sizes().then((s) => (sizes[type] += s.responseBodySize)));
      });
      const start = performance.now();
      await page.goto(`${url}${path}`);
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - start);
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      js.push(sizes.script);
      css.push(sizes.stylesheet);
      await context.close();
    }
    rows.push({ page: name, path, js: kb(median(js)), css: kb(median(css)), 'to main content': `${median(times).toFixed(0)} ms` });
  }
  await browser.close();
  console.table(rows);
  console.log(`median of ${RUNS} cold loads each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
} finally {
  gateway.kill('SIGTERM');
  rmSync(keys, { recursive: true, force: true });
}
