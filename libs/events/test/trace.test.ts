// One trace from the HTTP request that writes an event, through the outbox relay's Kafka send, to the
// consumer's handling: run in a child process, where the instrumentations see http, express and kafkajs.
import { SpanKind } from '@opentelemetry/api';
import { join } from 'node:path';
import { reportOf, runScenario, testScope } from '@hangviet/testing';
import type { SpanRecord } from './scenarios/in-memory-telemetry';

interface Report {
  topic: string;
  requests: { route: string; status: number; id: string; eventId: string }[];
  handled: Record<string, { subject: string; activeTraceparent?: string }>;
  spans: SpanRecord[];
}

jest.setTimeout(120_000);

const scope = testScope('events_trace');
let report: Report;

beforeAll(async () => {
  report = reportOf<Report>(
    await runScenario(join(__dirname, 'scenarios', 'http-outbox-consumer.ts'), {
      KAFKA_BROKERS: scope.kafkaBrokers.join(','),
      MONGO_URL: scope.mongoUrl,
      EVENT_TYPE: `${scope.topic('hangviet.test.widget')}.created.v1`,
      GROUP_ID: scope.group('trace-consumer'),
    }),
  );
});

function one(predicate: (span: SpanRecord) => boolean, what: string): SpanRecord {
  const found = report.spans.filter(predicate);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${what}, found ${found.length} in:\n${report.spans.map((s) => `${s.scope} ${s.name}`).join('\n')}`,
    );
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

const spanIdOf = (traceparent: string | undefined) => traceparent?.split('-')[2];

describe.each(['/widgets', '/widgets/deferred'])('POST %s', (route) => {
  const how = route === '/widgets' ? 'published by the request' : 'published later by the sweeper';

  test(`the request, the relay's send and the consumer's handling form one parent-linked trace (${how})`, () => {
    const request = report.requests.find((r) => r.route === route)!;
    expect(request.status).toBe(201);

    const server = one(
      (s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === route,
      `HTTP server span for POST ${route}`,
    );
    const send = one(
      (s) => s.kind === SpanKind.PRODUCER && s.attributes['messaging.kafka.message.key'] === request.id,
      `send span of ${request.id}`,
    );
    const processed = one(
      (s) => s.scope === '@hangviet/events' && s.attributes['messaging.message.id'] === request.eventId,
      `the consumer's process span of ${request.eventId}`,
    );

    expect(server.scope).toBe('@opentelemetry/instrumentation-http');
    expect(server.parentSpanId).toBeUndefined();
    expect(send.name).toBe(`send ${report.topic}`);
    expect(processed.name).toBe(`process ${report.topic}`);
    expect(processed.kind).toBe(SpanKind.CONSUMER);
    expect(send.traceId).toBe(server.traceId);
    expect(processed.traceId).toBe(server.traceId);
    // server → (express) → send → process, by parent links.
    expect(ancestry(send)).toContain(server.spanId);
    expect(processed.parentSpanId).toBe(send.spanId);
    // The handler ran inside the consumer's span.
    expect(report.handled[request.eventId]?.subject).toBe(request.id);
    expect(spanIdOf(report.handled[request.eventId]?.activeTraceparent)).toBe(processed.spanId);
  });
});

test('the two requests are two traces', () => {
  const servers = report.spans.filter((s) => s.kind === SpanKind.SERVER);
  expect(servers.map((s) => s.attributes['http.route']).sort()).toEqual(['/widgets', '/widgets/deferred']);
  expect(servers[0]!.traceId).not.toBe(servers[1]!.traceId);
});
