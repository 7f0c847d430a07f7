// /v1/* passed to the service that declares the route. The request id goes on as X-Request-Id, trace
// context as `traceparent` (the incoming one, or the gateway's span's under telemetry), the client's address
// as X-Forwarded-*. An unreachable service is 503 UPSTREAM_UNAVAILABLE, a slow one 504 UPSTREAM_TIMEOUT.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { problemOf, sendProblem } from '@hangviet/service-kit';
import type { RouteEntry, RouteTable } from './route-table';

type Routed = Request & { upstream?: RouteEntry };

export function apiProxy(table: RouteTable, opts: { timeoutMs: number; maxBodyBytes: number }): RequestHandler {
  const proxy = createProxyMiddleware<Request, Response>({
    router: (req) => (req as Routed).upstream!.target,
    changeOrigin: false,
    xfwd: true,
    proxyTimeout: opts.timeoutMs,
    timeout: opts.timeoutMs,
    on: {
      proxyReq: (proxyReq, req) => {
        proxyReq.setHeader('x-request-id', (req as Request).requestId);
        // The host parsed JSON bodies already (its 100kb limit): send what it parsed.
        fixRequestBody(proxyReq, req);
      },
      error: (err, req, res) => {
        const response = res as ServerResponse<IncomingMessage>;
        if (!('status' in response) || response.headersSent) return void response.destroy?.();
        const code = (err as NodeJS.ErrnoException).code;
        const timedOut = code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
        const service = (req as Routed).upstream?.service ?? 'unknown';
        sendProblem(
          response as unknown as Response,
          timedOut
            ? problemOf(req as Request, 504, 'UPSTREAM_TIMEOUT', `The ${service} service did not answer in time.`)
            : problemOf(req as Request, 503, 'UPSTREAM_UNAVAILABLE', `The ${service} service is not reachable; try again shortly.`),
        );
      },
    },
  });

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
