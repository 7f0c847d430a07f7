// Imported FIRST by a scenario, like `@hangviet/telemetry/register` in a service's main.ts, so the
// instrumentations are in place before http, express, mongodb and kafkajs load. Spans are kept in memory.
import { createRequire } from 'node:module';
import { startTelemetry, type TelemetryOptions } from '@hangviet/telemetry';

type SpanProcessor = NonNullable<TelemetryOptions['spanProcessors']>[number];

/** The parts of a finished span (sdk-trace-base's ReadableSpan) this file reads. */
interface FinishedSpan {
  name: string;
  kind: number;
  instrumentationScope: { name: string };
  spanContext(): { traceId: string; spanId: string };
  parentSpanContext?: { spanId: string };
  attributes: Record<string, unknown>;
}

interface SdkTraceBase {
  InMemorySpanExporter: new () => { getFinishedSpans(): FinishedSpan[] };
  SimpleSpanProcessor: new (exporter: unknown) => SpanProcessor;
}

// @opentelemetry/sdk-trace-base 2.x is a dependency of @hangviet/telemetry, not of this package: load the
// very copy the SDK it starts uses.
const sdk = createRequire(require.resolve('@hangviet/telemetry'))('@opentelemetry/sdk-trace-base') as SdkTraceBase;
const exporter = new sdk.InMemorySpanExporter();
const processor = new sdk.SimpleSpanProcessor(exporter);
export const telemetry = startTelemetry({ serviceName: 'events-scenario', spanProcessors: [processor] });

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
  return exporter.getFinishedSpans().map((span) => ({
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
