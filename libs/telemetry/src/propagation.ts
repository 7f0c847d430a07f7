import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const tracer = trace.getTracer('@hangviet/telemetry');

// The traceparent helpers speak one documented string format, whatever OTEL_PROPAGATORS says.
const traceContext = new W3CTraceContextPropagator();
const recordGetter: TextMapGetter<Record<string, string>> = {
  get: (carrier, key) => carrier[key],
  keys: (carrier) => Object.keys(carrier),
};

/** The W3C traceparent of the active span, e.g. to store with an outbox entry; undefined outside a trace. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  traceContext.inject(context.active(), carrier, {
    set: (c, key, value) => {
      c[key] = value;
    },
  });
  return carrier.traceparent;
}

/** The context a traceparent string stands for; the root context when it is missing or malformed. */
export function remoteContext(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return traceContext.extract(ROOT_CONTEXT, { traceparent }, recordGetter);
}

/**
 * Runs fn in a new span whose parent is the (remote) span named by traceparent, so work done later
 * and elsewhere — e.g. the outbox relay publishing an event — joins the trace of the request that
 * caused it. Without a usable traceparent the span starts a new trace. A thrown error marks the span.
 */
export function withRemoteParent<T>(traceparent: string | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, {}, remoteContext(traceparent), async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Kafka message headers as kafkajs types them. */
export type KafkaHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

const kafkaHeaderGetter: TextMapGetter<KafkaHeaders> = {
  get(carrier, key) {
    const value = carrier[key] ?? carrier[Object.keys(carrier).find((k) => k.toLowerCase() === key) ?? ''];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value.map((v) => v.toString()) : value.toString();
  },
  keys: (carrier) => Object.keys(carrier),
};

const kafkaHeaderSetter: TextMapSetter<KafkaHeaders> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

/** Writes the active trace context (traceparent, and whatever else the global propagator carries) into headers. */
export function injectTraceHeaders<H extends KafkaHeaders>(headers: H, ctx: Context = context.active()): H {
  propagation.inject(ctx, headers, kafkaHeaderSetter);
  return headers;
}

/** The trace context carried by Kafka headers (Buffer or string values); the root context when there is none. */
export function extractTraceContext(headers: KafkaHeaders | undefined): Context {
  if (!headers) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, headers, kafkaHeaderGetter);
}
