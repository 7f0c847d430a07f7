// The webhook client against local receivers on 127.0.0.1 (allowlisted, as in local runs): kept-alive
// connections, the SSRF check on every attempt even when a connection is pooled, and a pooled
// connection the receiver dropped.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { createSsrfGuard, TargetRefused } from './ssrf-guard';
import { createWebhookClient, type WebhookClient } from './webhook-client';

interface Receiver {
  port: number;
  connections: number;
  requests: number;
  close(): Promise<void>;
}

async function receiver(handle: (req: IncomingMessage, res: ServerResponse, nthOnConnection: number) => void): Promise<Receiver> {
  const state = { connections: 0, requests: 0 };
  const perSocket = new WeakMap<object, number>();
  const server: Server = createServer((req, res) => {
    state.requests++;
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    req.resume();
    req.on('end', () => handle(req, res, n));
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let answer: LookupAddress[] = [];
const guard = createSsrfGuard({ allowCidrs: ['127.0.0.0/8'], resolveAll: async () => answer });
let client: WebhookClient;
const open: Receiver[] = [];

beforeEach(() => {
  answer = [{ address: '127.0.0.1', family: 4 }];
  client = createWebhookClient({ guard, timeoutMs: 5_000 });
});
afterEach(async () => {
  client.close();
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function start(handle: Parameters<typeof receiver>[0]) {
  const r = await receiver(handle);
  open.push(r);
  return r;
}

describe('webhook client', () => {
  it('keeps no reply of an internal (allowlisted private or loopback) target for the attempt log (issue 12, item 7)', async () => {
    const r = await start((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"internal":"database credentials and stack"}'));
    await expect(client.post(`http://partner.test:${r.port}/hooks`, '{}', {})).resolves.toEqual({ statusCode: 500, body: '' });
  });

  it('sends consecutive attempts to one receiver over one kept-alive connection', async () => {
    const r = await start((_req, res) => res.writeHead(204).end());
    for (let i = 0; i < 3; i++) {
      await expect(client.post(`http://partner.test:${r.port}/hooks`, '{}', {})).resolves.toEqual({ statusCode: 204, body: '' });
    }
    expect(r.requests).toBe(3);
    expect(r.connections).toBe(1);
  });

  it('checks the target on every attempt: a pooled connection does not carry a host that now resolves to a private address', async () => {
    const r = await start((_req, res) => res.writeHead(204).end());
    await client.post(`http://partner.test:${r.port}/hooks`, '{}', {});
    answer = [{ address: '10.0.0.7', family: 4 }];
    await expect(client.post(`http://partner.test:${r.port}/hooks`, '{}', {})).rejects.toThrow(TargetRefused);
    expect(r.requests).toBe(1);
  });

  it('sends once more on a fresh connection when the receiver drops a kept-alive one without answering', async () => {
    // Answers the first request of each connection and drops the connection on any later one.
    const r = await start((req, res, n) => (n === 1 ? res.writeHead(204).end() : req.socket.destroy()));
    await client.post(`http://partner.test:${r.port}/hooks`, '{}', {});
    await expect(client.post(`http://partner.test:${r.port}/hooks`, '{}', {})).resolves.toMatchObject({ statusCode: 204 });
    expect(r.connections).toBe(2);
  });

  it('does not send again when the receiver had begun to answer on the kept-alive connection it then dropped', async () => {
    const r = await start((req, res, n) => {
      if (n === 1) return res.writeHead(204).end();
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 10);
    });
    await client.post(`http://partner.test:${r.port}/hooks`, '{}', {});
    await expect(client.post(`http://partner.test:${r.port}/hooks`, '{}', {})).rejects.toThrow();
    expect(r.requests).toBe(2);
    expect(r.connections).toBe(1);
  });
});
