import { join } from 'node:path';
import { context, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { currentTraceparent, extractTraceContext, injectTraceHeaders, withRemoteParent } from './propagation';
import { startTelemetry, type Telemetry } from './start-telemetry';

// Only the SDK's tracer provider, context manager and propagator matter here; no module is instrumented.
const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor(exporter);
let telemetry: Telemetry;
beforeAll(() => {
  telemetry = startTelemetry({ serviceName: 'propagation-unit', spanProcessors: [processor] });
});
afterAll(() => telemetry.shutdown());
beforeEach(async () => {
  await processor.forceFlush();
  exporter.reset();
});

const tracer = trace.getTracer('propagation-test');

/** Finished spans; the processor exports asynchronously. */
async function finishedSpans(): Promise<ReadableSpan[]> {
  await processor.forceFlush();
  return exporter.getFinishedSpans();
}
const remote = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

test('startTelemetry is idempotent', () => {
  expect(startTelemetry({ serviceName: 'another-name' })).toBe(telemetry);
});

test('the @opentelemetry/api other workspaces resolve (hoisted to the repo root) sees the spans of this SDK', async () => {
  // The SDK registers its globals through its own API copy. A newer copy elsewhere (events, service-kit) refuses an
  // older registration and sees no span at all, so the repo must keep one API version the SDK accepts (<1.10).
  const shared = (await import(
    require.resolve('@opentelemetry/api', { paths: [join(__dirname, '..', '..', '..')] })
  )) as typeof import('@opentelemetry/api');
  tracer.startActiveSpan('shared-api', (span) => {
    expect(shared.trace.getActiveSpan()?.spanContext().spanId).toBe(span.spanContext().spanId);
    span.end();
  });
});

test('currentTraceparent is undefined outside a span and the W3C traceparent inside one', () => {
  expect(currentTraceparent()).toBeUndefined();
  tracer.startActiveSpan('work', (span) => {
    const { traceId, spanId } = span.spanContext();
    expect(currentTraceparent()).toBe(`00-${traceId}-${spanId}-01`);
    span.end();
  });
});

test('withRemoteParent runs fn in a child of the remote span, and the child is active inside fn', async () => {
  const inside = await withRemoteParent(remote, 'outbox.publish', async () => currentTraceparent());
  const [span] = await finishedSpans();
  expect(span?.name).toBe('outbox.publish');
  expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  expect(span?.parentSpanContext?.isRemote).toBe(true);
  expect(inside).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span?.spanContext().spanId}-01`);
});

test('withRemoteParent ignores the surrounding span: the traceparent alone decides the parent', async () => {
  await tracer.startActiveSpan('unrelated', async (outer) => {
    await withRemoteParent(remote, 'relay', async () => undefined);
    outer.end();
  });
  const relay = (await finishedSpans()).find((s) => s.name === 'relay');
  expect(relay?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
});

test.each([undefined, '', 'not-a-traceparent', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'])(
  'withRemoteParent(%p) starts a new trace',
  async (traceparent) => {
    await withRemoteParent(traceparent, 'orphan', async () => undefined);
    const spans = await finishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['orphan']);
    expect(spans[0]?.parentSpanContext).toBeUndefined();
    expect(spans[0]?.spanContext().traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  },
);

test('withRemoteParent marks the span failed and rethrows when fn fails', async () => {
  await expect(
    withRemoteParent(remote, 'relay', async () => {
      throw new Error('broker down');
    }),
  ).rejects.toThrow('broker down');
  const [span] = await finishedSpans();
  expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker down' });
  expect(span?.events.map((e) => e.name)).toEqual(['exception']);
});

test('injectTraceHeaders writes the active traceparent next to existing headers', () => {
  tracer.startActiveSpan('produce', (span) => {
    const headers = injectTraceHeaders({ ce_id: 'evt-1' });
    expect(headers).toEqual({ ce_id: 'evt-1', traceparent: currentTraceparent() });
    span.end();
  });
  expect(injectTraceHeaders({}, ROOT_CONTEXT)).toEqual({});
});

test.each([
  ['a Buffer', { traceparent: Buffer.from(remote) }],
  ['a string', { traceparent: remote }],
  ['an array', { traceparent: [Buffer.from(remote)] }],
  ['a differently cased key', { TraceParent: remote }],
])('extractTraceContext reads the traceparent from %s header value', (_label, headers) => {
  const parent = trace.getSpanContext(extractTraceContext(headers));
  expect(parent).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', isRemote: true });
  const child = tracer.startSpan('consume', {}, extractTraceContext(headers));
  expect(child.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  child.end();
});

test('extractTraceContext without trace headers gives the root context', () => {
  expect(extractTraceContext(undefined)).toBe(ROOT_CONTEXT);
  expect(trace.getSpanContext(extractTraceContext({ ce_id: 'x' }))).toBeUndefined();
  expect(context.active()).toBe(ROOT_CONTEXT);
});
