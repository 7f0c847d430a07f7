// /v1/* passed to the service that declares the route. The request id goes on as X-Request-Id, trace
// context as `traceparent` (the incoming one, or the gateway's span's under telemetry), the client's address
// as X-Forwarded-* — the address, host and scheme as this gateway determined them (a client's own
// X-Forwarded-* count only from a proxy TRUST_PROXY lists), never a chain a client wrote. An unreachable
// service is 503 UPSTREAM_UNAVAILABLE, a slow one 504 UPSTREAM_TIMEOUT; a service that answers before it
// has read the whole body (401, 413, 415) has that answer relayed (kept-alive connections to the services, see below).
import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { problemOf, sendProblem } from '@hangviet/service-kit';
import type { RouteEntry, RouteTable } from './route-table';

type Routed = Request & { upstream?: RouteEntry };

const keepAliveAgent = new Agent({ keepAlive: true, maxFreeSockets: 64 });

export function apiProxy(table: RouteTable, opts: { timeoutMs: number; maxBodyBytes: number }): RequestHandler {
  const proxy = createProxyMiddleware<Request, Response>({
    router: (req) => (req as Routed).upstream!.target,
    // Kept-alive connections: a service that answers before reading a whole upload (its 401/413/415)
    // then drains the rest and keeps the connection, where on a `Connection: close` request it would
    // close mid-upload and the gateway would lose its answer to the failed write (EPIPE).
    agent: keepAliveAgent,
    changeOrigin: false,
    xfwd: false,
    proxyTimeout: opts.timeoutMs,
    timeout: opts.timeoutMs,
    on: {
      proxyReq: (proxyReq, req) => {
        const r = req as Routed;
        proxyReq.setHeader('x-request-id', r.requestId);
        proxyReq.removeHeader('forwarded');
        // Hop-by-hop: the client's `Connection: close` is about its connection to the gateway, not this one.
        proxyReq.setHeader('connection', 'keep-alive');
        proxyReq.setHeader('x-forwarded-for', r.ip ?? r.socket.remoteAddress ?? '');
        proxyReq.setHeader('x-forwarded-proto', r.protocol);
        proxyReq.setHeader('x-forwarded-host', r.host ?? '');
        // The host parsed JSON bodies already (its 100kb limit): send what it parsed.
        fixRequestBody(proxyReq, req);
      },
      error: (err, req, res) => {
        const response = res as ServerResponse<IncomingMessage>;
        if ('status' in response) answerFailure(err, req as Routed, response);
      },
    },
  });

  function answerFailure(err: Error, req: Routed, response: ServerResponse<IncomingMessage>): void {
    if (response.headersSent) return void response.destroy();
    const code = (err as NodeJS.ErrnoException).code;
    const timedOut = code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
    const service = req.upstream?.service ?? 'unknown';
    sendProblem(
      response as unknown as Response,
      timedOut
        ? problemOf(req, 504, 'UPSTREAM_TIMEOUT', `The ${service} service did not answer in time.`)
        : problemOf(req, 503, 'UPSTREAM_UNAVAILABLE', `The ${service} service is not reachable; try again shortly.`),
    );
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/v1/')) return next();
    const upstream = table.match(req.path);
    if (!upstream) return sendProblem(res, problemOf(req, 404, 'ROUTE_NOT_FOUND', `No service serves ${req.path}.`));
    const length = Number(req.get('content-length') ?? 0);
    if (length > opts.maxBodyBytes) {
      return sendProblem(res, problemOf(req, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${opts.maxBodyBytes} bytes.`));
    }
    (req as Routed).upstream = upstream;
    return proxy(req, res, next);
  };
}
