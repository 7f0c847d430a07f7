// gzip/brotli for what the gateway sends: the console's scripts and styles, and every JSON answer the
// services give through the proxy (people reach the platform over rural mobile connections). The
// `compression` middleware negotiates Accept-Encoding (brotli preferred) and skips small bodies and
// types that are compressed already. Server-sent events are left alone: each event must reach the
// client when it is written, not when a compression buffer fills.
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

export function responseCompression(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req: Request, res: Response) => {
      if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  }) as RequestHandler;
}
