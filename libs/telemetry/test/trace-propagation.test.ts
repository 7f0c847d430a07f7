import { SpanKind } from '@opentelemetry/api';
import { join } from 'node:path';
import { reportOf, runScenario, testScope } from '@hangviet/testing';
import type { SpanRecord } from './scenarios/in-memory-telemetry';

interface Report {
  probeStatus: number;
  orderStatus: number;
  capturedTraceparent?: string;
  relay: { activeBefore?: string };
  consumed: Record<string, { traceparent?: string; activeTraceparent?: string }>;
  spans: SpanRecord[];
}

const scope = testScope('telemetry');
let report: Report;

beforeAll(async () => {
  report = reportOf<Report>(
    await runScenario(join(__dirname, 'scenarios', 'http-to-kafka.ts'), {
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      SCENARIO_TOPIC: scope.topic('telemetry.orders'),
      SCENARIO_GROUP: scope.group('telemetry-consumer'),
    }),
  );
});

function one(predicate: (span: SpanRecord) => boolean, what: string): SpanRecord {
  const found = report.spans.filter(predicate);
  if (found.length !== 1) {
    throw new Error(`expected one ${what}, found ${found.length} in:\n${report.spans.map((s) => `${s.scope} ${s.name}`).join('\n')}`);
  }
  return found[0]!;
}

/** The span ids from span up to its trace's root, following parent links within the recorded spans. */
function ancestry(span: SpanRecord): string[] {
  const byId = new Map(report.spans.map((s) => [s.spanId, s]));
  const chain = [span.spanId];
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) chain.push(parent);
  return chain;
}

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];
const spanIdOf = (traceparent: string | undefined) => traceparent?.split('-')[2];

test('an HTTP request, the Kafka message it produces and the consumer that processes it form one trace', () => {
  const topic = scope.topic('telemetry.orders');
  expect(report.orderStatus).toBe(202);

  const server = one((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/orders', 'HTTP server span for POST /orders');
  const send = one((s) => s.kind === SpanKind.PRODUCER && s.attributes['messaging.kafka.message.key'] === 'order-1', 'kafkajs send span of order-1');
  const processed = one((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.kafka.message.key'] === 'order-1', 'kafkajs process span of order-1');

  expect(server.scope).toBe('@opentelemetry/instrumentation-http');
  expect(send.name).toBe(`send ${topic}`);
  expect(processed.name).toBe(`process ${topic}`);
  expect(server.parentSpanId).toBeUndefined();
  expect(send.traceId).toBe(server.traceId);
  expect(processed.traceId).toBe(server.traceId);
  // The consumer span is a child of the send span, which descends from the server span (through express's handler span).
  expect(processed.parentSpanId).toBe(send.spanId);
  expect(ancestry(send)).toContain(server.spanId);
  // The message carried the context, and the consumer's handler ran inside it.
  expect(traceIdOf(report.consumed['order-1']?.traceparent)).toBe(server.traceId);
  expect(spanIdOf(report.consumed['order-1']?.activeTraceparent)).toBe(processed.spanId);
});

test('withRemoteParent puts later, detached work into the trace of the request that captured the traceparent', () => {
  const capture = one((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/capture', 'HTTP server span for GET /capture');
  const relay = one((s) => s.name === 'outbox.publish', 'outbox.publish span');
  const relayedSend = one((s) => s.kind === SpanKind.PRODUCER && s.attributes['messaging.kafka.message.key'] === 'relayed-1', 'send span of relayed-1');
  const relayedProcess = one((s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.kafka.message.key'] === 'relayed-1', 'process span of relayed-1');

  // The task itself ran outside any trace: the link comes only from the captured traceparent.
  expect(report.relay.activeBefore).toBeUndefined();
  expect(traceIdOf(report.capturedTraceparent)).toBe(capture.traceId);
  expect(relay.traceId).toBe(capture.traceId);
  expect(relay.parentSpanId).toBe(spanIdOf(report.capturedTraceparent));
  expect(ancestry(relay)).toContain(capture.spanId);
  expect(relayedSend.parentSpanId).toBe(relay.spanId);
  expect(relayedProcess.parentSpanId).toBe(relayedSend.spanId);
  // A different request, a different trace.
  const order = one((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/orders', 'HTTP server span for POST /orders');
  expect(order.traceId).not.toBe(capture.traceId);
});

test('health probes are served but not traced', () => {
  expect(report.probeStatus).toBe(200);
  expect(report.spans.filter((s) => JSON.stringify(s).includes('/healthz'))).toEqual([]);
  // The same app's other requests were traced, so the absence is the filter's doing.
  expect(report.spans.some((s) => s.attributes['http.route'] === '/orders')).toBe(true);
});
