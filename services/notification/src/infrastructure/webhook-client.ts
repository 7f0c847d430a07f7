// POSTs a signed webhook. Every attempt first resolves and checks the URL's host (ssrf-guard), new
// connections go through the guard's own lookup, so the address a socket opens is one that was
// checked, and a kept-alive connection is reused only after its peer address passes the check again.
// Keep-alive spares a TCP (and TLS) handshake per attempt, on both sides. Redirects are not followed
// (a 3xx is a failed attempt).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SsrfGuard } from './ssrf-guard';

export interface WebhookResponse {
  statusCode: number;
  /** The first 4 KiB, for the attempt log. */
  body: string;
}

const MAX_BODY = 4096;
/** Idle kept-alive connections close after this (sooner when the receiver announces a shorter keep-alive). */
const IDLE_MS = 4_000;

export interface WebhookClient {
  post(url: string, body: string, headers: Record<string, string>): Promise<WebhookResponse>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export function createWebhookClient(opts: { guard: SsrfGuard; timeoutMs: number; userAgent?: string }): WebhookClient {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' }),
  };

  /** One exchange; `pooled: false` opens a connection of its own. */
  const exchange = (url: URL, body: string, headers: Record<string, string>, pooled: boolean) =>
    new Promise<WebhookResponse>((resolve, reject) => {
      let responded = false;
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req: ClientRequest = send(
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
          agent: pooled ? agents[url.protocol as 'http:' | 'https:'] : false,
          timeout: opts.timeoutMs,
        },
        (res) => {
          responded = true;
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
      req.on('error', (err) => reject(Object.assign(err, { staleConnection: req.reusedSocket && !responded })));
      req.on('socket', (socket) => {
        if (req.reusedSocket) {
          // A pooled connection skipped the lookup: its peer must pass the check before a byte is sent.
          try {
            opts.guard.checkAddress(url.hostname, socket.remoteAddress ?? '');
          } catch (err) {
            req.destroy(err as Error);
            return;
          }
        }
        req.end(body);
      });
    });

  return {
    async post(target, body, headers) {
      const { url } = await opts.guard.check(target);
      try {
        return await exchange(url, body, headers, true);
      } catch (err) {
        // A kept-alive connection the receiver closed while it sat idle fails at once, without an
        // answer: send once more on a connection of its own (Node's documented pattern). Should the
        // receiver have read the first one after all, it deduplicates on webhook-id, as for any retry.
        const { staleConnection, code } = err as { staleConnection?: boolean; code?: string };
        if (staleConnection && (code === 'ECONNRESET' || code === 'EPIPE')) return exchange(url, body, headers, false);
        throw err;
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
