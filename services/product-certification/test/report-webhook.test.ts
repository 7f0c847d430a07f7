// A counterfeit report filed by the public and forwarded by staff reaches a subscribed partner's webhook
// once, through the real notification service (Kafka → signed CloudEvents POST to a local receiver).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationService } from '@hangviet/notification/dist/service';
import { mintDevToken } from '@hangviet/service-kit';
import { bearer, eventually, startServiceHarness } from '@hangviet/service-testing';
import { startCertification, type Harness } from './support/start-certification';
import { expectOk } from './support/ocop';

let h: Harness;
let notification: { service: { httpPort: number }; stop(): Promise<void> };
let receiver: Server;
const deliveries: { type: string; subject: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      deliveries.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  h = await startCertification('cert-reports', { REPORT_RATE_LIMIT: '3' });
  // On the certification harness's topic prefix and key pair: one token minter for both services.
  notification = await startServiceHarness(notificationService(), {
    label: 'cert-reports-notification',
    share: { keys: h.keys },
    env: ({ scope }) => ({
      NODE_ENV: 'test',
      KAFKA_TOPIC_PREFIX: h.config.KAFKA_TOPIC_PREFIX,
      CONSUMER_GROUP: scope.group('notification'),
      WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8',
      WORKER_POLL_INTERVAL: '100ms',
    }),
  });
}, 120_000);

afterAll(async () => {
  await notification?.stop();
  await h?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
}, 60_000);


it('delivers a forwarded counterfeit report to the subscribed partner once', async () => {
  const partner = await mintDevToken({ role: 'partner', partnerId: 'market-surveillance', subject: 'qltt' }, h.keys);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const subscribed = await fetch(`http://127.0.0.1:${notification.service.httpPort}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}` },
    body: JSON.stringify({ url, eventTypes: ['hangviet.certification.report.*'], description: 'market surveillance' }),
  });
  expect(subscribed.status).toBe(201);

  const filed = await expectOk(
    await h.http.post('/v1/reports').send({ certificateNumber: 'OCOP-2026-000001-7', provinceCode: '79', shop: 'Sạp 12, chợ Bến Thành', description: 'Kẹo dừa dán tem OCOP 4 sao giả, bao bì in sai' }),
    201,
  );
  const staff = await h.token({ role: 'staff', subject: 'secretariat-1' });
  const id = filed.body.id as string;
  await expectOk(await h.http.post(`/v1/reports/${id}:forward`).set(bearer(staff)).send({ partner: 'market-surveillance', note: 'Đề nghị kiểm tra' }));
  await expectOk(await h.http.post(`/v1/reports/${id}:close`).set(bearer(staff)).send({ resolution: 'Đã chuyển Chi cục QLTT xử lý' }));

  // The close comes after the forward on the same key: once it has arrived, a duplicate forward would have too.
  await eventually(async () => { const types = await deliveries.filter((d) => d.subject === id).map((d) => d.type); return (types.includes('hangviet.certification.report.closed.v1')) && types; }, 'types.includes(\'hangviet.certification.report.closed.v1\')');
  const forwarded = deliveries.filter((d) => d.subject === id && d.type === 'hangviet.certification.report.forwarded.v1');
  expect(forwarded).toHaveLength(1);
  expect(forwarded[0]!.data).toMatchObject({ partner: 'market-surveillance', report: { id, shop: 'Sạp 12, chợ Bến Thành', status: 'REPORT_STATUS_FORWARDED' } });
  expect(JSON.stringify(forwarded[0])).not.toContain('contact');
});

it('limits public reports per client with a counter in the database (shared by instances), answering 429 problem+json', async () => {
  const body = { productId: 'p-unknown', url: 'https://shop.example/keo-dua', description: 'Hàng nhái nhãn hiệu kẹo dừa' };
  const statuses: number[] = [];
  // The first test filed one from this client; the limit is 3 per window.
  for (let i = 0; i < 3; i++) statuses.push((await h.http.post('/v1/reports').send(body)).status);
  expect(statuses).toEqual([201, 201, 429]);
  const refused = await h.http.post('/v1/reports').send(body);
  expect(refused.headers['content-type']).toContain('application/problem+json');
  expect(refused.body.code).toBe('RATE_LIMITED');
});
