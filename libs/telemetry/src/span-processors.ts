import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** True when the environment names an OTLP collector for traces. */
export function otlpTracesConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * The span processors the SDK gets: the caller's, plus a batched OTLP/HTTP exporter only when a collector
 * is configured. Without one we still need a processor, because NodeSDK creates no TracerProvider for an
 * empty list — and without a provider there are no trace ids to log or to propagate.
 */
export function traceSpanProcessors(extra: SpanProcessor[] = [], env: NodeJS.ProcessEnv = process.env): SpanProcessor[] {
  const processors = [...extra];
  if (otlpTracesConfigured(env)) {
    // The exporter reads the endpoint, headers, timeout and compression from OTEL_EXPORTER_OTLP_* itself.
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  if (processors.length === 0) processors.push(new NoopSpanProcessor());
  return processors;
}
