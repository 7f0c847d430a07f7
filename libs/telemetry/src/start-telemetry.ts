import type { IncomingMessage } from 'node:http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { traceSpanProcessors } from './span-processors';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** Extra processors, e.g. a SimpleSpanProcessor over an InMemorySpanExporter in tests. */
  spanProcessors?: SpanProcessor[];
}

export interface Telemetry {
  /** Flushes pending spans and stops the SDK. Safe to call more than once. */
  shutdown(): Promise<void>;
}

/** Probe and scrape endpoints: polled every few seconds, a trace per poll would drown the real ones. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

let started: Telemetry | undefined;

/**
 * Starts the OpenTelemetry Node SDK once per process. It must run before http, express, @grpc/grpc-js,
 * mongodb and kafkajs are first required, because the instrumentations patch those modules as they load.
 * A second call returns the first handle (the SDK's globals can be registered only once).
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started) return started;

  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: options.serviceName,
        ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
      }),
    ),
    // service.name given here wins over OTEL_SERVICE_NAME read by the env detector.
    serviceName: options.serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: traceSpanProcessors(options.spanProcessors),
    // Services expose metrics through prom-client, and logs go to stdout through pino: left to themselves,
    // NodeSDK would otherwise start OTLP metric/log exporters that try to reach localhost:4318.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has(pathOf(request.url)),
      }),
      new ExpressInstrumentation(),
      new GrpcInstrumentation(),
      new MongoDBInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  started = {
    shutdown: () => (stopping ??= sdk.shutdown()),
  };
  return started;
}

/** Shuts down the telemetry started in this process, if any (for a service's own shutdown hooks). */
export async function shutdownTelemetry(): Promise<void> {
  await started?.shutdown();
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
