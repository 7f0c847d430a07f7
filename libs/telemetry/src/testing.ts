// For tests only (`@hangviet/telemetry/testing`): telemetry that keeps finished spans in memory, for
// scenarios run in a child process (see startScenario in @hangviet/testing) whose test reads the
// spans back as JSON. Import it FIRST in a scenario, as a service imports '@hangviet/telemetry/register'.
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, type Telemetry } from './start-telemetry';

/** What a test process needs of a finished span; ReadableSpan itself does not survive JSON. */
export interface SpanRecord {
  name: string;
  kind: number;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

export interface InMemoryTelemetry {
  telemetry: Telemetry;
  /** The finished spans; SimpleSpanProcessor exports asynchronously, so pending exports are awaited first. */
  spanRecords(): Promise<SpanRecord[]>;
}

export function startInMemoryTelemetry(serviceName: string): InMemoryTelemetry {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  const telemetry = startTelemetry({ serviceName, spanProcessors: [processor] });
  return {
    telemetry,
    async spanRecords() {
      await processor.forceFlush();
      return exporter.getFinishedSpans().map((span) => ({
        name: span.name,
        kind: span.kind,
        scope: span.instrumentationScope.name,
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
        ...(span.parentSpanContext ? { parentSpanId: span.parentSpanContext.spanId } : {}),
        attributes: { ...span.attributes },
      }));
    },
  };
}

/** A scenario's one line of stdout, read by the test. */
export function report(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
