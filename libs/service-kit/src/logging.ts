import { trace } from '@opentelemetry/api';
import pino from 'pino';
import { requestContext } from './context';

export type Logger = pino.Logger;

/** Paths pino censors: credentials must never reach a log line, wherever they appear. */
export const redactPaths = [
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

export function createLogger(opts: {
  service: string;
  level?: string;
  pretty?: boolean;
  /** Where JSON lines go (default stdout); for tests and custom sinks. */
  destination?: pino.DestinationStream;
}): Logger {
  const pretty = opts.pretty ?? process.env.NODE_ENV === 'development';
  const options: pino.LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: opts.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    mixin: logContext,
  };
  if (opts.destination) return pino(options, opts.destination);
  if (!pretty) return pino(options);
  // Loaded only in development: a synchronous pretty stream, no worker thread to outlive the process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pinoPretty = require('pino-pretty') as typeof import('pino-pretty');
  return pino(options, pinoPretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l' }));
}

/** Adds request_id and the active span's trace_id/span_id to each line, so logs join traces. */
export function logContext(): Record<string, string> {
  const out: Record<string, string> = {};
  const request = requestContext.getStore();
  if (request) out.request_id = request.requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && span.traceId !== '00000000000000000000000000000000') {
    out.trace_id = span.traceId;
    out.span_id = span.spanId;
  }
  return out;
}
