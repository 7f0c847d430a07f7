// Starts telemetry exactly as a service does (the register entry point, no span processors of its own),
// records one span and one metric, shuts down, and reports the connections the process attempted.
import { connections } from './socket-spy';
import '../../src/register';
import { metrics, trace } from '@opentelemetry/api';
import { currentTraceparent, shutdownTelemetry } from '../../src';

async function main(): Promise<void> {
  // Would be exported if the SDK had started a metric reader of its own (services use prom-client).
  metrics.getMeter('scenario').createCounter('scenario_runs').add(1);
  const traceparent = trace.getTracer('scenario').startActiveSpan('unit-of-work', (span) => {
    const active = currentTraceparent();
    span.end();
    return active;
  });
  await shutdownTelemetry();
  process.stdout.write(`${JSON.stringify({ traceparent, connections })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
