// POSTs a signed webhook. Every attempt first resolves and checks the URL's host (ssrf-guard), new
// connections go through the guard's own lookup, so the address a socket opens is one that was
// checked, and a kept-alive connection is reused only after its peer address passes the check again.
// Keep-alive spares a TCP (and TLS) handshake per attempt, on both sides. Redirects are not followed
// (a 3xx is a failed attempt).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { portOf, type SsrfGuard } from './ssrf-guard';

export interface WebhookResponse {
  statusCode: number;
  /**
   * The first 256 bytes, for the attempt log; empty for an internal (operator-allowlisted private or loopback)
   * target, so a partner cannot read the platform's own services through the log (issue 12, item 7).
   */
  body: string;
}

export const MAX_BODY_EXCERPT = 256;
const MAX_BODY = MAX_BODY_EXCERPT;
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
  const exchange = (url: URL, body: string, headers: Record<string, string>, pooled: boolean, internal: boolean) =>
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
          lookup: opts.guard.lookupFor(portOf(url)),
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
          res.on('end', () =>
            resolve({ statusCode: res.statusCode ?? 0, body: internal ? '' : Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8').replace(/\ufffd+$/, '') }),
          );
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
            opts.guard.checkAddress(url.hostname, socket.remoteAddress ?? '', portOf(url));
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
      const { url, internal } = await opts.guard.check(target);
      try {
        return await exchange(url, body, headers, true, internal);
      } catch (err) {
        // A kept-alive connection the receiver closed while it sat idle fails at once, without an
        // answer: send once more on a connection of its own (Node's documented pattern). Should the
        // receiver have read the first one after all, it deduplicates on webhook-id, as for any retry.
        const { staleConnection, code } = err as { staleConnection?: boolean; code?: string };
        if (staleConnection && (code === 'ECONNRESET' || code === 'EPIPE')) return exchange(url, body, headers, false, internal);
        throw err;
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
