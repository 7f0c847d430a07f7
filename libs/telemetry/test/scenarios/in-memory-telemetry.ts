// Imported FIRST by every scenario, like `@hangviet/telemetry/register` in a service's main.ts, so the
// instrumentations are in place before http, express and kafkajs load. Spans are kept in memory.
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../../src';

const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor(exporter);
export const telemetry = startTelemetry({ serviceName: 'telemetry-scenario', spanProcessors: [processor] });

/** What the test process needs of a finished span; ReadableSpan itself does not survive JSON. */
export interface SpanRecord {
  name: string;
  kind: number;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

/** The finished spans; SimpleSpanProcessor exports asynchronously, so pending exports are awaited first. */
export async function spanRecords(): Promise<SpanRecord[]> {
  await processor.forceFlush();
  return exporter.getFinishedSpans().map((span: ReadableSpan) => ({
    name: span.name,
    kind: span.kind,
    scope: span.instrumentationScope.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
    attributes: { ...span.attributes },
  }));
}

/** The scenario's one line of stdout, read by the test. */
export function report(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
