// POSTs a signed webhook. Connections go through the SSRF guard's lookup, so the address the socket
// opens is the one that was checked; redirects are not followed (a 3xx is a failed attempt).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SsrfGuard } from './ssrf-guard';

export interface WebhookResponse {
  statusCode: number;
  /** The first 4 KiB, for the attempt log. */
  body: string;
}

const MAX_BODY = 4096;

export interface WebhookClient {
  post(url: string, body: string, headers: Record<string, string>): Promise<WebhookResponse>;
}

export function createWebhookClient(opts: { guard: SsrfGuard; timeoutMs: number; userAgent?: string }): WebhookClient {
  return {
    async post(target, body, headers) {
      const { url } = await opts.guard.check(target);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<WebhookResponse>((resolve, reject) => {
        const req = send(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'user-agent': opts.userAgent ?? 'hangviet-webhooks/1',
              ...headers,
            },
            lookup: opts.guard.lookup,
            // A fresh connection per attempt: a pooled socket would skip the lookup check.
            agent: false,
            timeout: opts.timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              if (size < MAX_BODY) chunks.push(chunk);
              size += chunk.length;
            });
            res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY) }));
            res.on('error', reject);
          },
        );
        // The whole exchange, not only the idle time, must fit in the timeout.
        const deadline = setTimeout(() => req.destroy(new Error(`no response within ${opts.timeoutMs} ms`)), opts.timeoutMs);
        req.on('close', () => clearTimeout(deadline));
        req.on('timeout', () => req.destroy(new Error(`no response within ${opts.timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
      });
    },
  };
}
