// Shared pieces of the integration tests: the service on the shared harness with a local mail sink, local
// webhook receivers, event fixtures, and a fetch helper.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BusinessApproved, BusinessRegistered } from '@hangviet/events/catalog';
import { startServiceHarness } from '@hangviet/service-testing';
import { notificationService, type NotificationOverrides } from '../src/service';
import { startMailSink } from '../../../deploy/local/mail-sink/mail-sink';

export const REGISTRY_TOPIC = 'hangviet.registry.business';
export const DELIVERY_TOPIC = 'hangviet.notification.delivery';

/** Notification on the shared harness, with a local mail sink as its SMTP server. */
export async function startNotification(label: string, env: Record<string, string> = {}, opts: NotificationOverrides = {}) {
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const h = await startServiceHarness(notificationService(opts), {
    label,
    // Every catalogue topic under this file's prefix: the registry's events, and the service's own operational
    // events, which it publishes and consumes back.
    env: ({ scope }) => ({
      NODE_ENV: 'test',
      CONSUMER_GROUP: scope.group('notification'),
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      // Nothing listens here: a business unknown to the copy is unknown (the gRPC fallback is tested with the registry).
      BUSINESS_REGISTRY_GRPC_ADDRESS: '127.0.0.1:1',
      WORKER_POLL_INTERVAL: '100ms',
      WORKER_CONCURRENCY: '4',
      ...env,
    }),
  });
  return {
    ...h,
    mail,
    /** Records an ACTIVE business and its owner in the service's copy of the directory, as its approval event would (default owner: the dev token's subject). */
    async knowBusiness(businessId: string, ownerSubject = `dev-enterprise-${businessId}`) {
      await h.parts.deps.businesses.record({ id: businessId, name: businessId, status: 'ACTIVE', provinceCode: '86', ownerSubject, version: 2, updateTime: new Date() });
    },
    async stop() {
      // The database is dropped after the workers stopped, so none of them recreates a collection afterwards.
      await h.stop();
      await mail.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startNotification>>;

export function approvedEvent(businessId: string, opts: { email?: string; locale?: string; name?: string } = {}) {
  return BusinessApproved.codec.fromJSON({
    business: {
      id: businessId,
      taxCode: '0101234567',
      legalName: 'Công ty TNHH Gốm Bát Tràng',
      tradeName: opts.name ?? 'Gốm Bát Tràng',
      contactEmail: opts.email ?? 'lienhe@gombattrang.vn',
      preferredLocale: opts.locale ?? 'vi',
      status: 'BUSINESS_STATUS_ACTIVE',
      ownerSubject: `dev-enterprise-${businessId}`,
      version: '2',
    },
    actorSubject: 'staff-1',
    occurredTime: new Date().toISOString(),
  });
}

export function registeredEvent(businessId: string) {
  return BusinessRegistered.codec.fromJSON({
    business: { id: businessId, taxCode: '0109999999', legalName: 'HTX Chè Tân Cương', contactEmail: 'htx@chetancuong.vn', preferredLocale: 'vi', ownerSubject: `dev-enterprise-${businessId}`, version: '1' },
    actorSubject: 'owner-1',
  });
}

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  at: number;
}

/** A webhook receiver on 127.0.0.1: answers each request with the next status of `statuses` (the last repeats). */
export async function startReceiver(statuses: number[] = [204]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 204;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The receivers a test file starts, closed together in its afterAll. */
export function receiverPool() {
  const open: { close(): Promise<void> }[] = [];
  return {
    async start(statuses?: number[]) {
      const r = await startReceiver(statuses);
      open.push(r);
      return r;
    },
    closeAll: async () => void (await Promise.all(open.splice(0).map((r) => r.close()))),
  };
}

export async function api(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown> & { [k: string]: unknown }) : {}, headers: res.headers };
}
