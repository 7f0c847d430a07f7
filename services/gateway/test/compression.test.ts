// The gateway compresses what it sends when the client accepts it: the console's scripts (served from
// CONSOLE_DIR) and the services' JSON answers passed through the proxy; server-sent events stay as written.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ensureDevKeys, loadConfig, startService, type RunningService } from '@hangviet/service-kit';
import { testScope } from '@hangviet/testing';
import { configSchema, type GatewayConfig } from '../src/config';
import { gateway } from '../src/service';

jest.setTimeout(60_000);

const items = Array.from({ length: 200 }, (_, i) => ({ id: `b-${i}`, legalName: `Công ty TNHH Kẹo dừa số ${i}`, provinceCode: '86' }));
const json = JSON.stringify({ items, nextPageToken: '' });
const script = `export const rows = ${JSON.stringify(items)};\n`.repeat(4);

let upstream: Server;
let dir: string;
let running: RunningService<GatewayConfig, unknown>;
let base: string;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    if (req.url?.startsWith('/v1/events')) {
      res.setHeader('content-type', 'text/event-stream');
      return res.end(`data: ${json}\n\n`);
    }
    res.setHeader('content-type', 'application/json');
    res.end(json);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  dir = await mkdtemp(join(tmpdir(), 'gateway-compression-'));
  await mkdir(join(dir, 'services', 'registry-like'), { recursive: true });
  await writeFile(
    join(dir, 'services', 'registry-like', 'package.json'),
    JSON.stringify({ name: 'registry-like', hangviet: { httpPort: (upstream.address() as AddressInfo).port, routes: ['/v1/businesses', '/v1/events'] } }),
  );
  await mkdir(join(dir, 'console', 'assets'), { recursive: true });
  await writeFile(join(dir, 'console', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(dir, 'console', 'assets', 'index.js'), script);
  await ensureDevKeys(join(dir, 'keys'));
  const scope = testScope('gateway-compression');
  const config = {
    ...loadConfig(configSchema, {
      MONGO_URL: scope.mongoUrl,
      LOG_LEVEL: 'silent',
      AUTH_JWKS_FILE: join(dir, 'keys', 'jwks.json'),
      IDENTITY_ENABLED: 'false',
      CONSOLE_DIR: join(dir, 'console'),
    }),
    HTTP_PORT: 0,
  };
  running = (await startService(gateway({ servicesDir: join(dir, 'services') }), { config, listenHost: '127.0.0.1' })) as RunningService<GatewayConfig, unknown>;
  base = `http://127.0.0.1:${running.httpPort}`;
});

afterAll(async () => {
  await running?.stop();
  await new Promise((r) => upstream?.close(r));
  await rm(dir, { recursive: true, force: true });
});

// fetch() would decode the body itself: node:http-level bytes are what travels.
async function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding, accept: '*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression at the gateway', () => {
  it('sends the console script brotli-compressed, smaller, and the same bytes once decoded', async () => {
    const res = await raw('/assets/index.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('gzips a service JSON answer passed through the proxy for a client without brotli', async () => {
    const res = await raw('/v1/businesses?pageSize=200', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString())).toEqual({ items, nextPageToken: '' });
  });

  it('sends plain bytes to a client that accepts no encoding, and leaves server-sent events uncompressed', async () => {
    const plain = await raw('/v1/businesses', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toBe(json);
    const events = await raw('/v1/events', 'gzip, br');
    expect(events.headers.get('content-encoding')).toBeNull();
    expect(events.body.toString()).toBe(`data: ${json}\n\n`);
  });
});
