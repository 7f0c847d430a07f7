import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { reportOf, runScenario } from '@hangviet/testing';

interface Report {
  traceparent?: string;
  connections: string[];
}

interface Received {
  method?: string;
  url?: string;
  body: string;
}

let collector: Server;
let collectorUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  // A stand-in OTLP/HTTP collector: proves the scenario notices an exporter when there is one.
  collector = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

test('without OTEL_EXPORTER_OTLP_ENDPOINT a service traces but exports nothing, attempts no connection and prints nothing', async () => {
  const run = await runScenario(join(__dirname, 'scenarios', 'service-start.ts'), { OTEL_SERVICE_NAME: 'silence-check' });
  const report = reportOf<Report>(run);

  expect(report.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  expect(report.connections).toEqual([]);
  expect(run.stderr).toBe('');
});

test('with OTEL_EXPORTER_OTLP_ENDPOINT the spans go to the collector, under the service name', async () => {
  received.length = 0;
  const run = await runScenario(join(__dirname, 'scenarios', 'service-start.ts'), { OTEL_SERVICE_NAME: 'export-check', OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl });
  const report = reportOf<Report>(run);

  expect(report.connections).toContain(collectorUrl.replace('http://', ''));
  const traces = received.filter((r) => r.method === 'POST' && r.url === '/v1/traces');
  expect(traces).toHaveLength(1);
  const body = traces[0]!.body;
  expect(body).toContain('unit-of-work');
  expect(body).toContain('export-check');
  expect(body).toContain(report.traceparent!.split('-')[1]);
});
