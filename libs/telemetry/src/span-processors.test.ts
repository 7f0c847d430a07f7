import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, InMemorySpanExporter, NoopSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { traceSpanProcessors } from './span-processors';

const exporterOf = (processor: unknown) => (processor as { _exporter?: unknown })._exporter;

test('without an OTLP endpoint no exporter is registered, only a no-op processor that keeps trace ids alive', () => {
  const processors = traceSpanProcessors([], {});
  expect(processors).toHaveLength(1);
  expect(processors[0]).toBeInstanceOf(NoopSpanProcessor);
});

test('without an OTLP endpoint the caller’s processors are the only ones', () => {
  const own = new SimpleSpanProcessor(new InMemorySpanExporter());
  expect(traceSpanProcessors([own], { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toEqual([own]);
});

test.each([
  { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' },
  { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' },
])('with %o a batched OTLP/HTTP trace exporter is added', (env) => {
  const own = new SimpleSpanProcessor(new InMemorySpanExporter());
  const processors = traceSpanProcessors([own], env);
  expect(processors).toHaveLength(2);
  expect(processors[0]).toBe(own);
  expect(processors[1]).toBeInstanceOf(BatchSpanProcessor);
  expect(exporterOf(processors[1])).toBeInstanceOf(OTLPTraceExporter);
  return processors[1]!.shutdown();
});
